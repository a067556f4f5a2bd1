/**
 * wasmac/engine, workerd entry (the `workerd` and `worker` export
 * conditions): the engine for Cloudflare Workers and workerd, which refuse to
 * compile Wasm from bytes ("Wasm code generation disallowed by embedder").
 * The two builds of the core are imported as `.wasm` modules instead, which
 * the runtime compiles when it loads the worker; `npm run build` copies them
 * next to this file in dist/. Nothing here touches `import.meta.url`
 * (undefined in workerd).
 */
import { installCore, type Backend } from './engine/core.js';
import scalarCore from './wasmac.wasm';
import simdCore from './wasmac-simd.wasm';

/**
 * The runtime compiled both modules before this code ran, so SIMD is
 * supported wherever this entry loads at all.
 */
installCore((backend: Backend) => (backend === 'simd' ? simdCore : scalarCore), true);

export * from './engine/index.js';
