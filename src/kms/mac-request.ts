/**
 * Reading a GenerateMac / VerifyMac request: the members after the framework
 * checks of KMS-SEMANTICS.md V1-V12. The common, well-formed request takes a
 * fast path of direct property reads; anything else (strings, grant tokens,
 * nulls, inherited or missing members, mistakes) goes through the full
 * {@link Checker}, which builds AWS's messages. The fast path accepts only
 * requests the Checker accepts, with the same values, so the two cannot
 * disagree: it exists because reading members by computed name is slow
 * enough (megamorphic lookups) to cost a tenth of a MAC.
 */
import { MacAlgorithmSpec } from './models.js';
import { MAC_ALGORITHMS_LISTED } from './service.js';
import { asInput, Checker } from './validate.js';

/** A validated MAC request. */
export interface MacRequest {
  message: Uint8Array;
  keyId: string;
  alg: MacAlgorithmSpec;
  /** VerifyMac only. */
  mac: Uint8Array | undefined;
  tokens: string[] | undefined;
  dryRun: boolean | undefined;
}

const hasOwn = Object.prototype.hasOwnProperty;

function isMacAlgorithm(v: unknown): v is MacAlgorithmSpec {
  return v === 'HMAC_SHA_256' || v === 'HMAC_SHA_384' || v === 'HMAC_SHA_512' || v === 'HMAC_SHA_224';
}

/** The members of a GenerateMac (`withMac` false) or VerifyMac request; throws SerializationException / ValidationException. */
export function readMacRequest(raw: unknown, withMac: boolean): MacRequest {
  const input = asInput(raw);
  const { Message, KeyId, MacAlgorithm, Mac, GrantTokens, DryRun } = input;
  if (
    Message instanceof Uint8Array &&
    Message.length >= 1 &&
    Message.length <= 4096 &&
    typeof KeyId === 'string' &&
    KeyId.length >= 1 &&
    KeyId.length <= 2048 &&
    isMacAlgorithm(MacAlgorithm) &&
    (withMac ? Mac instanceof Uint8Array && Mac.length >= 1 && Mac.length <= 6144 && hasOwn.call(input, 'Mac') : true) &&
    GrantTokens === undefined &&
    (DryRun === undefined || (typeof DryRun === 'boolean' && hasOwn.call(input, 'DryRun'))) &&
    hasOwn.call(input, 'Message') &&
    hasOwn.call(input, 'KeyId') &&
    hasOwn.call(input, 'MacAlgorithm')
  ) {
    return { message: Message, keyId: KeyId, alg: MacAlgorithm, mac: withMac ? (Mac as Uint8Array) : undefined, tokens: undefined, dryRun: DryRun };
  }
  // Member order is the model's, which is the order violations are listed in (V11).
  const c = new Checker(input);
  const message = c.blob('Message', 'message', true, 1, 4096, true);
  const keyId = c.string('KeyId', 'keyId', true, 1, 2048);
  const alg = c.enum('MacAlgorithm', 'macAlgorithm', true, MacAlgorithmSpec, MAC_ALGORITHMS_LISTED);
  const mac = withMac ? c.blob('Mac', 'mac', true, 1, 6144, false) : undefined;
  const tokens = c.stringList('GrantTokens', 'grantTokens', false, 0, 10, 1, 8192);
  const dryRun = c.boolean('DryRun');
  c.done();
  return { message: message!, keyId: keyId!, alg: alg!, mac, tokens, dryRun };
}
