import { Verify } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { MessageType, SigningAlgorithmSpec } from '../models.js';
import type { ResponseMetadata } from '../errors.js';
import { refuse } from '../non-mac.js';
import type { Service } from '../service.js';
import { readInput } from '../validate.js';

/** Verify request ([M] `VerifyRequest`). */
export interface VerifyRequest {
  /** Key ID, key ARN, alias name or alias ARN. */
  KeyId: string | undefined;
  Message: Uint8Array | string | undefined;
  MessageType?: MessageType | undefined;
  Signature: Uint8Array | undefined;
  GrantTokens?: string[] | undefined;
  SigningAlgorithm: SigningAlgorithmSpec | undefined;
  DryRun?: boolean | undefined;
}

/** Verify response ([M] `VerifyResponse`). */
export interface VerifyResponse {
  KeyId?: string | undefined;
  SignatureValid?: boolean | undefined;
  SigningAlgorithm?: SigningAlgorithmSpec | undefined;
}

/** The input of {@link VerifyCommand}. */
export interface VerifyCommandInput extends VerifyRequest {}
/** The output of {@link VerifyCommand}. */
export interface VerifyCommandOutput extends VerifyResponse, MetadataBearer {}

/**
 * On an HMAC key: InvalidKeyUsageException `<key ARN> key usage is GENERATE_VERIFY_MAC
 * which is not valid for Verify.` ([INF] by the recorded pattern). wasmac holds HMAC material only, so on
 * a key of the usage it needs the answer is an UnsupportedOperationException
 * naming the operation. The key state is checked first.
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, InvalidGrantTokenException, InvalidKeyUsageException (a key of another usage: an HMAC key), UnsupportedOperationException (a key this operation suits: not implemented here).
 * @example
 * await client.send(new VerifyCommand({ KeyId: 'alias/my-hmac', Message: 'x', SigningAlgorithm: 'RSASSA_PSS_SHA_256', Signature: new Uint8Array(256) })); // InvalidKeyUsageException
 */
export class VerifyCommand extends KMSCommand<VerifyCommandInput, VerifyCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<VerifyCommandOutput> {
    const { KeyId: keyId, GrantTokens: tokens } = readInput(Verify, this.input, s.region);
    return refuse(s, 'Verify', keyId, tokens, 'SIGN_VERIFY');
  }
}
