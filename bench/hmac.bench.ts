/**
 * The HMAC / SHA-2 / batch / facade suite in Node, against node:crypto,
 * WebCrypto, hash-wasm and @noble/hashes in the same run.
 *
 *   npx tsx bench/hmac.bench.ts [--quick] [--only=hmac/sha256/32,batch] [--json=out.json]
 *
 * `npm run bench` runs this with the other runtimes and writes the report.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as api from '../src/index.node.js';
import { parseArgs, timing } from './lib/options.js';
import { consoleTable } from './lib/ratios.js';
import { runSuite } from './lib/suite.js';

const cli = parseArgs(process.argv.slice(2));
const result = await runSuite(
  {
    runtime: 'node',
    version: `Node ${process.versions.node}, V8 ${process.versions.v8}, OpenSSL ${process.versions.openssl}`,
    only: cli.only,
    log: (line) => process.stderr.write(`${line}\n`),
    now: () => performance.now(),
    load: () => loadavg()[0],
    ...timing(cli.quick, false),
  },
  api,
);
if (cli.json !== undefined) writeFileSync(cli.json, JSON.stringify(result));
console.log(consoleTable(result));
