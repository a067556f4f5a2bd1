/**
 * PostgreSQL for the suites: a database of its own per suite, with a random
 * name, on the machine's server (127.0.0.1:5432, user postgres, trust; or
 * WASMAC_TEST_PG as `postgres://user@host:port`), dropped afterwards.
 * Unreachable, it throws: the suites count that as failed, never as passed.
 */
import pg from 'pg';

const BASE = process.env.WASMAC_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

export async function createDatabase(): Promise<TestDatabase> {
  const name = `wasmac_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: `${BASE}/postgres`, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL is not reachable at ${BASE} (${(err as Error).message}): the PostgreSQL suites cannot run. Start it (pg_ctlcluster <version> main start) or set WASMAC_TEST_PG.`);
  }
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: `${BASE}/${name}`,
    name,
    async drop() {
      const c = new pg.Client({ connectionString: `${BASE}/postgres` });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
