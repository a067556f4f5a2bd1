import { GenerateDataKeyPair } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { DataKeyPairSpec } from '../models.js';
import type { ResponseMetadata } from '../errors.js';
import type { RecipientInfo } from '../models.js';
import { refuse } from '../non-mac.js';
import type { Service } from '../service.js';
import { readInput } from '../validate.js';

/** GenerateDataKeyPair request ([M] `GenerateDataKeyPairRequest`). */
export interface GenerateDataKeyPairRequest {
  EncryptionContext?: Record<string, string> | undefined;
  /** Key ID, key ARN, alias name or alias ARN. */
  KeyId: string | undefined;
  KeyPairSpec: DataKeyPairSpec | undefined;
  GrantTokens?: string[] | undefined;
  Recipient?: RecipientInfo | undefined;
  DryRun?: boolean | undefined;
}

/** GenerateDataKeyPair response ([M] `GenerateDataKeyPairResponse`). */
export interface GenerateDataKeyPairResponse {
  PrivateKeyCiphertextBlob?: Uint8Array | undefined;
  PrivateKeyPlaintext?: Uint8Array | undefined;
  PublicKey?: Uint8Array | undefined;
  KeyId?: string | undefined;
  KeyPairSpec?: DataKeyPairSpec | undefined;
}

/** The input of {@link GenerateDataKeyPairCommand}. */
export interface GenerateDataKeyPairCommandInput extends GenerateDataKeyPairRequest {}
/** The output of {@link GenerateDataKeyPairCommand}. */
export interface GenerateDataKeyPairCommandOutput extends GenerateDataKeyPairResponse, MetadataBearer {}

/**
 * On an HMAC key: InvalidKeyUsageException `<key ARN> key usage is GENERATE_VERIFY_MAC
 * which is not valid for GenerateDataKeyPair.` ([INF] by the recorded pattern). wasmac holds HMAC material only, so on
 * a key of the usage it needs the answer is an UnsupportedOperationException
 * naming the operation. The key state is checked first.
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, InvalidGrantTokenException, InvalidKeyUsageException (a key of another usage: an HMAC key), UnsupportedOperationException (a key this operation suits: not implemented here).
 * @example
 * await client.send(new GenerateDataKeyPairCommand({ KeyId: 'alias/my-hmac', KeyPairSpec: 'RSA_2048' })); // InvalidKeyUsageException
 */
export class GenerateDataKeyPairCommand extends KMSCommand<GenerateDataKeyPairCommandInput, GenerateDataKeyPairCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<GenerateDataKeyPairCommandOutput> {
    const { KeyId: keyId, GrantTokens: tokens } = readInput(GenerateDataKeyPair, this.input, s.region);
    return refuse(s, 'GenerateDataKeyPair', keyId, tokens, 'ENCRYPT_DECRYPT');
  }
}
