import { DeriveSharedSecret } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import type { KeyAgreementAlgorithmSpec, OriginType, RecipientInfo } from '../models.js';
import { refuse } from '../non-mac.js';
import type { Service } from '../service.js';
import { readInput } from '../validate.js';

/** DeriveSharedSecret request ([M] `DeriveSharedSecretRequest`). */
export interface DeriveSharedSecretRequest {
  /** Key ID, key ARN, alias name or alias ARN. */
  KeyId: string | undefined;
  KeyAgreementAlgorithm: KeyAgreementAlgorithmSpec | undefined;
  PublicKey: Uint8Array | undefined;
  GrantTokens?: string[] | undefined;
  DryRun?: boolean | undefined;
  Recipient?: RecipientInfo | undefined;
}

/** DeriveSharedSecret response ([M] `DeriveSharedSecretResponse`). */
export interface DeriveSharedSecretResponse {
  KeyId?: string | undefined;
  SharedSecret?: Uint8Array | undefined;
  CiphertextForRecipient?: Uint8Array | undefined;
  KeyAgreementAlgorithm?: KeyAgreementAlgorithmSpec | undefined;
  KeyOrigin?: OriginType | undefined;
}

/** The input of {@link DeriveSharedSecretCommand}. */
export interface DeriveSharedSecretCommandInput extends DeriveSharedSecretRequest {}
/** The output of {@link DeriveSharedSecretCommand}. */
export interface DeriveSharedSecretCommandOutput extends DeriveSharedSecretResponse, MetadataBearer {}

/**
 * On an HMAC key: InvalidKeyUsageException `<key ARN> key usage is GENERATE_VERIFY_MAC
 * which is not valid for DeriveSharedSecret.` ([INF] by the pattern recorded for other usages). wasmac holds HMAC material only, so on
 * a key of the usage it needs the answer is an UnsupportedOperationException
 * naming the operation. The key state is checked first.
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, InvalidGrantTokenException, InvalidKeyUsageException (a key of another usage: an HMAC key), UnsupportedOperationException (a key this operation suits: not implemented here).
 * @example
 * await client.send(new DeriveSharedSecretCommand({ KeyId: 'alias/my-hmac', KeyAgreementAlgorithm: 'ECDH', PublicKey: der })); // InvalidKeyUsageException
 */
export class DeriveSharedSecretCommand extends KMSCommand<DeriveSharedSecretCommandInput, DeriveSharedSecretCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<DeriveSharedSecretCommandOutput> {
    const { KeyId: keyId, GrantTokens: tokens } = readInput(DeriveSharedSecret, this.input, s.region);
    return refuse(s, 'DeriveSharedSecret', keyId, tokens, 'KEY_AGREEMENT');
  }
}
