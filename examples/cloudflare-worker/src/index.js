/**
 * wasmac in a Cloudflare Worker: `GET /?message=...` signs the message with
 * GenerateMac, verifies it with VerifyMac and answers
 * `{ "message", "Mac" (base64), "MacValid" }`.
 *
 * Wrangler resolves `wasmac` by its `workerd` export condition, which imports
 * the Wasm core as `.wasm` modules (Workers refuse to compile Wasm from bytes).
 * Keys live in memory, so a key lasts as long as the isolate does; pass a
 * `keyStore` to `KMSClient` to keep them elsewhere.
 */
import { CreateKeyCommand, GenerateMacCommand, KMSClient, toBase64, VerifyMacCommand } from 'wasmac';

const client = new KMSClient({ region: 'us-east-1' });

/** Created on the first request: Workers allow no random numbers at the top level. */
let keyId;

async function macKey() {
  keyId ??= client
    .send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC', Description: 'wasmac worker example' }))
    .then((out) => out.KeyMetadata.KeyId);
  return keyId;
}

export default {
  async fetch(request) {
    const message = new URL(request.url).searchParams.get('message') ?? 'Hello World';
    const KeyId = await macKey();
    const { Mac } = await client.send(new GenerateMacCommand({ KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256' }));
    // Resolves only when the MAC matches; otherwise rejects with KMSInvalidMacException.
    const { MacValid } = await client.send(new VerifyMacCommand({ KeyId, Message: message, MacAlgorithm: 'HMAC_SHA_256', Mac }));
    return Response.json({ message, Mac: toBase64(Mac), MacValid });
  },
};
