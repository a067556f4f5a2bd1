import { KMSCommand, type MetadataBearer } from '../command.js';
import type { ResponseMetadata } from '../errors.js';
import { MacAlgorithmSpec } from '../models.js';
import { ANY_IDENTIFIER, MAC_ALGORITHMS_LISTED, type Service } from '../service.js';
import { asInput, Checker } from '../validate.js';

/** GenerateMac request ([M] `GenerateMacRequest`). `Message` may also be a string (UTF-8), as the SDK allows. */
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

/** GenerateMac response ([M] `GenerateMacResponse`). */
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
    const c = new Checker(asInput(this.input));
    const message = c.blob('Message', 'message', true, 1, 4096, true);
    const keyId = c.string('KeyId', 'keyId', true, 1, 2048);
    const alg = c.enum('MacAlgorithm', 'macAlgorithm', true, MacAlgorithmSpec, MAC_ALGORITHMS_LISTED);
    const tokens = c.stringList('GrantTokens', 'grantTokens', false, 0, 10, 1, 8192);
    const dryRun = c.boolean('DryRun');
    c.done();
    // s.resolve() inlined for the hot path: a key ID in a store with
    // `getSync` costs no await at all, in another store only the store's.
    const target = s.parseCached(keyId!, ANY_IDENTIFIER);
    let found;
    if (target.kind === 'key') {
      let read = s.readKey(target.keyId);
      if (read instanceof Promise) read = await read;
      found = s.checkKey(read, target);
    } else found = s.resolveAlias(target);
    const record = found instanceof Promise ? await found : found;
    const key = s.macKey(record, alg!, 'GenerateMac');
    s.checkGrantTokens(record, tokens);
    s.checkDryRun(dryRun);
    return { Mac: key.mac(message!), MacAlgorithm: alg, KeyId: record.Arn, $metadata };
  }
}
