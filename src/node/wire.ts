/**
 * The AWS JSON 1.1 codec of the endpoint (KMS-SEMANTICS.md §5): request
 * bodies to command inputs and outputs to response bodies.
 *
 * On the wire, blobs are standard base64 strings and timestamps are epoch
 * seconds; in the facade they are `Uint8Array` and `Date`. Inputs are decoded
 * by member name through {@link BLOB_MEMBERS} and {@link TIMESTAMP_MEMBERS};
 * every other member passes through as JSON, so a new operation needs an
 * entry here only for a new blob or timestamp member. Outputs need no table:
 * every `Uint8Array` becomes base64 and every `Date` epoch seconds.
 */
import { WireError } from './errors.js';

/**
 * Request members that are blobs (base64 on the wire, `Uint8Array` in the
 * facade), by name: the model gives each name one type across operations.
 */
export const BLOB_MEMBERS: ReadonlySet<string> = new Set([
  'Message',
  'Mac',
  'ImportToken',
  'EncryptedKeyMaterial',
  'PublicKey',
  'Plaintext',
  'CiphertextBlob',
  'Signature',
]);

/** Request members that are timestamps (epoch seconds on the wire, `Date` in the facade). */
export const TIMESTAMP_MEMBERS: ReadonlySet<string> = new Set(['ValidTo', 'ParametersValidTo']);

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function serialization(message: string): WireError {
  return new WireError('SerializationException', 400, message);
}

/** Coral's name for the JSON token a value is, as in its SerializationException texts. */
function token(value: unknown): string {
  if (typeof value === 'string') return 'STRING_VALUE';
  if (typeof value === 'number') return 'NUMBER_VALUE';
  if (value === true) return 'TRUE_VALUE';
  if (value === false) return 'FALSE_VALUE';
  return 'VALUE';
}

function mismatch(value: unknown, target: string): WireError {
  if (Array.isArray(value)) return serialization('Start of list found where not expected');
  if (typeof value === 'object') return serialization('Start of structure or map found where not expected.');
  return serialization(`${token(value)} can not be converted to ${target}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Standard base64 with padding, as AWS sends it; anything else is a SerializationException. */
export function decodeBase64(text: string, path: string): Uint8Array {
  if (text.length % 4 !== 0 || !BASE64.test(text)) throw serialization(`'${path}' is not valid base64`);
  const buf = Buffer.from(text, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * A request body (UTF-8 JSON) to a command input: blobs decoded from base64,
 * timestamps from epoch seconds; every other member is passed on as JSON for
 * the facade to check (it answers wrong types with SerializationException
 * itself). An empty body is `{}`; a body that is not a JSON object is passed
 * on as it is, for the facade to refuse.
 */
export function decodeRequest(body: Uint8Array): unknown {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch {
    throw serialization('The request body is not valid JSON');
  }
  if (!isObject(parsed)) return parsed;
  for (const [name, value] of Object.entries(parsed)) {
    if (value === null) continue;
    if (BLOB_MEMBERS.has(name)) {
      if (typeof value !== 'string') throw mismatch(value, 'a Blob');
      parsed[name] = decodeBase64(value, name);
    } else if (TIMESTAMP_MEMBERS.has(name)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw mismatch(value, 'a Timestamp');
      parsed[name] = new Date(value * 1000);
    }
  }
  return parsed;
}

function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
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
    for (const [k, v] of Object.entries(output)) if (k !== '$metadata' && v !== undefined) out[k] = encodeValue(v);
  }
  return JSON.stringify(out);
}

/** An error body: `{"__type": name, "message": text}`, without `message` when there is none. */
export function encodeError(name: string, message?: string): string {
  return JSON.stringify(message === undefined || message === '' ? { __type: name } : { __type: name, message });
}
