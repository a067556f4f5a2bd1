/**
 * Reading a GenerateMac / VerifyMac request. The common, well-formed request
 * takes a fast path of direct property reads against bounds taken from the
 * model table once, at load; anything else (strings, grant tokens, nulls,
 * inherited or missing members, mistakes) goes through {@link readInput},
 * which builds AWS's messages. The fast path accepts only requests that
 * `readInput` accepts, with the same values, so the two cannot disagree: it
 * exists because reading members by computed name is slow enough
 * (megamorphic lookups) to cost a tenth of a MAC.
 */
import { GenerateMac, VerifyMac } from './model/operations.js';
import type { MacAlgorithmSpec } from './models.js';
import { asInput, readInput } from './validate.js';

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
const MODEL = GenerateMac.input;
const MESSAGE_MIN = MODEL.Message.min;
const MESSAGE_MAX = MODEL.Message.max;
const KEY_ID_MIN = MODEL.KeyId.min;
const KEY_ID_MAX = MODEL.KeyId.max;
const ALGORITHMS: readonly string[] = MODEL.MacAlgorithm.values;
const MAC_MIN = VerifyMac.input.Mac.min;
const MAC_MAX = VerifyMac.input.Mac.max;

/** The members of a GenerateMac (`withMac` false) or VerifyMac request; throws SerializationException / ValidationException. */
export function readMacRequest(raw: unknown, withMac: boolean): MacRequest {
  const input = asInput(raw);
  const { Message, KeyId, MacAlgorithm, Mac, GrantTokens, DryRun } = input;
  if (
    Message instanceof Uint8Array &&
    Message.length >= MESSAGE_MIN &&
    Message.length <= MESSAGE_MAX &&
    typeof KeyId === 'string' &&
    KeyId.length >= KEY_ID_MIN &&
    KeyId.length <= KEY_ID_MAX &&
    typeof MacAlgorithm === 'string' &&
    ALGORITHMS.includes(MacAlgorithm) &&
    (withMac ? Mac instanceof Uint8Array && Mac.length >= MAC_MIN && Mac.length <= MAC_MAX && hasOwn.call(input, 'Mac') : true) &&
    GrantTokens === undefined &&
    (DryRun === undefined || (typeof DryRun === 'boolean' && hasOwn.call(input, 'DryRun'))) &&
    hasOwn.call(input, 'Message') &&
    hasOwn.call(input, 'KeyId') &&
    hasOwn.call(input, 'MacAlgorithm')
  ) {
    return { message: Message, keyId: KeyId, alg: MacAlgorithm as MacAlgorithmSpec, mac: withMac ? (Mac as Uint8Array) : undefined, tokens: undefined, dryRun: DryRun };
  }
  if (withMac) {
    const r = readInput(VerifyMac, input);
    return { message: r.Message, keyId: r.KeyId, alg: r.MacAlgorithm, mac: r.Mac, tokens: r.GrantTokens, dryRun: r.DryRun };
  }
  const r = readInput(GenerateMac, input);
  return { message: r.Message, keyId: r.KeyId, alg: r.MacAlgorithm, mac: undefined, tokens: r.GrantTokens, dryRun: r.DryRun };
}
