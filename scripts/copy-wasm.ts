// Puts the two builds of the core (build/wasmac.wasm, build/wasmac-simd.wasm)
// next to dist/index.workerd.js, which imports them as `.wasm` modules
// (`./wasmac.wasm`, `./wasmac-simd.wasm`). Run by `npm run build` after tsc.
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
for (const name of ['wasmac.wasm', 'wasmac-simd.wasm']) copyFileSync(`build/${name}`, `dist/${name}`);
console.log('copied build/wasmac.wasm, build/wasmac-simd.wasm to dist/');
