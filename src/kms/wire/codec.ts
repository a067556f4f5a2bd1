/**
 * The AWS JSON 1.1 codec (docs/SEMANTICS.md WIRE-1..WIRE-5): request bodies to
 * command inputs and outputs to response bodies, in any runtime.
 *
 * On the wire, blobs are standard base64 strings and timestamps are epoch
 * seconds; in the facade they are `Uint8Array` and `Date`. Which members are
 * blobs or timestamps is the operation's model entry; every other member
 * passes through as JSON for the facade to check. Outputs need no model:
 * every `Uint8Array` becomes base64 and every `Date` epoch seconds.
 */
import { fromBase64, toBase64 } from '../../engine/index.js';
import { OPERATIONS } from '../model/index.js';
import type { Member, Members, Operation } from '../model/shape.js';
import { mismatchText } from '../validate.js';
import { WireError } from './errors.js';

const decoder = new TextDecoder();

function serialization(message: string): WireError {
  return new WireError('SerializationException', 400, message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The codec's base64: standard, padded, strict (anything else refused). The
 * engine's by default, in any runtime; a runtime with a native one installs
 * it with {@link useBase64} (the Node server does: node:buffer's, checked to
 * be as strict).
 */
export interface Base64Codec {
  encode(bytes: Uint8Array): string;
  /** Throws on anything but standard padded base64. */
  decode(text: string): Uint8Array;
}

let base64: Base64Codec = { encode: toBase64, decode: fromBase64 };

/** Installs the base64 codec the wire codec uses (see {@link Base64Codec}). */
export function useBase64(codec: Base64Codec): void {
  base64 = codec;
}

/** Standard base64 with padding, as AWS sends it (a strict codec); anything else is a SerializationException. */
export function decodeBase64(text: string, path: string): Uint8Array {
  try {
    return base64.decode(text);
  } catch {
    throw serialization(`'${path}' is not valid base64`);
  }
}

/** Every operation's request members in one record (the first operation to name a member decides its type), for {@link decodeRequest} without an operation. */
const ANY_OPERATION: Members = Object.assign({}, ...[...OPERATIONS].reverse().map((op) => op.input));

/** `value` of member `m` from its JSON form: blobs from base64, timestamps from epoch seconds, lists and structures by their items. */
function decodeValue(m: Member, value: unknown, path: string): unknown {
  if (value === null) return value;
  switch (m.kind) {
    case 'blob':
      if (typeof value !== 'string') throw serialization(mismatchText(value, 'a Blob'));
      return decodeBase64(value, path);
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw serialization(mismatchText(value, 'a Timestamp'));
      return new Date(value * 1000);
    case 'list':
      if (Array.isArray(value) && needsDecoding(m.item)) return value.map((item, i) => decodeValue(m.item, item, `${path}.${i + 1}`));
      return value;
    case 'structure':
      if (isObject(value)) decodeMembers(m.members, value);
      return value;
    default:
      return value;
  }
}

function needsDecoding(m: Member): boolean {
  if (m.kind === 'blob' || m.kind === 'timestamp') return true;
  if (m.kind === 'list') return needsDecoding(m.item);
  if (m.kind === 'structure') return Object.values(m.members).some(needsDecoding);
  return false;
}

/** The members of each model record that need decoding (blobs, timestamps, or holding some), worked out once per record. */
const decodable = new WeakMap<Members, ReadonlyMap<string, Member>>();

function decodableOf(members: Members): ReadonlyMap<string, Member> {
  let found = decodable.get(members);
  if (found === undefined) {
    found = new Map(Object.entries(members).filter(([, m]) => needsDecoding(m)));
    decodable.set(members, found);
  }
  return found;
}

function decodeMembers(members: Members, object: Record<string, unknown>): void {
  const wanted = decodableOf(members);
  if (wanted.size === 0) return;
  // In the order the request has them: the first bad one is the one reported.
  for (const name of Object.keys(object)) {
    const m = wanted.get(name);
    if (m === undefined) continue;
    const value = object[name];
    if (value !== null) object[name] = decodeValue(m, value, name);
  }
}

/**
 * A request body (UTF-8 JSON) to the input of `op` (or of whichever
 * operation names the member, without one): blobs decoded from base64,
 * timestamps from epoch seconds; every other member is passed on as JSON for
 * the facade to check (it answers wrong types with SerializationException
 * itself). An empty body is `{}`; a body that is not a JSON object is passed
 * on as it is, for the facade to refuse.
 * @throws WireError `SerializationException` for a body that is not JSON, or a blob or timestamp of the wrong type
 */
export function decodeRequest(body: Uint8Array, op?: Operation): unknown {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(body));
  } catch {
    throw serialization('The request body is not valid JSON');
  }
  if (isObject(parsed)) decodeMembers(op === undefined ? ANY_OPERATION : op.input, parsed);
  return parsed;
}

function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return base64.encode(value);
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(encodeValue);
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeValue(v);
    return out;
  }
  return value;
}

/** A command output to its JSON body, without `$metadata`. */
export function encodeResponse(output: Record<string, unknown> | undefined): string {
  const out: Record<string, unknown> = {};
  if (output !== undefined) {
    for (const k of Object.keys(output)) {
      const v = output[k];
      if (k !== '$metadata' && v !== undefined) out[k] = encodeValue(v);
    }
  }
  return JSON.stringify(out);
}

/** An error body: `{"__type": name, "message": text}`, without `message` when there is none. */
export function encodeError(name: string, message?: string): string {
  return JSON.stringify(message === undefined || message === '' ? { __type: name } : { __type: name, message });
}
