/**
 * A facade key whose material the bench knows, made only through public
 * commands: an EXTERNAL HMAC_256 key, and 32 bytes wrapped with RSA-OAEP under
 * the key's import parameters (WebCrypto, which every runtime here has). The
 * bench then checks the facade's Mac against the native HMAC under the same
 * bytes without reaching into the key store.
 */
import type * as Wasmac from '../../src/index.js';

type Api = typeof Wasmac;

export interface KnownKey {
  client: InstanceType<Api['KMSClient']>;
  keyId: string;
  material: Uint8Array<ArrayBuffer>;
}

export async function knownKey(api: Api, material: Uint8Array<ArrayBuffer>): Promise<KnownKey> {
  const client = new api.KMSClient();
  const { KeyMetadata } = await client.send(new api.CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC', Origin: 'EXTERNAL' }));
  const keyId = KeyMetadata!.KeyId!;
  const p = await client.send(new api.GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
  const wrapping = await crypto.subtle.importKey('spki', Uint8Array.from(p.PublicKey!), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
  const EncryptedKeyMaterial = new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, wrapping, material));
  await client.send(new api.ImportKeyMaterialCommand({ KeyId: keyId, ImportToken: p.ImportToken, EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
  return { client, keyId, material };
}
