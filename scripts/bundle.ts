// Emits the JavaScript of dist/ (types come from tsc `--emitDeclarationOnly`,
// next to these files). Run by `npm run build:ts`.
//
// - ES modules, one per package entry, with the code they share split into
//   dist/chunks/, so that importing `wasmac` loads a few files instead of one
//   per source module (import time is most of a cold start), and `wasmac` and
//   `wasmac/engine` share one engine. Readable, not minified: bundlers minify
//   for their users, and an uncaught error in Node prints the source line it
//   was thrown from.
// - CommonJS in dist/cjs/ for the `require` condition: what Jest and other
//   CommonJS module systems load (Node itself, from 20.19, takes the ES
//   modules under `module-sync`). Two bundles: the engine (dist/cjs/engine.js,
//   which `wasmac/engine` loads alone), and the rest (dist/cjs/wasmac.js),
//   which requires the engine's bundle instead of carrying a copy, so that
//   `wasmac`, `wasmac/node` and `wasmac/engine` share one core and one set of
//   classes, as the ES modules do; dist/cjs/index.js and
//   dist/cjs/node/index.js pick their half of wasmac.js. The type
//   declarations are copied under it, where a package.json says `commonjs`,
//   so that TypeScript (`module: node16|nodenext`) types a `require` as
//   CommonJS.
// - Source maps next to every file, pointing into src/ (shipped in the
//   package), without the sources inlined.
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const common: BuildOptions = {
  bundle: true,
  platform: 'neutral',
  target: 'es2022',
  sourcemap: 'linked',
  sourcesContent: false,
  // package.json "sideEffects" speaks of dist/ for consumers' bundlers; here the
  // sources are bundled, and src/node/index.ts imports src/index.ts for its
  // side effect (loading the core), which must stay.
  ignoreAnnotations: true,
  logLevel: 'warning',
};

rmSync('dist/chunks', { recursive: true, force: true });
rmSync('dist/cjs', { recursive: true, force: true });

// The engine's entries, each one file: a cold start pays for every module
// file the loader reads (resolve, read, compile, in turn), several times what
// the engine's code costs; one file is what `wasmac/engine` loads.
await build({
  ...common,
  entryPoints: ['src/engine.ts', 'src/engine.node.ts', 'src/engine.workerd.ts'],
  outbase: 'src',
  outdir: 'dist',
  format: 'esm',
  external: ['node:*', './wasmac.wasm', './wasmac-simd.wasm'],
});

/**
 * Everywhere else, the engine is `#engine`, which package.json's "imports"
 * maps, under the same conditions as the entries, to the one of the files
 * above that the runtime loads: `wasmac` and `wasmac/engine` share one
 * engine (one core, one set of classes), and the facade's chunks, shared by
 * the node, workerd and plain entries, name no variant. `specifier` stands
 * for the engine's public module and its entries; any other way into
 * src/engine/ from outside it would bundle a second engine, so it fails the
 * build.
 */
function engineAs(specifier: string): Plugin {
  const engineDir = resolve('src/engine');
  const toEngine = new Set(['src/engine.ts', 'src/engine.node.ts', 'src/engine.workerd.ts', 'src/engine/index.ts'].map((f) => resolve(f)));
  return {
    name: 'engine-as',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        if (args.importer === '' || args.importer.startsWith(engineDir + '/')) return undefined;
        const target = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        if (toEngine.has(target)) return { path: specifier, external: true };
        if (target.startsWith(engineDir + '/')) return { errors: [{ text: `${args.path}: outside src/engine, import the engine from engine/index.js` }] };
        return undefined;
      });
    },
  };
}

await build({
  ...common,
  entryPoints: ['src/index.ts', 'src/index.node.ts', 'src/index.workerd.ts', 'src/node/index.ts', 'src/node/cli.ts', 'src/cloudflare/index.ts', 'src/deno/index.ts'],
  outbase: 'src',
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  // Node built-ins (only src/node uses them), the CLI's JMESPath (a
  // dependency, loaded only for `--query`). @assemblyscript/loader is
  // bundled: resolving a package at import costs more than its few lines.
  // `pg` (PostgresKeyStore, loaded only when one is opened) stays a dependency too.
  external: ['node:*', '@jmespath-community/jmespath', 'pg'],
  plugins: [engineAs('#engine')],
});

/** What the CommonJS engine bundle is built from: the `node` engine entry (require() only happens where node:crypto is). */
const CJS_ENGINE = 'src/engine.node.ts';

await build({
  ...common,
  entryPoints: [CJS_ENGINE],
  outfile: 'dist/cjs/engine.js',
  format: 'cjs',
  platform: 'node',
  // The engine reads no module URL (node:crypto comes from process.getBuiltinModule or an import), so no banner.
  external: ['node:*'],
});

await build({
  ...common,
  stdin: {
    // The main half is the `node` entry: require() only happens where node:crypto is.
    contents: "export * as main from './src/index.node.ts';\nexport * as node from './src/node/index.ts';\n",
    resolveDir: '.',
    sourcefile: 'wasmac.cjs.ts',
    loader: 'ts',
  },
  outfile: 'dist/cjs/wasmac.js',
  format: 'cjs',
  platform: 'node',
  external: ['node:*', '@jmespath-community/jmespath', 'pg'],
  // The engine is the bundle above, required, not a second copy.
  plugins: [engineAs('./engine.js')],
  // The CLI reads package.json relative to its module (`wasmac --version`).
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

/** Copies every `.d.ts` under `from` to the same place under `to`. */
function copyTypes(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    const path = join(from, name);
    if (statSync(path).isDirectory()) {
      if (path !== 'dist/cjs' && path !== 'dist/chunks') copyTypes(path, join(to, name));
    } else if (name.endsWith('.d.ts')) {
      mkdirSync(to, { recursive: true });
      cpSync(path, join(to, name));
    }
  }
}
copyTypes('dist', 'dist/cjs');
writeFileSync('dist/cjs/package.json', '{ "type": "commonjs" }\n');
writeFileSync('dist/cjs/index.js', "'use strict';\n// wasmac for require(): the main half of the one CommonJS bundle.\nmodule.exports = require('./wasmac.js').main;\n");
writeFileSync('dist/cjs/node/index.js', "'use strict';\n// wasmac/node for require(): the Node half of the one CommonJS bundle.\nmodule.exports = require('../wasmac.js').node;\n");

console.log('bundled dist/engine.js, dist/engine.node.js, dist/engine.workerd.js, dist/index.js, dist/index.node.js, dist/index.workerd.js, dist/node/index.js, dist/node/cli.js, dist/cloudflare/index.js, dist/deno/index.js (ESM) and dist/cjs/ (CommonJS: engine.js, wasmac.js)');
