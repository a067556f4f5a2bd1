import { Sign } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { MessageType, SigningAlgorithmSpec } from '../models.js';
import type { ResponseMetadata } from '../errors.js';
import { refuse } from '../non-mac.js';
import type { Service } from '../service.js';
import { readInput } from '../validate.js';

/** Sign request ([M] `SignRequest`). */
export interface SignRequest {
  /** Key ID, key ARN, alias name or alias ARN. */
  KeyId: string | undefined;
  Message: Uint8Array | string | undefined;
  MessageType?: MessageType | undefined;
  GrantTokens?: string[] | undefined;
  SigningAlgorithm: SigningAlgorithmSpec | undefined;
  DryRun?: boolean | undefined;
}

/** Sign response ([M] `SignResponse`). */
export interface SignResponse {
  KeyId?: string | undefined;
  Signature?: Uint8Array | undefined;
  SigningAlgorithm?: SigningAlgorithmSpec | undefined;
}

/** The input of {@link SignCommand}. */
export interface SignCommandInput extends SignRequest {}
/** The output of {@link SignCommand}. */
export interface SignCommandOutput extends SignResponse, MetadataBearer {}

/**
 * On an HMAC key: InvalidKeyUsageException `<key ARN> key usage is GENERATE_VERIFY_MAC
 * which is not valid for Sign.` (recorded). wasmac holds HMAC material only, so on
 * a key of the usage it needs the answer is an UnsupportedOperationException
 * naming the operation. The key state is checked first.
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, InvalidGrantTokenException, InvalidKeyUsageException (a key of another usage: an HMAC key), UnsupportedOperationException (a key this operation suits: not implemented here).
 * @example
 * await client.send(new SignCommand({ KeyId: 'alias/my-hmac', Message: 'x', SigningAlgorithm: 'RSASSA_PSS_SHA_256' })); // InvalidKeyUsageException
 */
export class SignCommand extends KMSCommand<SignCommandInput, SignCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<SignCommandOutput> {
    const { KeyId: keyId, GrantTokens: tokens } = readInput(Sign, this.input, s.region);
    return refuse(s, 'Sign', keyId, tokens, 'SIGN_VERIFY');
  }
}
