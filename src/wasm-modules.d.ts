/**
 * `.wasm` files imported as modules, as workerd (and wrangler, and the
 * bundlers that target Workers) load them: the default export is the compiled
 * `WebAssembly.Module`.
 */
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
