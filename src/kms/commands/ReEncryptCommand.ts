import { ReEncrypt } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import { InvalidCiphertextException, type ResponseMetadata } from '../errors.js';
import type { EncryptionAlgorithmSpec } from '../models.js';
import { incorrectKey, notImplemented, usableKey, wrongUsage } from '../non-mac.js';
import type { Service } from '../service.js';
import { readInput } from '../validate.js';

/** ReEncrypt request ([M] `ReEncryptRequest`). */
export interface ReEncryptRequest {
  CiphertextBlob: Uint8Array | undefined;
  SourceEncryptionContext?: Record<string, string> | undefined;
  SourceKeyId?: string | undefined;
  DestinationKeyId: string | undefined;
  DestinationEncryptionContext?: Record<string, string> | undefined;
  SourceEncryptionAlgorithm?: EncryptionAlgorithmSpec | undefined;
  DestinationEncryptionAlgorithm?: EncryptionAlgorithmSpec | undefined;
  GrantTokens?: string[] | undefined;
  DryRun?: boolean | undefined;
}

/** ReEncrypt response ([M] `ReEncryptResponse`). */
export interface ReEncryptResponse {
  CiphertextBlob?: Uint8Array | undefined;
  SourceKeyId?: string | undefined;
  KeyId?: string | undefined;
}

/** The input of {@link ReEncryptCommand}. */
export interface ReEncryptCommandInput extends ReEncryptRequest {}
/** The output of {@link ReEncryptCommand}. */
export interface ReEncryptCommandOutput extends ReEncryptResponse, MetadataBearer {}

/**
 * `SourceKeyId` naming an HMAC key: IncorrectKeyException (recorded, as for
 * Decrypt). Otherwise the destination is checked: an HMAC key there is
 * InvalidKeyUsageException `... which is not valid for ReEncrypt.` ([INF]);
 * then the ciphertext, which no key here can decrypt:
 * InvalidCiphertextException ([INF]).
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, InvalidGrantTokenException, IncorrectKeyException, InvalidKeyUsageException, InvalidCiphertextException, UnsupportedOperationException.
 * @example
 * await client.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceKeyId: 'alias/my-hmac', DestinationKeyId: 'alias/other' })); // IncorrectKeyException
 */
export class ReEncryptCommand extends KMSCommand<ReEncryptCommandInput, ReEncryptCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<ReEncryptCommandOutput> {
    const { SourceKeyId: sourceId, DestinationKeyId: destinationId, GrantTokens: tokens } = readInput(ReEncrypt, this.input, s.region);
    if (sourceId !== undefined) {
      const source = await usableKey(s, sourceId, tokens);
      if (source.KeyUsage !== 'ENCRYPT_DECRYPT') throw incorrectKey();
      throw notImplemented('ReEncrypt', source);
    }
    const destination = await usableKey(s, destinationId, tokens);
    if (destination.KeyUsage !== 'ENCRYPT_DECRYPT') throw wrongUsage(destination, 'ReEncrypt');
    throw new InvalidCiphertextException({});
  }
}
