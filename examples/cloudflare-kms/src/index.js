/**
 * A KMS endpoint as one Cloudflare Worker, with keys in Durable Objects.
 *
 * `fetch` verifies the request's SigV4 signature (with wasmac's own HMAC, no
 * `node:crypto`) and hands it to the Durable Object of the caller's account
 * and region, which keeps that account's keys in its SQLite storage (material
 * sealed under KMS_MASTER_KEY) and answers through wasmac's KMS facade, in
 * AWS JSON 1.1: the AWS SDKs and the AWS CLI talk to it with `--endpoint-url`.
 *
 * Bindings: KMS_KEYS (this class, SQLite-backed), the secrets KMS_MASTER_KEY
 * and KMS_CREDENTIALS, and optionally KMS_REGION and KMS_ACCOUNT_ID.
 * See wrangler.toml (Cloudflare) and config.capnp (workerd on this machine).
 */
import { handleKmsRequest, KmsDurableObject } from 'wasmac/cloudflare';

/** The Durable Object class that wrangler.toml and config.capnp name. */
export class KmsKeys extends KmsDurableObject {}

export default {
  fetch: handleKmsRequest,
};
