/**
 * wasmac in a Cloudflare Worker: MACs and verifies them with the keys of a
 * seed held in the secret binding WASMAC_SEED (the JSON of `wasmac serve
 * --seed`). Seed the material you imported into AWS KMS and the worker
 * verifies, at the edge, the MACs AWS KMS made, and makes MACs AWS KMS
 * verifies.
 *
 *   GET /?message=Hello%20World            GenerateMac: { message, KeyId, Mac (base64) }
 *   GET /?message=Hello%20World&mac=<b64>  VerifyMac:   { message, KeyId, MacValid: true }, or 400
 *                                          { error: "KMSInvalidMacException" } when it does not match
 *   &key=<alias or key ID> (default alias/app), &algorithm=HMAC_SHA_384 (default HMAC_SHA_256)
 *
 * The secret: `npx wrangler secret put WASMAC_SEED < seed.json` (deployed),
 * WASMAC_SEED in .dev.vars (`wrangler dev`), or the binding in config.capnp
 * (plain workerd). seed.example.json is public example material: never use it.
 *
 * Wrangler resolves `wasmac` by its `workerd` export condition, which imports
 * the Wasm core as `.wasm` modules (Workers refuse to compile Wasm from bytes).
 */
import { applySeed, fromBase64, GenerateMacCommand, KMSClient, KMSServiceException, MemoryKeyStore, toBase64, validateSeed, VerifyMacCommand } from 'wasmac';

const REGION = 'us-east-1';
const ACCOUNT_ID = '111122223333';

/** The client over the seeded keys, made on the first request (Workers allow no random numbers at the top level). */
let ready;

function clientFor(env) {
  ready ??= (async () => {
    if (typeof env.WASMAC_SEED !== 'string') throw new Error('the secret WASMAC_SEED is not set (see the header of src/index.js)');
    let seed;
    try {
      seed = JSON.parse(env.WASMAC_SEED);
    } catch {
      // Not the parser's message: it quotes the text around the error, which is key material here.
      throw new Error('the secret WASMAC_SEED is not valid JSON');
    }
    const keyStore = new MemoryKeyStore();
    await applySeed(keyStore, validateSeed(seed), { region: REGION, accountId: ACCOUNT_ID });
    return new KMSClient({ region: REGION, accountId: ACCOUNT_ID, keyStore });
  })().catch((err) => {
    ready = undefined; // a fixed secret is read again on the next request
    throw err;
  });
  return ready;
}

export default {
  async fetch(request, env) {
    const params = new URL(request.url).searchParams;
    const message = params.get('message') ?? 'Hello World';
    const KeyId = params.get('key') ?? 'alias/app';
    const MacAlgorithm = params.get('algorithm') ?? 'HMAC_SHA_256';
    const mac = params.get('mac');
    let Mac;
    try {
      Mac = mac === null ? undefined : fromBase64(mac);
    } catch {
      return Response.json({ error: 'BadRequest', message: 'mac must be standard base64' }, { status: 400 });
    }
    try {
      const client = await clientFor(env);
      if (Mac === undefined) {
        const out = await client.send(new GenerateMacCommand({ KeyId, Message: message, MacAlgorithm }));
        return Response.json({ message, KeyId: out.KeyId, Mac: toBase64(out.Mac) });
      }
      // Resolves only when the MAC matches; otherwise rejects with KMSInvalidMacException.
      const out = await client.send(new VerifyMacCommand({ KeyId, Message: message, MacAlgorithm, Mac }));
      return Response.json({ message, KeyId: out.KeyId, MacValid: out.MacValid });
    } catch (err) {
      if (err instanceof KMSServiceException) return Response.json({ error: err.name, message: err.message }, { status: err.httpStatusCode });
      return Response.json({ error: err.name, message: err.message }, { status: 500 });
    }
  },
};
