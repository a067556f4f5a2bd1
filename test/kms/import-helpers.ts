/**
 * What the import suites share: an EXTERNAL key, its import parameters, and
 * the two ways a user wraps material: WebCrypto RSA-OAEP (any runtime) and
 * node:crypto `publicEncrypt` with OAEP (what `openssl pkeyutl -pkeyopt
 * rsa_padding_mode:oaep` does in the AWS guide).
 */
import { constants, createPublicKey, publicEncrypt } from 'node:crypto';
import { GetParametersForImportCommand, ImportKeyMaterialCommand, type KMSClient } from '../../src/index.js';
import { createKey } from './helpers.js';

/** An EXTERNAL HMAC key (PendingImport). */
export function createExternalKey(client: KMSClient, spec = 'HMAC_256') {
  return createKey(client, spec, 'GENERATE_VERIFY_MAC', { Origin: 'EXTERNAL' });
}

/** GetParametersForImport with defaults that are quick to generate. */
export async function parameters(client: KMSClient, KeyId: string, WrappingAlgorithm = 'RSAES_OAEP_SHA_256', WrappingKeySpec = 'RSA_2048') {
  const out = await client.send(new GetParametersForImportCommand({ KeyId, WrappingAlgorithm, WrappingKeySpec } as never));
  return { ImportToken: out.ImportToken!, PublicKey: out.PublicKey!, ParametersValidTo: out.ParametersValidTo!, KeyId: out.KeyId!, out };
}

/** RSA-OAEP encryption of `material` under a DER SPKI public key, with WebCrypto. */
export async function wrapWebCrypto(publicKey: Uint8Array, material: Uint8Array, hash: 'SHA-1' | 'SHA-256' = 'SHA-256'): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('spki', Uint8Array.from(publicKey), { name: 'RSA-OAEP', hash }, false, ['encrypt']);
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, key, Uint8Array.from(material)));
}

/** RSA-OAEP encryption of `material` with node:crypto's `publicEncrypt`, as the AWS/OpenSSL guide does. */
export function wrapNode(publicKey: Uint8Array, material: Uint8Array, oaepHash: 'sha1' | 'sha256' = 'sha256'): Uint8Array {
  const key = createPublicKey({ key: Buffer.from(publicKey), format: 'der', type: 'spki' });
  return new Uint8Array(publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, material));
}

/** `n` random bytes. */
export function randomMaterial(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** Imports `material` into `KeyId` with fresh parameters; material that does not expire unless `extra` says so. */
export async function importMaterial(client: KMSClient, KeyId: string, material: Uint8Array, extra: Record<string, unknown> = { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }) {
  const p = await parameters(client, KeyId);
  const EncryptedKeyMaterial = await wrapWebCrypto(p.PublicKey, material);
  return client.send(new ImportKeyMaterialCommand({ KeyId, ImportToken: p.ImportToken, EncryptedKeyMaterial, ...extra } as never));
}
