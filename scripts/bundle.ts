// Emits the JavaScript of dist/: one ES module per package entry, with the code
// they share split into dist/chunks/, so that importing `wasmac` loads a few
// files instead of one per source module (import time is most of a cold
// start). Types come from tsc (`--emitDeclarationOnly`), next to these files.
// Run by `npm run build:ts`.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints: ['src/index.ts', 'src/index.workerd.ts', 'src/node/index.ts', 'src/node/cli.ts'],
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  chunkNames: 'chunks/[name]-[hash]',
  // Less to parse at import; names are kept for readable stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  // Node built-ins (only src/node uses them) and the .wasm modules the workerd
  // entry imports (copied next to it by copy-wasm). @assemblyscript/loader is
  // bundled: resolving a package at import costs more than its few lines.
  external: ['node:*', './wasmac.wasm', './wasmac-simd.wasm'],
  // package.json "sideEffects" speaks of dist/ for consumers' bundlers; here the
  // sources are bundled, and src/node/index.ts imports src/index.ts for its
  // side effect (loading the core), which must stay.
  ignoreAnnotations: true,
  logLevel: 'warning',
});
console.log('bundled dist/index.js, dist/index.workerd.js, dist/node/index.js, dist/node/cli.js');
