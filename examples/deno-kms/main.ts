/**
 * A KMS endpoint on Deno with keys in Deno KV: `Deno.serve` answers AWS JSON
 * 1.1 after checking SigV4, so the AWS SDKs and the AWS CLI talk to it with
 * `--endpoint-url`. On a Deno server the keys live in a local SQLite file; on
 * Deno Deploy, leave KMS_KV_PATH unset and they live in the project's KV.
 *
 *   KMS_MASTER_KEY=$(openssl rand -base64 32) \
 *   KMS_CREDENTIALS='[{"accessKeyId":"test","secretAccessKey":"test"}]' \
 *   KMS_KV_PATH=data/kms.sqlite PORT=8000 \
 *     deno run --allow-env --allow-net --allow-read=data --allow-write=data main.ts
 *
 * Keep KMS_MASTER_KEY: the keys in KV open only with it. Settings (environment):
 * KMS_MASTER_KEY and KMS_CREDENTIALS (required), KMS_KV_PATH, KMS_REGION
 * (default us-east-1), KMS_ACCOUNT_ID (default 111122223333), HOST
 * (default 127.0.0.1), PORT (default 8000; 0 for any free port).
 */
import { KMSClient } from 'wasmac';
import { DenoKvKeyStore, parseCredentials, parseMasterKey, serveKms, SigV4Verifier } from 'wasmac/deno';

const env = (name: string): string | undefined => Deno.env.get(name);
const region = env('KMS_REGION') ?? 'us-east-1';
const accountId = env('KMS_ACCOUNT_ID') ?? '111122223333';
const masterKey = parseMasterKey(env('KMS_MASTER_KEY'), 'KMS_MASTER_KEY');
const verifier = new SigV4Verifier({ credentials: parseCredentials(env('KMS_CREDENTIALS') ?? '', 'KMS_CREDENTIALS'), region });

const path = env('KMS_KV_PATH');
// SQLite creates the file, not its directory: make `data/` on the first run.
const dir = path?.slice(0, Math.max(0, path.lastIndexOf('/')));
if (dir) await Deno.mkdir(dir, { recursive: true });
const kv = await (path === undefined ? Deno.openKv() : Deno.openKv(path));
const keyStore = new DenoKvKeyStore(kv, { masterKey });

/** One client per account (a credential may name its own); all share the store. */
const clients = new Map<string, InstanceType<typeof KMSClient>>();
function clientFor(credential: { accountId?: string }): InstanceType<typeof KMSClient> {
  const account = credential.accountId ?? accountId;
  let client = clients.get(account);
  if (client === undefined) {
    client = new KMSClient({ region, accountId: account, keyStore });
    clients.set(account, client);
  }
  return client;
}

const server = Deno.serve(
  {
    hostname: env('HOST') ?? '127.0.0.1',
    port: Number(env('PORT') ?? 8000),
    onListen: ({ hostname, port }) => console.log(`wasmac KMS on http://${hostname}:${port} (${region}, keys in ${path ?? 'Deno KV'})`),
  },
  (request) => serveKms(request, verifier, clientFor),
);

Deno.addSignalListener('SIGTERM', async () => {
  await server.shutdown();
  keyStore.close();
  kv.close();
  Deno.exit(0);
});
