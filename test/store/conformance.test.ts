/**
 * The store conformance cases (cases.ts) on Node: MemoryKeyStore,
 * FileKeyStore and PostgresKeyStore, in process (wasmac's `KMS` clients on
 * one store; on PostgreSQL, two stores on one database) and over HTTP (the
 * SDK's `KMS` against `startServer` endpoints, two on PostgreSQL).
 */
import { KMS as SdkKMS } from '@aws-sdk/client-kms';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import { KMS, MemoryKeyStore, type KeyStore } from '../../src/index.js';
import { FileKeyStore, PostgresKeyStore, startServer, type KmsServer } from '../../src/node/index.js';
import { REGION_CASES, STORE_CASES, type Api, type RegionClients } from './cases.js';
import { createDatabase } from './pg.js';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';

interface Opened {
  /** Two handles on one key set (the same object for the single-process stores). */
  stores: [KeyStore, KeyStore];
  close(): Promise<void>;
}

const KINDS: { name: string; open(): Promise<Opened> }[] = [
  {
    name: 'MemoryKeyStore',
    async open() {
      const s = new MemoryKeyStore();
      return { stores: [s, s], close: async () => undefined };
    },
  },
  {
    name: 'FileKeyStore',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'wasmac-conformance-'));
      const s = await FileKeyStore.open(dir);
      return {
        stores: [s, s],
        async close() {
          await s.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgresKeyStore',
    async open() {
      const db = await createDatabase();
      const a = await PostgresKeyStore.open(db.url);
      const b = await PostgresKeyStore.open(db.url);
      return {
        stores: [a, b],
        async close() {
          await a.close();
          await b.close();
          await db.drop();
        },
      };
    },
  },
];

for (const kind of KINDS) {
  for (const mode of ['in process', 'over HTTP'] as const) {
    const s = suite(`${kind.name}, ${mode}`);
    let opened: Opened | undefined;
    let servers: KmsServer[] = [];
    let clients: RegionClients | undefined;
    let sdk: SdkKMS[] = [];
    const others: SdkKMS[] = [];
    s.before(async () => {
      opened = await kind.open();
      const [a, b] = opened.stores;
      if (mode === 'in process') {
        const inRegion = (region: string) => [a, b, a].map((keyStore) => new KMS({ keyStore, region, accountId: ACCOUNT }) as unknown as Api);
        clients = { all: inRegion(REGION), account: ACCOUNT, region: REGION, inRegion };
        return;
      }
      // Idle keep-alive sockets outlive the suite: a socket the server closes while the SDK reuses it is an ECONNRESET that says nothing of the store.
      servers = await Promise.all([a, b].map((keyStore) => startServer({ port: 0, keyStore, region: REGION, accountId: ACCOUNT, keepAliveTimeoutMs: 120_000 })));
      sdk = [0, 1, 0].map(
        (i) => new SdkKMS({ endpoint: servers[i]!.url, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 }),
      );
      const regional = new Map<string, SdkKMS[]>([[REGION, sdk]]);
      const inRegion = (region: string) => {
        let c = regional.get(region);
        if (c === undefined) {
          c = [0, 1, 0].map((i) => new SdkKMS({ endpoint: servers[i]!.url, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 }));
          regional.set(region, c);
          others.push(...c);
        }
        return c as unknown as Api[];
      };
      clients = { all: sdk as unknown as Api[], account: ACCOUNT, region: REGION, inRegion };
    });
    s.after(async () => {
      for (const c of [...sdk, ...others]) c.destroy();
      await Promise.all(servers.map((srv) => srv.close()));
      await opened?.close();
    });
    for (const c of [...STORE_CASES, ...REGION_CASES]) {
      s(c.name, async () => {
        if (clients === undefined) throw new Error(`${kind.name} could not be opened (see the error above)`);
        await c.run(clients);
      });
    }
    s.run();
  }
}
