import { GenerateDataKeyPairWithoutPlaintext } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { DataKeyPairSpec } from '../models.js';
import type { ResponseMetadata } from '../errors.js';
import { refuse } from '../non-mac.js';
import type { Service } from '../service.js';
import { readInput } from '../validate.js';

/** GenerateDataKeyPairWithoutPlaintext request ([M] `GenerateDataKeyPairWithoutPlaintextRequest`). */
export interface GenerateDataKeyPairWithoutPlaintextRequest {
  EncryptionContext?: Record<string, string> | undefined;
  /** Key ID, key ARN, alias name or alias ARN. */
  KeyId: string | undefined;
  KeyPairSpec: DataKeyPairSpec | undefined;
  GrantTokens?: string[] | undefined;
  DryRun?: boolean | undefined;
}

/** GenerateDataKeyPairWithoutPlaintext response ([M] `GenerateDataKeyPairWithoutPlaintextResponse`). */
export interface GenerateDataKeyPairWithoutPlaintextResponse {
  PrivateKeyCiphertextBlob?: Uint8Array | undefined;
  PublicKey?: Uint8Array | undefined;
  KeyId?: string | undefined;
  KeyPairSpec?: DataKeyPairSpec | undefined;
}

/** The input of {@link GenerateDataKeyPairWithoutPlaintextCommand}. */
export interface GenerateDataKeyPairWithoutPlaintextCommandInput extends GenerateDataKeyPairWithoutPlaintextRequest {}
/** The output of {@link GenerateDataKeyPairWithoutPlaintextCommand}. */
export interface GenerateDataKeyPairWithoutPlaintextCommandOutput extends GenerateDataKeyPairWithoutPlaintextResponse, MetadataBearer {}

/**
 * On an HMAC key: InvalidKeyUsageException `<key ARN> key usage is GENERATE_VERIFY_MAC
 * which is not valid for GenerateDataKeyPairWithoutPlaintext.` ([INF] by the recorded pattern). wasmac holds HMAC material only, so on
 * a key of the usage it needs the answer is an UnsupportedOperationException
 * naming the operation. The key state is checked first.
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, InvalidGrantTokenException, InvalidKeyUsageException (a key of another usage: an HMAC key), UnsupportedOperationException (a key this operation suits: not implemented here).
 * @example
 * await client.send(new GenerateDataKeyPairWithoutPlaintextCommand({ KeyId: 'alias/my-hmac', KeyPairSpec: 'RSA_2048' })); // InvalidKeyUsageException
 */
export class GenerateDataKeyPairWithoutPlaintextCommand extends KMSCommand<GenerateDataKeyPairWithoutPlaintextCommandInput, GenerateDataKeyPairWithoutPlaintextCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<GenerateDataKeyPairWithoutPlaintextCommandOutput> {
    const { KeyId: keyId, GrantTokens: tokens } = readInput(GenerateDataKeyPairWithoutPlaintext, this.input, s.region);
    return refuse(s, 'GenerateDataKeyPairWithoutPlaintext', keyId, tokens, 'ENCRYPT_DECRYPT');
  }
}
