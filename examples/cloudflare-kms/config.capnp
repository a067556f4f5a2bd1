# workerd running the KMS Worker on this machine, keys in a SQLite file per
# Durable Object under data/do/. Build the worker first (from this folder):
#
#   npx esbuild src/index.js --bundle --format=esm --conditions=workerd,worker \
#     --external:*.wasm --outfile=dist/worker.js
#   cp node_modules/wasmac/dist/*.wasm dist/
#   mkdir -p data/do
#   KMS_MASTER_KEY=$(openssl rand -base64 32) \
#   KMS_CREDENTIALS='[{"accessKeyId":"test","secretAccessKey":"test"}]' \
#     npx workerd serve config.capnp
#
# Keep KMS_MASTER_KEY: the keys on disk open only with it. The endpoint is
# http://127.0.0.1:8787 (`-s http=127.0.0.1:0` picks a free port; `-d do-disk=DIR`
# puts the data elsewhere).
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "kms", worker = .kms),
    (name = "do-disk", disk = (path = "data/do", writable = true)),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "kms") ],
);

const kms :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "dist/worker.js"),
    (name = "wasmac.wasm", wasm = embed "dist/wasmac.wasm"),
    (name = "wasmac-simd.wasm", wasm = embed "dist/wasmac-simd.wasm"),
  ],
  compatibilityDate = "2026-01-01",
  durableObjectNamespaces = [ (className = "KmsKeys", uniqueKey = "wasmac-kms-keys", enableSql = true) ],
  durableObjectStorage = (localDisk = "do-disk"),
  bindings = [
    (name = "KMS_KEYS", durableObjectNamespace = "KmsKeys"),
    (name = "KMS_MASTER_KEY", fromEnvironment = "KMS_MASTER_KEY"),
    (name = "KMS_CREDENTIALS", fromEnvironment = "KMS_CREDENTIALS"),
    (name = "KMS_REGION", text = "us-east-1"),
    (name = "KMS_ACCOUNT_ID", text = "111122223333"),
  ],
);
