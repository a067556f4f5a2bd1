#!/usr/bin/env node
/**
 * The `wasmac` executable (the package's `bin`): `wasmac serve` and the local
 * aws-kms-shaped commands. Everything is in `cli-main.ts`; this file loads the
 * Wasm core (through the node entry) and sets the exit code.
 */
import { runCli } from './index.js';

// No top-level await: the exit code is set when the command settles.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
