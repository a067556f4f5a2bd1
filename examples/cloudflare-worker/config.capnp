# The worker on plain workerd, without wrangler. From the repository root,
# after `npm ci && npm run build` (in a project of your own: the entry from
# node_modules/wasmac, the .wasm files from node_modules/wasmac/dist/):
#
#   npx esbuild examples/cloudflare-worker/src/index.js --bundle --format=esm \
#     --conditions=workerd --external:'*.wasm' --outfile=examples/cloudflare-worker/dist/index.js
#   cp dist/wasmac.wasm dist/wasmac-simd.wasm examples/cloudflare-worker/dist/
#   npx workerd serve examples/cloudflare-worker/config.capnp
#   curl 'http://127.0.0.1:8787/?message=Hello%20World'
#   curl 'http://127.0.0.1:8787/?message=Hello%20World&mac=SWgggc4CgAle8JGG8XOHRQE/yzVt/4SG5l8pgV0Jhs0%3D'
#
# The worker's keys come from the WASMAC_SEED binding, here the public example
# seed.example.json; in production a secret (`wrangler secret put WASMAC_SEED`).
#
# `--format=esm` because a module worker exports its handler; `--external`
# keeps the bundle's imports of the core (`./wasmac.wasm`,
# `./wasmac-simd.wasm`), which the modules below provide, compiled by workerd.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "main") ],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "index.js", esModule = embed "dist/index.js"),
    (name = "wasmac.wasm", wasm = embed "dist/wasmac.wasm"),
    (name = "wasmac-simd.wasm", wasm = embed "dist/wasmac-simd.wasm"),
  ],
  bindings = [ (name = "WASMAC_SEED", text = embed "seed.example.json") ],
  compatibilityDate = "2026-01-01",
);
