import { GenerateDataKey } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { DataKeySpec } from '../models.js';
import type { ResponseMetadata } from '../errors.js';
import type { RecipientInfo } from '../models.js';
import { refuse } from '../non-mac.js';
import type { Service } from '../service.js';
import { readInput } from '../validate.js';

/** GenerateDataKey request ([M] `GenerateDataKeyRequest`). */
export interface GenerateDataKeyRequest {
  /** Key ID, key ARN, alias name or alias ARN. */
  KeyId: string | undefined;
  EncryptionContext?: Record<string, string> | undefined;
  NumberOfBytes?: number | undefined;
  KeySpec?: DataKeySpec | undefined;
  GrantTokens?: string[] | undefined;
  Recipient?: RecipientInfo | undefined;
  DryRun?: boolean | undefined;
}

/** GenerateDataKey response ([M] `GenerateDataKeyResponse`). */
export interface GenerateDataKeyResponse {
  CiphertextBlob?: Uint8Array | undefined;
  Plaintext?: Uint8Array | undefined;
  KeyId?: string | undefined;
}

/** The input of {@link GenerateDataKeyCommand}. */
export interface GenerateDataKeyCommandInput extends GenerateDataKeyRequest {}
/** The output of {@link GenerateDataKeyCommand}. */
export interface GenerateDataKeyCommandOutput extends GenerateDataKeyResponse, MetadataBearer {}

/**
 * On an HMAC key: InvalidKeyUsageException `<key ARN> key usage is GENERATE_VERIFY_MAC
 * which is not valid for GenerateDataKey.` ([INF] by the recorded pattern). wasmac holds HMAC material only, so on
 * a key of the usage it needs the answer is an UnsupportedOperationException
 * naming the operation. The key state is checked first.
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, InvalidGrantTokenException, InvalidKeyUsageException (a key of another usage: an HMAC key), UnsupportedOperationException (a key this operation suits: not implemented here).
 * @example
 * await client.send(new GenerateDataKeyCommand({ KeyId: 'alias/my-hmac', KeySpec: 'AES_256' })); // InvalidKeyUsageException
 */
export class GenerateDataKeyCommand extends KMSCommand<GenerateDataKeyCommandInput, GenerateDataKeyCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<GenerateDataKeyCommandOutput> {
    const { KeyId: keyId, GrantTokens: tokens } = readInput(GenerateDataKey, this.input, s.region);
    return refuse(s, 'GenerateDataKey', keyId, tokens, 'ENCRYPT_DECRYPT');
  }
}
