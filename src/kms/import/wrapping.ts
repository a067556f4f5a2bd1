/**
 * The RSA side of importing key material, on WebCrypto (`crypto.subtle`) only,
 * so that it runs in every runtime the facade supports (Node, Deno, Bun,
 * workerd, browsers): the wrapping key pair of GetParametersForImport, the
 * import token, and the unwrap of ImportKeyMaterial.
 *
 * The private wrapping key never rests in the store in the clear. The import
 * token is 32 random bytes (after a version byte) that only the caller holds;
 * the store keeps its SHA-256 (to find the parameter set) and the PKCS#8
 * private key sealed with AES-256-GCM under a key derived from the token by
 * HKDF-SHA-256. The sealing's additional data names the key ARN, the wrapping
 * algorithm, the wrapping key spec and the expiry, so a token opens only the
 * key pair it was issued with, for that key and algorithm. A reader of the
 * store (a FileKeyStore's JSON files) learns nothing that unwraps material.
 *
 *     token  = 0x01 || 32 random bytes
 *     id     = hex SHA-256(token)                                (stored)
 *     kek    = HKDF-SHA-256(ikm = token, salt = "", info = INFO) (never stored)
 *     sealed = AES-256-GCM(kek, iv, PKCS#8, aad = arn|alg|spec|validTo) (stored)
 */
import { fromBase64, sha256, toBase64, toHex } from '../../engine/index.js';

/** The RSA-OAEP hash of each wrapping algorithm HMAC material may use (SEMANTICS.md IMP-2). */
export const OAEP_HASH: Readonly<Record<string, 'SHA-1' | 'SHA-256'>> = {
  RSAES_OAEP_SHA_1: 'SHA-1',
  RSAES_OAEP_SHA_256: 'SHA-256',
};

/** The modulus length of each RSA wrapping key spec. */
export const RSA_BITS: Readonly<Record<string, number>> = {
  RSA_2048: 2048,
  RSA_3072: 3072,
  RSA_4096: 4096,
};

/** One GetParametersForImport answer, as kept in a key's `importState` (JSON-safe). */
export interface ParameterSet {
  /** hex SHA-256 of the import token; the token itself is never stored. */
  id: string;
  algorithm: string;
  keySpec: string;
  /** `ParametersValidTo`, epoch ms. */
  validTo: number;
  /** The sealed PKCS#8 private key (base64); dropped once the set has expired. */
  sealed?: { iv: string; data: string };
}

const TOKEN_VERSION = 1;
const HKDF_INFO = new TextEncoder().encode('wasmac import token v1: wrapping key seal');
const EMPTY = new Uint8Array(0);

function random(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  crypto.getRandomValues(out);
  return out;
}

/** The id under which the parameter set of `token` is stored. */
export function tokenId(token: Uint8Array): string {
  return toHex(sha256(token));
}

function aad(arn: string, algorithm: string, keySpec: string, validTo: number): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${arn}|${algorithm}|${keySpec}|${validTo}`);
}

async function sealKey(token: Uint8Array<ArrayBuffer>, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const ikm = await crypto.subtle.importKey('raw', token, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: EMPTY, info: HKDF_INFO }, ikm, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/**
 * A fresh RSA key pair for `keySpec`, its public key as DER SubjectPublicKeyInfo,
 * a fresh import token, and the parameter set to store.
 */
export async function newParameters(
  arn: string,
  algorithm: string,
  keySpec: string,
  validTo: number,
): Promise<{ token: Uint8Array; publicKey: Uint8Array; set: ParameterSet }> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: RSA_BITS[keySpec]!, publicExponent: new Uint8Array([1, 0, 1]), hash: OAEP_HASH[algorithm]! },
    true,
    ['encrypt', 'decrypt'],
  );
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const token = random(33);
  token[0] = TOKEN_VERSION;
  const iv = random(12);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(arn, algorithm, keySpec, validTo) }, await sealKey(token, 'encrypt'), pkcs8),
  );
  pkcs8.fill(0);
  return { token, publicKey, set: { id: tokenId(token), algorithm, keySpec, validTo, sealed: { iv: toBase64(iv), data: toBase64(sealed) } } };
}

/**
 * Opens the private key of `set` with `token`: undefined when the token does
 * not open it (a token of another set, or a store that was changed).
 */
export async function openPrivateKey(set: ParameterSet, token: Uint8Array, arn: string): Promise<CryptoKey | undefined> {
  if (set.sealed === undefined || !Object.hasOwn(OAEP_HASH, set.algorithm)) return undefined;
  let pkcs8: Uint8Array<ArrayBuffer>;
  try {
    const kek = await sealKey(Uint8Array.from(token), 'decrypt');
    const iv = Uint8Array.from(fromBase64(set.sealed.iv));
    const data = Uint8Array.from(fromBase64(set.sealed.data));
    pkcs8 = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad(arn, set.algorithm, set.keySpec, set.validTo) }, kek, data));
  } catch {
    return undefined;
  }
  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSA-OAEP', hash: OAEP_HASH[set.algorithm]! }, false, ['decrypt']);
  } finally {
    pkcs8.fill(0);
  }
}

/** RSA-OAEP decryption of the wrapped material; undefined when it does not decrypt. */
export async function unwrap(privateKey: CryptoKey, wrapped: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, privateKey, Uint8Array.from(wrapped)));
  } catch {
    return undefined;
  }
}
