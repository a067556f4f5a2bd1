import { KMSCommand, type MetadataBearer } from '../command.js';
import {
  ExpiredImportTokenException,
  IncorrectKeyMaterialException,
  InvalidCiphertextException,
  InvalidImportTokenException,
  UnsupportedOperationException,
  ValidationException,
  type ResponseMetadata,
} from '../errors.js';
import {
  checkExternal,
  checkHmacSpec,
  checkImportState,
  fingerprint,
  materialLengthProblem,
  MAX_VALID_TO_MS,
  readImportState,
  sameMaterial,
  writeImportState,
} from '../import/state.js';
import { openPrivateKey, tokenId, unwrap } from '../import/wrapping.js';
import type { StoredKey } from '../key-store.js';
import { ImportKeyMaterial } from '../model/operations.js';
import type { ExpirationModelType, ImportType } from '../models.js';
import { SecretBytes } from '../secret.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** ImportKeyMaterial request (the model's `ImportKeyMaterialRequest`). */
export interface ImportKeyMaterialRequest {
  /** Key ID or key ARN of the `EXTERNAL` key the token was issued for (no aliases). */
  KeyId: string | undefined;
  /** From the same GetParametersForImport response as the public key used to wrap. */
  ImportToken: Uint8Array | undefined;
  /** The material, RSA-OAEP encrypted under that public key with the algorithm asked for. */
  EncryptedKeyMaterial: Uint8Array | undefined;
  /** When the material expires; required with `KEY_MATERIAL_EXPIRES`, refused otherwise. At most 365 days ahead. */
  ValidTo?: Date | undefined;
  /** Default `KEY_MATERIAL_EXPIRES`. */
  ExpirationModel?: ExpirationModelType | undefined;
  /** Symmetric encryption keys only. */
  ImportType?: ImportType | undefined;
  /** Symmetric encryption keys only. */
  KeyMaterialDescription?: string | undefined;
  /** Symmetric encryption keys only. */
  KeyMaterialId?: string | undefined;
}

/** ImportKeyMaterial response (the model's `ImportKeyMaterialResponse`). */
export interface ImportKeyMaterialResponse {
  /** The key ARN. */
  KeyId?: string | undefined;
  /** Symmetric encryption keys only: never set for HMAC keys (SEMANTICS.md IMP-5). */
  KeyMaterialId?: string | undefined;
}

/** The input of {@link ImportKeyMaterialCommand}. */
export interface ImportKeyMaterialCommandInput extends ImportKeyMaterialRequest {}
/** The output of {@link ImportKeyMaterialCommand}. */
export interface ImportKeyMaterialCommandOutput extends ImportKeyMaterialResponse, MetadataBearer {}

/**
 * Imports (or reimports) HMAC key material into an `EXTERNAL` key: the
 * token's private key unwraps `EncryptedKeyMaterial` (RSA-OAEP), the length
 * is checked against the key spec (28-64 / 32-64 / 48-128 / 64-128 bytes for
 * HMAC_224 / 256 / 384 / 512), and the key becomes Enabled with the
 * material. The first material pins the key: reimporting after
 * DeleteImportedKeyMaterial or expiry must bring the same bytes (SEMANTICS.md
 * IMP-6). With `KEY_MATERIAL_EXPIRES` the material is deleted when
 * `ValidTo` passes by the client's clock, and the key returns to PendingImport.
 *
 * Throws ValidationException (`A validTo date must be set if the
 * ExpirationModel is KEY_MATERIAL_EXPIRES`, ...), SerializationException,
 * NotFoundException, UnsupportedOperationException, KMSInvalidStateException,
 * InvalidImportTokenException, ExpiredImportTokenException,
 * InvalidCiphertextException, IncorrectKeyMaterialException, KMSInternalException.
 * @example
 * await client.send(new ImportKeyMaterialCommand({ KeyId, ImportToken, EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
 */
export class ImportKeyMaterialCommand extends KMSCommand<ImportKeyMaterialCommandInput, ImportKeyMaterialCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<ImportKeyMaterialCommandOutput> {
    const {
      KeyId: keyId,
      ImportToken: token,
      EncryptedKeyMaterial: wrapped,
      ValidTo: validTo,
      ExpirationModel: model,
      ImportType: importType,
      KeyMaterialDescription: description,
      KeyMaterialId: materialId,
    } = readInput(ImportKeyMaterial, this.input);

    // The expiration rules, before the key is looked at (SEMANTICS.md IMP-4).
    const now = s.nowMs();
    if (model === 'KEY_MATERIAL_EXPIRES') {
      if (validTo === undefined) throw new ValidationException('A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES');
      if (validTo <= now) throw new ValidationException('ValidTo must be in the future');
      if (validTo > now + MAX_VALID_TO_MS) throw new ValidationException('ValidTo must be no more than 365 days in the future');
    } else if (validTo !== undefined) {
      // The model says ValidTo must be omitted here (IMP-4).
      throw new ValidationException('The parameter ValidTo cannot be specified for a key with an expiration model of KEY_MATERIAL_DOES_NOT_EXPIRE');
    }

    const record = await s.resolve(keyId!, KEY_OR_ARN);
    checkExternal(record);
    checkImportState(record);
    checkHmacSpec(record);
    if (importType !== undefined || description !== undefined || materialId !== undefined) {
      // Symmetric encryption keys only (SEMANTICS.md IMP-5).
      throw new UnsupportedOperationException('ImportType, KeyMaterialDescription and KeyMaterialId are supported for symmetric encryption keys only.');
    }

    const state = readImportState(record);
    const id = tokenId(token!);
    const set = state.sets.find((candidate) => candidate.id === id);
    // AWS's texts for these are not recorded (SEMANTICS.md IMP-3).
    if (set === undefined) throw new InvalidImportTokenException('Invalid import token.');
    if (set.validTo <= now) throw new ExpiredImportTokenException('The import token has expired.');
    const privateKey = await openPrivateKey(set, token!, record.Arn);
    if (privateKey === undefined) throw new InvalidImportTokenException('Invalid import token.');
    const material = await unwrap(privateKey, wrapped!);
    // AWS sends InvalidCiphertextException without a message (SEMANTICS.md
    // IMP-3, WIRE-4); the SDK then says 'UnknownError'.
    if (material === undefined) throw new InvalidCiphertextException('UnknownError');
    try {
      const problem = materialLengthProblem(record.KeySpec, material.length);
      // IncorrectKeyMaterialException is the model's "invalid, or does not meet expectations" (SEMANTICS.md MAT-1).
      if (problem !== undefined) throw new IncorrectKeyMaterialException(problem);
      // The unwrap took a while: the change applies to the key as it is by then.
      const secret = new SecretBytes(material);
      await s.change(record.KeyId, KEY_OR_ARN, (current) => {
        checkImportState(current);
        const pinned = readImportState(current);
        if (!sameMaterial(pinned, material, current.KeyId)) {
          // HMAC material cannot change (SEMANTICS.md IMP-6).
          throw new IncorrectKeyMaterialException('The key material does not match the key material previously imported into this KMS key.');
        }
        const next: StoredKey = {
          ...current,
          KeyState: 'Enabled',
          ExpirationModel: model,
          material: secret,
          importState: writeImportState({ ...pinned, fingerprint: pinned.fingerprint ?? fingerprint(material, current.KeyId) }),
        };
        if (model === 'KEY_MATERIAL_EXPIRES') next.ValidTo = validTo;
        else delete next.ValidTo;
        return next;
      });
    } finally {
      material.fill(0);
    }
    return { KeyId: record.Arn, $metadata };
  }
}
