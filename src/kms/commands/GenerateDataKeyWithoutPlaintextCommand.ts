import { GenerateDataKeyWithoutPlaintext } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { DataKeySpec } from '../models.js';
import type { ResponseMetadata } from '../errors.js';
import { refuse } from '../non-mac.js';
import type { Service } from '../service.js';
import { readInput } from '../validate.js';

/** GenerateDataKeyWithoutPlaintext request ([M] `GenerateDataKeyWithoutPlaintextRequest`). */
export interface GenerateDataKeyWithoutPlaintextRequest {
  /** Key ID, key ARN, alias name or alias ARN. */
  KeyId: string | undefined;
  EncryptionContext?: Record<string, string> | undefined;
  NumberOfBytes?: number | undefined;
  KeySpec?: DataKeySpec | undefined;
  GrantTokens?: string[] | undefined;
  DryRun?: boolean | undefined;
}

/** GenerateDataKeyWithoutPlaintext response ([M] `GenerateDataKeyWithoutPlaintextResponse`). */
export interface GenerateDataKeyWithoutPlaintextResponse {
  CiphertextBlob?: Uint8Array | undefined;
  KeyId?: string | undefined;
}

/** The input of {@link GenerateDataKeyWithoutPlaintextCommand}. */
export interface GenerateDataKeyWithoutPlaintextCommandInput extends GenerateDataKeyWithoutPlaintextRequest {}
/** The output of {@link GenerateDataKeyWithoutPlaintextCommand}. */
export interface GenerateDataKeyWithoutPlaintextCommandOutput extends GenerateDataKeyWithoutPlaintextResponse, MetadataBearer {}

/**
 * On an HMAC key: InvalidKeyUsageException `<key ARN> key usage is GENERATE_VERIFY_MAC
 * which is not valid for GenerateDataKeyWithoutPlaintext.` ([INF] by the recorded pattern). wasmac holds HMAC material only, so on
 * a key of the usage it needs the answer is an UnsupportedOperationException
 * naming the operation. The key state is checked first.
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, InvalidGrantTokenException, InvalidKeyUsageException (a key of another usage: an HMAC key), UnsupportedOperationException (a key this operation suits: not implemented here).
 * @example
 * await client.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: 'alias/my-hmac', KeySpec: 'AES_256' })); // InvalidKeyUsageException
 */
export class GenerateDataKeyWithoutPlaintextCommand extends KMSCommand<GenerateDataKeyWithoutPlaintextCommandInput, GenerateDataKeyWithoutPlaintextCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<GenerateDataKeyWithoutPlaintextCommandOutput> {
    const { KeyId: keyId, GrantTokens: tokens } = readInput(GenerateDataKeyWithoutPlaintext, this.input, s.region);
    return refuse(s, 'GenerateDataKeyWithoutPlaintext', keyId, tokens, 'ENCRYPT_DECRYPT');
  }
}
