import { Encrypt } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { EncryptionAlgorithmSpec } from '../models.js';
import type { ResponseMetadata } from '../errors.js';
import { refuse } from '../non-mac.js';
import type { Service } from '../service.js';
import { readInput } from '../validate.js';

/** Encrypt request ([M] `EncryptRequest`). */
export interface EncryptRequest {
  /** Key ID, key ARN, alias name or alias ARN. */
  KeyId: string | undefined;
  Plaintext: Uint8Array | string | undefined;
  EncryptionContext?: Record<string, string> | undefined;
  GrantTokens?: string[] | undefined;
  EncryptionAlgorithm?: EncryptionAlgorithmSpec | undefined;
  DryRun?: boolean | undefined;
}

/** Encrypt response ([M] `EncryptResponse`). */
export interface EncryptResponse {
  CiphertextBlob?: Uint8Array | undefined;
  KeyId?: string | undefined;
  EncryptionAlgorithm?: EncryptionAlgorithmSpec | undefined;
}

/** The input of {@link EncryptCommand}. */
export interface EncryptCommandInput extends EncryptRequest {}
/** The output of {@link EncryptCommand}. */
export interface EncryptCommandOutput extends EncryptResponse, MetadataBearer {}

/**
 * On an HMAC key: InvalidKeyUsageException `<key ARN> key usage is GENERATE_VERIFY_MAC
 * which is not valid for Encrypt.` ([INF] by the recorded pattern). wasmac holds HMAC material only, so on
 * a key of the usage it needs the answer is an UnsupportedOperationException
 * naming the operation. The key state is checked first.
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, InvalidGrantTokenException, InvalidKeyUsageException (a key of another usage: an HMAC key), UnsupportedOperationException (a key this operation suits: not implemented here).
 * @example
 * await client.send(new EncryptCommand({ KeyId: 'alias/my-hmac', Plaintext: 'x' })); // InvalidKeyUsageException
 */
export class EncryptCommand extends KMSCommand<EncryptCommandInput, EncryptCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<EncryptCommandOutput> {
    const { KeyId: keyId, GrantTokens: tokens } = readInput(Encrypt, this.input, s.region);
    return refuse(s, 'Encrypt', keyId, tokens, 'ENCRYPT_DECRYPT');
  }
}
