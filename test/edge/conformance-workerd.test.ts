/**
 * The store conformance cases (test/store/cases.ts) on DurableObjectKeyStore,
 * inside workerd:
 * - in process: a worker whose Durable Object runs each case with wasmac's
 *   `KMS` clients on a DurableObjectKeyStore over its own storage (one fresh
 *   object per case), and answers the outcome;
 * - over HTTP: the SDK's `KMS` (Node) against examples/cloudflare-kms, where
 *   every request goes through SigV4 in the Worker to the account's object.
 */
import { KMS as SdkKMS } from '@aws-sdk/client-kms';
import { join } from 'node:path';
import { suite } from 'uvu';
import { tempDir } from '../runtimes/harness.js';
import { STORE_CASES, type Api } from '../store/cases.js';
import { buildExample, startWorkerd, type Workerd } from './workerd.js';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';

/** Runs one case (`?case=<name>`) in a fresh object named after it. The class name is the example config's. */
const IN_PROCESS_WORKER = `
import { KMS } from 'wasmac';
import { DurableObjectKeyStore, parseMasterKey } from 'wasmac/cloudflare';
import { STORE_CASES } from './test/store/cases.ts';
export class KmsKeys {
  constructor(ctx, env) { this.ctx = ctx; this.env = env; }
  async fetch(request) {
    const name = new URL(request.url).searchParams.get('case');
    const found = STORE_CASES.find((c) => c.name === name);
    if (found === undefined) return Response.json({ ok: false, error: 'no case ' + name });
    try {
      const store = new DurableObjectKeyStore(this.ctx.storage, { masterKey: parseMasterKey(this.env.KMS_MASTER_KEY, 'KMS_MASTER_KEY') });
      const all = [0, 1, 2].map(() => new KMS({ keyStore: store, region: ${JSON.stringify(REGION)}, accountId: ${JSON.stringify(ACCOUNT)} }));
      await found.run({ all, account: ${JSON.stringify(ACCOUNT)}, region: ${JSON.stringify(REGION)} });
      return Response.json({ ok: true });
    } catch (err) {
      return Response.json({ ok: false, error: String((err && err.stack) || err) });
    }
  }
}
export default {
  fetch(request, env) {
    const name = new URL(request.url).searchParams.get('case') ?? '';
    return env.KMS_KEYS.get(env.KMS_KEYS.idFromName(name)).fetch(request);
  },
};
`;

for (const mode of ['in process', 'over HTTP'] as const) {
  const s = suite(`DurableObjectKeyStore in workerd, ${mode}`);
  const tmp = tempDir('cf-conformance');
  let workerd: Workerd | undefined;
  let sdk: SdkKMS[] = [];
  s.before(async () => {
    await buildExample(tmp.dir, mode === 'in process' ? { contents: IN_PROCESS_WORKER } : undefined);
    workerd = await startWorkerd(tmp.dir, join(tmp.dir, 'data'));
    sdk = [0, 1, 2].map(() => new SdkKMS({ endpoint: workerd!.url, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 }));
  });
  s.after(async () => {
    for (const c of sdk) c.destroy();
    await workerd?.stop();
    tmp.remove();
  });
  for (const c of STORE_CASES) {
    s(c.name, async () => {
      if (workerd === undefined) throw new Error('workerd did not start (see the error above)');
      try {
        if (mode === 'over HTTP') {
          await c.run({ all: sdk as unknown as Api[], account: ACCOUNT, region: REGION });
          return;
        }
        const res = await fetch(`${workerd.url}/?case=${encodeURIComponent(c.name)}`);
        const outcome = (await res.json()) as { ok: boolean; error?: string };
        if (!outcome.ok) throw new Error(outcome.error);
      } catch (err) {
        if (workerd.log() !== '') console.log(`workerd output:\n${workerd.log()}`);
        throw err;
      }
    });
  }
  s.run();
}
