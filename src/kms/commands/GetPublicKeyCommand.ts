import { GetPublicKey } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import { UnsupportedOperationException, type ResponseMetadata } from '../errors.js';
import type { KeySpec, KeyUsageType } from '../models.js';
import { notImplemented, usableKey } from '../non-mac.js';
import type { Service } from '../service.js';
import { readInput } from '../validate.js';

/** GetPublicKey request ([M] `GetPublicKeyRequest`). */
export interface GetPublicKeyRequest {
  /** Key ID, key ARN, alias name or alias ARN. */
  KeyId: string | undefined;
  GrantTokens?: string[] | undefined;
}

/** GetPublicKey response ([M] `GetPublicKeyResponse`, the members wasmac could fill). */
export interface GetPublicKeyResponse {
  KeyId?: string | undefined;
  PublicKey?: Uint8Array | undefined;
  KeySpec?: KeySpec | undefined;
  KeyUsage?: KeyUsageType | undefined;
}

/** The input of {@link GetPublicKeyCommand}. */
export interface GetPublicKeyCommandInput extends GetPublicKeyRequest {}
/** The output of {@link GetPublicKeyCommand}. */
export interface GetPublicKeyCommandOutput extends GetPublicKeyResponse, MetadataBearer {}

/** Specs without a public key ([DOC] symm-asymm-compare): symmetric encryption and HMAC. */
function hasPublicKey(spec: string): boolean {
  return spec !== 'SYMMETRIC_DEFAULT' && !spec.startsWith('HMAC_');
}

/**
 * An HMAC (or symmetric) key has no public key: UnsupportedOperationException
 * `<key ARN> key usage is GENERATE_VERIFY_MAC which is not valid for
 * GetPublicKey.` (the exception as the documentation and emulators have it,
 * the text in the recorded pattern: [INF]). An asymmetric key: not
 * implemented here.
 *
 * Throws ValidationException, NotFoundException, DisabledException, KMSInvalidStateException, InvalidGrantTokenException, UnsupportedOperationException.
 * @example
 * await client.send(new GetPublicKeyCommand({ KeyId: 'alias/my-hmac' })); // UnsupportedOperationException
 */
export class GetPublicKeyCommand extends KMSCommand<GetPublicKeyCommandInput, GetPublicKeyCommandOutput> {
  async run(s: Service, _$metadata: ResponseMetadata): Promise<GetPublicKeyCommandOutput> {
    const { KeyId: keyId, GrantTokens: tokens } = readInput(GetPublicKey, this.input, s.region);
    const record = await usableKey(s, keyId, tokens);
    if (!hasPublicKey(record.KeySpec)) {
      throw new UnsupportedOperationException(`${record.Arn} key usage is ${record.KeyUsage} which is not valid for GetPublicKey.`);
    }
    throw notImplemented('GetPublicKey', record);
  }
}
