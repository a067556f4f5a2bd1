/**
 * AWS Signature Version 4 verification for the KMS endpoint, in any runtime
 * (Node's server, a Worker, Deno): the server side of what
 * `@aws-sdk/signature-v4` and botocore sign. SHA-256 and HMAC are the
 * engine's own, so nothing here needs `node:crypto`.
 *
 * Spec: "Create a signed AWS API request" (docs.aws.amazon.com/IAM/latest/UserGuide/
 * create-signed-request.html). The canonical request is rebuilt from what
 * arrived: method, path, query, the headers named in `SignedHeaders`, and the
 * SHA-256 of the body as received (never the client's `x-amz-content-sha256`
 * claim, which is only checked against it).
 *
 * Failures carry the names AWS JSON services send: `MissingAuthenticationTokenException`,
 * `IncompleteSignatureException`, `InvalidSignatureException`,
 * `UnrecognizedClientException`.
 */
import { hmac as engineHmac, HmacKey, sha256, toHex } from '../engine/index.js';
import { WireError } from './wire/errors.js';
import type { Credential } from './wire/stages.js';

export type { Credential };

/** What the verifier needs from an HTTP request. `headers` are the lower-cased, as Node gives them. */
export interface SignedRequest {
  method: string;
  /** The request target as sent: path and query, still percent-encoded. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

export interface VerifierOptions {
  credentials: readonly Credential[];
  /**
   * The regions served; a request scoped to another is refused. Absent (and
   * no `region`): every well-formed region name, the request's region being
   * its credential scope's (docs/SEMANTICS.md REGION-1).
   */
  regions?: readonly string[] | undefined;
  /** Serve this one region only: the same as `regions: [region]`. */
  region?: string | undefined;
  service?: string;
  /**
   * SHA-256 of `data` (a string is UTF-8) as lower-case hex; default the
   * engine's `sha256`. A runtime with a faster one for a request's few hundred
   * bytes passes it: the Node server gives node:crypto's one-shot `hash`.
   */
  sha256Hex?: (data: Uint8Array | string) => string;
  /** Largest accepted distance between the request's date and `now()`, ms. AWS: 15 minutes. */
  maxSkewMs?: number;
  now?: () => number;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const FIFTEEN_MINUTES = 15 * 60 * 1000;
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** `YYYYMMDDTHHMMSSZ` of a time in ms. */
export function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The last `X-Amz-Date` parsed: a busy client sends the same second many times. */
let lastAmzDate: { value: string; ms: number | undefined } = { value: '', ms: undefined };

function parseAmzDate(value: string): number | undefined {
  if (value !== lastAmzDate.value) lastAmzDate = { value, ms: parseAmzDateUncached(value) };
  return lastAmzDate.ms;
}

function parseAmzDateUncached(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (m === null) return undefined;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isNaN(ms) ? undefined : ms;
}

/** RFC 3986 percent-encoding as SigV4 wants it: everything but `A-Za-z0-9-._~`. */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return value;
  }
}

/**
 * Path normalised (no empty, `.` or `..` segments) and each segment of the
 * path as sent encoded once more, as the JS SDK and botocore do for non-S3 services.
 */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '' || raw === '.') continue;
    if (raw === '..') segments.pop();
    else segments.push(escapeUri(raw));
  }
  const joined = `/${segments.join('/')}`;
  return segments.length > 0 && path.endsWith('/') ? `${joined}/` : joined;
}

function canonicalQuery(query: string): string {
  if (query === '') return '';
  const pairs = query
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const k = eq < 0 ? p : p.slice(0, eq);
      const v = eq < 0 ? '' : p.slice(eq + 1);
      return [escapeUri(safeDecode(k)), escapeUri(safeDecode(v))] as const;
    });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/**
 * A header's canonical value, read as an own property only: `headers` is a
 * plain object, and `SignedHeaders=constructor` must not find `Object`.
 */
function headerValue(headers: SignedRequest['headers'], name: string): string | undefined {
  if (!Object.hasOwn(headers, name)) return undefined;
  const value = headers[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return canonicalValue(value);
  return value.map((v) => canonicalValue(String(v))).join(',');
}

/** Trimmed, inner runs of whitespace as one space; most values have none and skip the regex. */
function canonicalValue(v: string): string {
  const t = v.trim();
  return mayHaveWhitespaceRun(t) && WHITESPACE_RUN.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/** False when `t` has no character that is or may be whitespace but a printable ASCII one (a scan is cheaper than the regex). */
function mayHaveWhitespaceRun(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c <= 32 || c >= 127) return true;
  }
  return false;
}
/** Two whitespace characters in a row, or one that is not a plain space. */
const WHITESPACE_RUN = /\s\s|[^\S ]/;

function sha256Hex(data: Uint8Array | string): string {
  return toHex(sha256(data));
}

/** 64 hex digits (checked by the parser) into the 32 bytes of `out`. */
function hexInto(hex: string, out: Uint8Array): void {
  for (let i = 0; i < 32; i++) out[i] = (HEX_VALUE[hex.charCodeAt(2 * i)]! << 4) | HEX_VALUE[hex.charCodeAt(2 * i + 1)]!;
}
const HEX_VALUE = new Uint8Array(128);
for (let i = 0; i < 16; i++) HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;

const encoder = new TextEncoder();

function hmac(key: Uint8Array | string, data: string): Uint8Array {
  return engineHmac('sha256', typeof key === 'string' ? encoder.encode(key) : key, data);
}

/** A region name as KMS's `RegionType` has it ([M] `^([a-z]+-){2,3}\d+$`). */
export const REGION_NAME = /^([a-z]+-){2,3}\d+$/;

/** What precheck reads from `Authorization`; `region` is the request's region (its credential scope's). */
export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

function incomplete(message: string): WireError {
  return new WireError('IncompleteSignatureException', 400, message);
}

/** A header name as SigV4 lists it: lower case, an RFC 9110 token. */
const SIGNED_HEADER = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;

/**
 * `SignedHeaders` as the signers write it: lower-case names, sorted, each
 * once, `;` between them. AWS's text for a malformed list is not recorded;
 * the class is the one AWS uses for a malformed Authorization (SEMANTICS.md AUTH-1).
 */
function parseSignedHeaders(value: string): string[] {
  const names = value.split(';');
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (!SIGNED_HEADER.test(name) || (i > 0 && names[i - 1]! >= name)) {
      throw incomplete(
        "'SignedHeaders' must be a ';'-separated list of lower-case header names, sorted, each named once.",
      );
    }
  }
  return names;
}

/** Whether `s` is 64 lower-case hex digits (a scan: cheaper than a regex on every request). */
function isSignatureHex(s: string): boolean {
  if (s.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}
/** Length of `Signature=` and the 64 hex digits, the last parameter as the signers write it. */
const SIGNATURE_TAIL = 'Signature='.length + 64;
/** Entries at most in each of the verifier's caches (parsed headers, signing keys); a full cache starts over. */
const MAX_CACHED = 1024;

/** Whether a `,` comes before position `at` of `header`, after at most three spaces or tabs. */
function commaBefore(header: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 4; i--) {
    const c = header.charCodeAt(i);
    if (c === 44) return true; // ,
    if (c !== 32 && c !== 9) return false;
  }
  return false;
}

function parseAuthorization(header: string): ParsedAuthorization {
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw incomplete(`Unsupported AWS 'algorithm': '${algorithm}'. Only ${ALGORITHM} is supported.`);
  }
  const params = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !params.get(name));
  if (missing.length > 0) {
    throw incomplete(missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '));
  }
  const scope = params.get('Credential')!.split('/');
  if (scope.length !== 5 || scope.some((s) => s === '')) {
    throw incomplete(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${params.get('Credential')}'`,
    );
  }
  const signature = params.get('Signature')!;
  if (!isSignatureHex(signature)) throw incomplete('Signature must be 64 lower-case hex digits.');
  const [accessKeyId, date, region, service, terminator] = scope as [string, string, string, string, string];
  return {
    accessKeyId,
    date,
    region,
    service,
    terminator,
    signedHeaders: parseSignedHeaders(params.get('SignedHeaders')!),
    signature,
  };
}

/**
 * Checks requests against a fixed set of credentials. Signing keys are derived
 * once per access key, secret, day and region and kept (they are what AWS
 * calls the "kSigning" key; the secret itself is never logged or put in an
 * error), and so is the parsed `Authorization` header without its signature.
 */
export class SigV4Verifier {
  /** The regions served, or undefined for every region. */
  readonly regions: ReadonlySet<string> | undefined;
  readonly service: string;
  private readonly secrets = new Map<string, Credential>();
  /** Derived signing keys by `<access key ID>/<date>/<region>`, each with the secret it came from. */
  private readonly signingKeys = new Map<string, { secret: string; key: HmacKey }>();
  /** What `Authorization` headers said, without their signatures (see parseAuthorization). */
  private readonly scopes = new Map<string, ParsedAuthorization>();
  private readonly maxSkewMs: number;
  private readonly now: () => number;
  private readonly sha256Hex: (data: Uint8Array | string) => string;
  /** The signature's bytes, decoded here for each request (verify runs start to end without yielding). */
  private readonly given = new Uint8Array(32);

  constructor(options: VerifierOptions) {
    for (const c of options.credentials) this.secrets.set(c.accessKeyId, c);
    const regions = options.regions ?? (options.region === undefined ? undefined : [options.region]);
    this.regions = regions === undefined ? undefined : new Set(regions);
    this.service = options.service ?? 'kms';
    this.maxSkewMs = options.maxSkewMs ?? FIFTEEN_MINUTES;
    this.now = options.now ?? Date.now;
    this.sha256Hex = options.sha256Hex ?? sha256Hex;
  }

  /** Throws a {@link WireError} when the request lacks an `Authorization` header or it is malformed; cheap, runs before the body is read. */
  precheck(headers: SignedRequest['headers']): ParsedAuthorization {
    const header = Object.hasOwn(headers, 'authorization') ? headers['authorization'] : undefined;
    if (header === undefined || header === '' || Array.isArray(header)) {
      throw new WireError('MissingAuthenticationTokenException', 403, 'Missing Authentication Token');
    }
    const parsed = this.parseAuthorization(header);
    if (headerValue(headers, 'x-amz-date') === undefined && headerValue(headers, 'date') === undefined) {
      throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    if (!parsed.signedHeaders.includes('host')) {
      throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }
    // Every x-amz-* header must be signed, X-Amz-Target above all: unsigned, a
    // captured request could be replayed as another operation. The SDKs,
    // botocore and the AWS CLI sign every x-amz-* header they send.
    // AWS's text is not recorded; it follows AWS's for an unsigned Host (SEMANTICS.md AUTH-1).
    for (const name in headers) {
      if (name.startsWith('x-amz-') && Object.hasOwn(headers, name) && !parsed.signedHeaders.includes(name)) {
        throw incomplete(`'${name === 'x-amz-target' ? 'X-Amz-Target' : name}' must be a 'SignedHeader' in the AWS Authorization.`);
      }
    }
    return parsed;
  }

  /**
   * `parseAuthorization`, remembering what it read of the header without its
   * signature: a client sends the same credential scope and signed-header
   * list with every request of a day, and only the signature changes. The
   * remembered part holds no secret (access key ID, scope, header names).
   * Only a header that ends in its own `, Signature=<64 hex digits>`
   * parameter is remembered, so that the rest reads the same whatever the
   * signature; anything else takes the full parse every time.
   */
  private parseAuthorization(header: string): ParsedAuthorization {
    const tail = header.length - SIGNATURE_TAIL;
    let prefix: string | undefined;
    if (tail > 0 && header.startsWith('Signature=', tail) && commaBefore(header, tail)) {
      const signature = header.slice(tail + 10);
      if (isSignatureHex(signature)) {
        prefix = header.slice(0, tail);
        const known = this.scopes.get(prefix);
        if (known !== undefined) return { ...known, signature };
      }
    }
    const parsed = parseAuthorization(header);
    if (prefix !== undefined) {
      // Bounded: a client that keeps changing the rest of its header only makes the map start over.
      if (this.scopes.size >= MAX_CACHED) this.scopes.clear();
      this.scopes.set(prefix, { ...parsed, signature: '' });
    }
    return parsed;
  }

  /** Verifies the whole request; returns the caller's credential. */
  verify(request: SignedRequest, parsed = this.precheck(request.headers)): Credential {
    const { headers } = request;
    const dateHeader = headerValue(headers, 'x-amz-date');
    let requestMs: number | undefined;
    let longDate: string;
    if (dateHeader !== undefined) {
      requestMs = parseAmzDate(dateHeader);
      longDate = dateHeader;
    } else {
      requestMs = Date.parse(headerValue(headers, 'date') ?? '');
      longDate = Number.isNaN(requestMs) ? '' : amzDate(requestMs);
    }
    if (requestMs === undefined || Number.isNaN(requestMs)) {
      throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${dateHeader ?? headerValue(headers, 'date')}'. See http://en.wikipedia.org/wiki/ISO_8601`);
    }
    if (parsed.terminator !== 'aws4_request') {
      throw new WireError('InvalidSignatureException', 400, "Credential should be scoped with a valid terminator: 'aws4_request', not '" + parsed.terminator + "'.");
    }
    if (parsed.date !== longDate.slice(0, 8)) {
      throw new WireError(
        'InvalidSignatureException',
        400,
        `Credential should be scoped to a valid date: '${longDate.slice(0, 8)}', not '${parsed.date}'.`,
      );
    }
    if (parsed.service !== this.service) {
      throw new WireError('InvalidSignatureException', 400, `Credential should be scoped to correct service: '${this.service}'. `);
    }
    if (this.regions === undefined ? !REGION_NAME.test(parsed.region) : !this.regions.has(parsed.region)) {
      // AWS's text for a scope the endpoint does not serve; what this
      // endpoint serves is added after it (REGION-3).
      const served = this.regions === undefined ? 'every region' : [...this.regions].map((r) => `'${r}'`).join(', ');
      throw new WireError(
        'InvalidSignatureException',
        400,
        `Credential should be scoped to a valid region, not '${parsed.region}'. This endpoint serves ${served}.`,
      );
    }
    const credential = this.secrets.get(parsed.accessKeyId);
    if (credential === undefined) {
      throw new WireError('UnrecognizedClientException', 400, 'The security token included in the request is invalid.');
    }
    const now = this.now();
    if (requestMs < now - this.maxSkewMs) {
      throw new WireError(
        'InvalidSignatureException',
        400,
        `Signature expired: ${longDate} is now earlier than ${amzDate(now - this.maxSkewMs)} (${amzDate(now)} - 15 min.)`,
      );
    }
    if (requestMs > now + this.maxSkewMs) {
      throw new WireError(
        'InvalidSignatureException',
        400,
        `Signature not yet current: ${longDate} is still later than ${amzDate(now + this.maxSkewMs)} (${amzDate(now)} + 15 min.)`,
      );
    }

    const payloadHash = this.sha256Hex(request.body);
    const claimed = headerValue(headers, 'x-amz-content-sha256');
    if (claimed !== undefined && claimed !== payloadHash) {
      throw new WireError(
        'InvalidSignatureException',
        400,
        'The provided x-amz-content-sha256 header does not match what was computed from the request body.',
      );
    }
    const q = request.url.indexOf('?');
    const path = q < 0 ? request.url : request.url.slice(0, q);
    const query = q < 0 ? '' : request.url.slice(q + 1);
    let canonicalHeaders = '';
    for (const name of parsed.signedHeaders) {
      const value = headerValue(headers, name);
      // The signers sign only headers they send: a name listed but absent cannot have been signed.
      if (value === undefined) throw new WireError('InvalidSignatureException', 400, SIGNATURE_MISMATCH);
      canonicalHeaders += `${name}:${value}\n`;
    }
    const canonicalRequest =
      `${request.method}\n${path === '/' ? '/' : canonicalPath(path)}\n${canonicalQuery(query)}\n` +
      `${canonicalHeaders}\n${parsed.signedHeaders.join(';')}\n${payloadHash}`;
    const scope = `${parsed.date}/${parsed.region}/${parsed.service}/aws4_request`;
    const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${this.sha256Hex(canonicalRequest)}`;
    // Compared in constant time by the key (precheck made sure the signature is 64 hex digits).
    hexInto(parsed.signature, this.given);
    if (!this.signingKey(credential, parsed.date, parsed.region).verify(stringToSign, this.given)) {
      throw new WireError('InvalidSignatureException', 400, SIGNATURE_MISMATCH);
    }
    return credential;
  }

  /**
   * The signing key of `credential` on `date` in `region` (and this
   * verifier's service) as an HmacKey, derived once: each request then costs
   * one MAC from the key's saved pad states instead of four HMACs and a key
   * setup. Keyed by access key ID, date and region (no secret in the key);
   * an entry is used only for the secret it was derived from, so a
   * credential whose secret has changed gets a key of its own. At most
   * MAX_CACHED entries: a full cache is wiped and starts over.
   */
  private signingKey(credential: Credential, date: string, region: string): HmacKey {
    const id = `${credential.accessKeyId}/${date}/${region}`;
    const cached = this.signingKeys.get(id);
    if (cached !== undefined && cached.secret === credential.secretAccessKey) return cached.key;
    const kDate = hmac(`AWS4${credential.secretAccessKey}`, date);
    const kRegion = hmac(kDate, region);
    const kService = hmac(kRegion, this.service);
    const kSigning = hmac(kService, 'aws4_request');
    const key = new HmacKey('sha256', kSigning);
    for (const k of [kDate, kRegion, kService, kSigning]) k.fill(0);
    if (cached !== undefined) cached.key.destroy();
    else if (this.signingKeys.size >= MAX_CACHED) {
      for (const k of this.signingKeys.values()) k.key.destroy();
      this.signingKeys.clear();
    }
    this.signingKeys.set(id, { secret: credential.secretAccessKey, key });
    return key;
  }

  /** How many signing keys are cached (for tests: the cache stays bounded). */
  get cachedSigningKeys(): number {
    return this.signingKeys.size;
  }
}
