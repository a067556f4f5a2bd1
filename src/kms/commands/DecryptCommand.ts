import { Decrypt } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import { InvalidCiphertextException, type ResponseMetadata } from '../errors.js';
import type { EncryptionAlgorithmSpec, RecipientInfo } from '../models.js';
import { incorrectKey, notImplemented, usableKey } from '../non-mac.js';
import type { Service } from '../service.js';
import { readInput } from '../validate.js';

/** Decrypt request ([M] `DecryptRequest`). */
export interface DecryptRequest {
  CiphertextBlob: Uint8Array | undefined;
  EncryptionContext?: Record<string, string> | undefined;
  GrantTokens?: string[] | undefined;
  /** Key ID, key ARN, alias name or alias ARN. */
  KeyId?: string | undefined;
  EncryptionAlgorithm?: EncryptionAlgorithmSpec | undefined;
  Recipient?: RecipientInfo | undefined;
  DryRun?: boolean | undefined;
}

/** Decrypt response ([M] `DecryptResponse`). */
export interface DecryptResponse {
  KeyId?: string | undefined;
  Plaintext?: Uint8Array | undefined;
  EncryptionAlgorithm?: EncryptionAlgorithmSpec | undefined;
}

/** The input of {@link DecryptCommand}. */
export interface DecryptCommandInput extends DecryptRequest {}
/** The output of {@link DecryptCommand}. */
export interface DecryptCommandOutput extends DecryptResponse, MetadataBearer {}

/**
 * With `KeyId` naming an HMAC key (or any key that cannot decrypt):
 * IncorrectKeyException `The key ID in the request does not identify a CMK
 * that can perform this operation.` (recorded). With a symmetric encryption
 * key: UnsupportedOperationException (not implemented here). Without
 * `KeyId`: InvalidCiphertextException, since no ciphertext of this KMS
 * exists ([INF]).
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, InvalidGrantTokenException, IncorrectKeyException, InvalidCiphertextException, UnsupportedOperationException.
 * @example
 * await client.send(new DecryptCommand({ KeyId: 'alias/my-hmac', CiphertextBlob: blob })); // IncorrectKeyException
 */
export class DecryptCommand extends KMSCommand<DecryptCommandInput, DecryptCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<DecryptCommandOutput> {
    const { KeyId: keyId, GrantTokens: tokens } = readInput(Decrypt, this.input, s.region);
    if (keyId !== undefined) {
      const record = await usableKey(s, keyId, tokens);
      if (record.KeyUsage !== 'ENCRYPT_DECRYPT') throw incorrectKey();
      throw notImplemented('Decrypt', record);
    }
    throw new InvalidCiphertextException({});
  }
}
