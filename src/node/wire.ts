/**
 * The AWS JSON 1.1 codec of the endpoint (KMS-SEMANTICS.md §5): request
 * bodies to command inputs and outputs to response bodies.
 *
 * On the wire, blobs are standard base64 strings and timestamps are epoch
 * seconds; in the facade they are `Uint8Array` and `Date`. Inputs are decoded
 * by member name through {@link MEMBER_TYPES}, which also checks JSON types
 * (a wrong type is a `SerializationException`, as AWS answers). Members the
 * table does not know pass through as JSON, so a new operation needs an entry
 * here only for a blob or timestamp member. Outputs need no table: every
 * `Uint8Array` becomes base64 and every `Date` epoch seconds.
 */
import { WireError } from './errors.js';

/** How one request member travels: JSON scalar types, or the two encoded types. */
export type MemberType =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'blob'
  | 'timestamp'
  | 'string-list'
  | 'tag-list'
  | 'string-map'
  | 'structure';

/**
 * KMS request members by name (the model uses each name with one type across
 * operations). Blobs: `Message`, `Mac`, and the import members `ImportToken`,
 * `EncryptedKeyMaterial`, `PublicKey`; timestamps: `ValidTo`, `ParametersValidTo`.
 */
export const MEMBER_TYPES: Readonly<Record<string, MemberType>> = {
  // blobs
  Message: 'blob',
  Mac: 'blob',
  ImportToken: 'blob',
  EncryptedKeyMaterial: 'blob',
  PublicKey: 'blob',
  Plaintext: 'blob',
  CiphertextBlob: 'blob',
  Signature: 'blob',
  // timestamps
  ValidTo: 'timestamp',
  ParametersValidTo: 'timestamp',
  // scalars
  KeyId: 'string',
  AliasName: 'string',
  TargetKeyId: 'string',
  Description: 'string',
  KeySpec: 'string',
  CustomerMasterKeySpec: 'string',
  KeyUsage: 'string',
  Origin: 'string',
  Policy: 'string',
  PolicyName: 'string',
  MacAlgorithm: 'string',
  Marker: 'string',
  GrantId: 'string',
  GrantToken: 'string',
  GranteePrincipal: 'string',
  RetiringPrincipal: 'string',
  Name: 'string',
  WrappingAlgorithm: 'string',
  WrappingKeySpec: 'string',
  ExpirationModel: 'string',
  ImportType: 'string',
  KeyMaterialDescription: 'string',
  KeyMaterialId: 'string',
  CustomKeyStoreId: 'string',
  ReplicaRegion: 'string',
  DryRun: 'boolean',
  MultiRegion: 'boolean',
  BypassPolicyLockoutSafetyCheck: 'boolean',
  Limit: 'integer',
  PendingWindowInDays: 'integer',
  RotationPeriodInDays: 'integer',
  NumberOfBytes: 'integer',
  // collections
  GrantTokens: 'string-list',
  Operations: 'string-list',
  TagKeys: 'string-list',
  Tags: 'tag-list',
  EncryptionContext: 'string-map',
  Constraints: 'structure',
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function serialization(message: string): WireError {
  return new WireError('SerializationException', 400, message);
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function wrongType(path: string, expected: string, value: unknown): WireError {
  return serialization(`Expected ${expected} for '${path}', got ${jsonType(value)}`);
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

function decodeMember(name: string, type: MemberType | undefined, value: unknown): unknown {
  switch (type) {
    case undefined:
      return value;
    case 'string':
      if (typeof value !== 'string') throw wrongType(name, 'a string', value);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType(name, 'a boolean', value);
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrongType(name, 'an integer', value);
      return value;
    case 'blob':
      if (typeof value !== 'string') throw wrongType(name, 'a base64 string', value);
      return decodeBase64(value, name);
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(name, 'epoch seconds (a number)', value);
      return new Date(value * 1000);
    case 'string-list':
      if (!Array.isArray(value)) throw wrongType(name, 'an array of strings', value);
      value.forEach((item, i) => {
        if (typeof item !== 'string') throw wrongType(`${name}[${i}]`, 'a string', item);
      });
      return value;
    case 'tag-list':
      if (!Array.isArray(value)) throw wrongType(name, 'an array of tags', value);
      return value.map((tag, i) => {
        if (!isObject(tag)) throw wrongType(`${name}[${i}]`, 'an object', tag);
        for (const [k, v] of Object.entries(tag)) {
          if (v !== null && typeof v !== 'string') throw wrongType(`${name}[${i}].${k}`, 'a string', v);
        }
        return tag;
      });
    case 'string-map':
      if (!isObject(value)) throw wrongType(name, 'an object', value);
      for (const [k, v] of Object.entries(value)) {
        if (typeof v !== 'string') throw wrongType(`${name}.${k}`, 'a string', v);
      }
      return value;
    case 'structure':
      if (!isObject(value)) throw wrongType(name, 'an object', value);
      return value;
  }
}

/**
 * A request body (UTF-8 JSON) to a command input. An empty body is `{}`;
 * `null` members are absent, as in AWS's deserializer.
 */
export function decodeRequest(body: Uint8Array): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'));
  } catch {
    throw serialization('The request body is not valid JSON');
  }
  if (!isObject(parsed)) throw serialization(`The request body must be a JSON object, got ${jsonType(parsed)}`);
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (value === null || name === '__proto__') continue;
    input[name] = decodeMember(name, Object.hasOwn(MEMBER_TYPES, name) ? MEMBER_TYPES[name] : undefined, value);
  }
  return input;
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
