import { KMSCommand, type MetadataBearer } from '../command.js';
import { UnsupportedOperationException, type ResponseMetadata } from '../errors.js';
import { checkExternal, checkHmacSpec, checkImportState, MAX_SETS, PARAMETERS_LIFETIME_MS, readImportState, writeImportState } from '../import/state.js';
import { newParameters, OAEP_HASH, RSA_BITS } from '../import/wrapping.js';
import { GetParametersForImport } from '../model/operations.js';
import type { AlgorithmSpec, WrappingKeySpec } from '../models.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** GetParametersForImport request (the model's `GetParametersForImportRequest`). */
export interface GetParametersForImportRequest {
  /** Key ID or key ARN of an `EXTERNAL` key in the caller's account (no aliases). */
  KeyId: string | undefined;
  /** `RSAES_OAEP_SHA_1` or `RSAES_OAEP_SHA_256` for HMAC material. */
  WrappingAlgorithm: AlgorithmSpec | undefined;
  /** `RSA_2048`, `RSA_3072` or `RSA_4096`. */
  WrappingKeySpec: WrappingKeySpec | undefined;
}

/** GetParametersForImport response (the model's `GetParametersForImportResponse`). */
export interface GetParametersForImportResponse {
  /** The key ARN. */
  KeyId?: string | undefined;
  /** Opaque; send it back with ImportKeyMaterial, together with material wrapped under `PublicKey`. */
  ImportToken?: Uint8Array | undefined;
  /** The RSA wrapping key, DER SubjectPublicKeyInfo. */
  PublicKey?: Uint8Array | undefined;
  /** 24 hours after the request, by the client's clock. */
  ParametersValidTo?: Date | undefined;
}

/** The input of {@link GetParametersForImportCommand}. */
export interface GetParametersForImportCommandInput extends GetParametersForImportRequest {}
/** The output of {@link GetParametersForImportCommand}. */
export interface GetParametersForImportCommandOutput extends GetParametersForImportResponse, MetadataBearer {}

/**
 * A fresh RSA wrapping key pair (WebCrypto) and an import token for an
 * `EXTERNAL` HMAC key: wrap the material with RSA-OAEP under `PublicKey`
 * (SHA-1 or SHA-256, as `WrappingAlgorithm` says) and send it with
 * `ImportToken` to ImportKeyMaterial before `ParametersValidTo`. Each call
 * issues a new set; the last ten stay usable until they expire.
 *
 * HMAC material takes `RSAES_OAEP_SHA_1` / `RSAES_OAEP_SHA_256` with
 * `RSA_2048`, `RSA_3072` or `RSA_4096` (SEMANTICS.md IMP-2); the others
 * (`RSAES_PKCS1_V1_5`, withdrawn in 2023; `RSA_AES_KEY_WRAP_*`, for RSA and
 * ECC material; SM2, China Regions only) get UnsupportedOperationException.
 *
 * Throws ValidationException, SerializationException, NotFoundException
 * (also for an alias: this operation takes a key ID or key ARN only),
 * UnsupportedOperationException (`<key ARN> origin is AWS_KMS which is not
 * valid for this operation.`), KMSInvalidStateException (`<key ARN> is
 * pending deletion.`), KMSInternalException.
 * @example
 * const { ImportToken, PublicKey, ParametersValidTo } = await client.send(new GetParametersForImportCommand({ KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_3072' }));
 */
export class GetParametersForImportCommand extends KMSCommand<GetParametersForImportCommandInput, GetParametersForImportCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<GetParametersForImportCommandOutput> {
    const { KeyId: keyId, WrappingAlgorithm: algorithm, WrappingKeySpec: keySpec } = readInput(GetParametersForImport, this.input);
    const record = await s.resolve(keyId!, KEY_OR_ARN);
    checkExternal(record);
    checkImportState(record);
    checkHmacSpec(record);
    if (!Object.hasOwn(OAEP_HASH, algorithm!) || !Object.hasOwn(RSA_BITS, keySpec!)) {
      // AWS's text for these combinations is not recorded (SEMANTICS.md IMP-2).
      throw new UnsupportedOperationException(
        `${algorithm} with ${keySpec} is not supported for HMAC key material. Use RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256 with RSA_2048, RSA_3072 or RSA_4096.`,
      );
    }
    const now = s.nowMs();
    const validTo = now + PARAMETERS_LIFETIME_MS;
    const { token, publicKey, set } = await newParameters(record.Arn, algorithm!, keySpec!, validTo);
    // Generating an RSA key takes a while: the change applies to the key as it is by then.
    await s.change(record.KeyId, KEY_OR_ARN, (current) => {
      const state = readImportState(current);
      // Expired sets keep their id (for ExpiredImportTokenException) but lose their sealed key.
      const sets = state.sets.map((old) => (old.validTo > now || old.sealed === undefined ? old : { id: old.id, algorithm: old.algorithm, keySpec: old.keySpec, validTo: old.validTo }));
      sets.push(set);
      return { ...current, importState: writeImportState({ ...state, sets: sets.slice(-MAX_SETS) }) };
    });
    return { KeyId: record.Arn, ImportToken: token, PublicKey: publicKey, ParametersValidTo: new Date(validTo), $metadata };
  }
}
