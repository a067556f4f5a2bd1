import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import type { MacAlgorithmSpec } from '../models.js';
import { readMacRequest } from '../mac-request.js';
import type { Service } from '../service.js';

/** GenerateMac request (the model's `GenerateMacRequest`). `Message` may also be a string (UTF-8), as the SDK allows. */
export interface GenerateMacRequest {
  /** 1-4096 bytes. */
  Message: Uint8Array | string | undefined;
  /** Key ID, key ARN, alias name or alias ARN of an HMAC key. */
  KeyId: string | undefined;
  /** Must be the one algorithm the key's spec supports. */
  MacAlgorithm: MacAlgorithmSpec | undefined;
  /** Tokens from CreateGrant, 0-10. */
  GrantTokens?: string[] | undefined;
  /** Check everything but compute nothing: succeeds with DryRunOperationException. */
  DryRun?: boolean | undefined;
}

/** GenerateMac response (the model's `GenerateMacResponse`). */
export interface GenerateMacResponse {
  /** The raw RFC 2104 HMAC: 28, 32, 48 or 64 bytes. */
  Mac?: Uint8Array | undefined;
  MacAlgorithm?: MacAlgorithmSpec | undefined;
  /** Always the key ARN, whatever identifier the request used. */
  KeyId?: string | undefined;
}

/** The input of {@link GenerateMacCommand}. */
export interface GenerateMacCommandInput extends GenerateMacRequest {}
/** The output of {@link GenerateMacCommand}. */
export interface GenerateMacCommandOutput extends GenerateMacResponse, MetadataBearer {}

/**
 * The HMAC of `Message` under an HMAC key. The key's `HmacKey` is cached per
 * client, so a call costs a store lookup, the checks and one engine call.
 *
 * Throws ValidationException, SerializationException, NotFoundException,
 * DisabledException, KMSInvalidStateException, InvalidKeyUsageException,
 * InvalidGrantTokenException, DryRunOperationException,
 * KeyUnavailableException, KMSInternalException.
 * @example
 * const { Mac, KeyId } = await client.send(new GenerateMacCommand({ KeyId: 'alias/my-hmac', Message: 'Hello World', MacAlgorithm: 'HMAC_SHA_256' }));
 */
export class GenerateMacCommand extends KMSCommand<GenerateMacCommandInput, GenerateMacCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<GenerateMacCommandOutput> {
    const { message, keyId, alg, tokens, dryRun } = readMacRequest(this.input, false);
    // No await at all for a key ID in a store with `getSync` (MemoryKeyStore).
    const found = s.resolveForMac(keyId);
    const record = found instanceof Promise ? await found : found;
    const key = s.macKey(record, alg, 'GenerateMac');
    s.checkGrantTokens(record, tokens);
    s.checkDryRun(dryRun);
    return { Mac: key.mac(message), MacAlgorithm: alg, KeyId: record.Arn, $metadata };
  }
}
