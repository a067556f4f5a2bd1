import { KMSCommand, type MetadataBearer } from '../command.js';
import { KMSInvalidMacException, type ResponseMetadata } from '../errors.js';
import type { MacAlgorithmSpec } from '../models.js';
import { readMacRequest } from '../mac-request.js';
import type { Service } from '../service.js';

/** VerifyMac request (the model's `VerifyMacRequest`). `Message` and `Mac` may also be strings (UTF-8), as the SDK allows. */
export interface VerifyMacRequest {
  /** 1-4096 bytes. */
  Message: Uint8Array | string | undefined;
  /** Key ID, key ARN, alias name or alias ARN of the HMAC key that made `Mac`. */
  KeyId: string | undefined;
  MacAlgorithm: MacAlgorithmSpec | undefined;
  /** The MAC to check, 1-6144 bytes. */
  Mac: Uint8Array | string | undefined;
  GrantTokens?: string[] | undefined;
  DryRun?: boolean | undefined;
}

/** VerifyMac response (the model's `VerifyMacResponse`); `MacValid` is always `true`. */
export interface VerifyMacResponse {
  /** The key ARN. */
  KeyId?: string | undefined;
  MacValid?: boolean | undefined;
  MacAlgorithm?: MacAlgorithmSpec | undefined;
}

/** The input of {@link VerifyMacCommand}. */
export interface VerifyMacCommandInput extends VerifyMacRequest {}
/** The output of {@link VerifyMacCommand}. */
export interface VerifyMacCommandOutput extends VerifyMacResponse, MetadataBearer {}

/**
 * Checks `Mac` against the HMAC of `Message`, in constant time. A MAC that
 * does not verify (changed message, other key, truncated) is a
 * KMSInvalidMacException, never `MacValid: false` (SEMANTICS.md MAC-5).
 *
 * Throws what GenerateMac throws, and KMSInvalidMacException.
 * @example
 * await client.send(new VerifyMacCommand({ KeyId, Message: 'Hello World', MacAlgorithm: 'HMAC_SHA_256', Mac }));
 */
export class VerifyMacCommand extends KMSCommand<VerifyMacCommandInput, VerifyMacCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<VerifyMacCommandOutput> {
    const { message, keyId, alg, mac, tokens, dryRun } = readMacRequest(this.input, true);
    // No await at all for a key ID in a store with `getSync` (MemoryKeyStore).
    const found = s.resolveForMac(keyId);
    const record = found instanceof Promise ? await found : found;
    const key = s.macKey(record, alg, 'VerifyMac');
    s.checkGrantTokens(record, tokens);
    // The comparison comes before DryRun: a DryRun with a wrong MAC is the
    // KMSInvalidMacException it would have been (SEMANTICS.md MAC-7).
    if (!key.verify(message, mac!)) throw new KMSInvalidMacException();
    s.checkDryRun(dryRun);
    return { KeyId: record.Arn, MacValid: true, MacAlgorithm: alg, $metadata };
  }
}
