/**
 * The same KMS call made two ways, for suites that check both give the same
 * answers: through `@aws-sdk/client-kms` against a running endpoint (one SDK
 * client per region, signed for that region), and through the in-process
 * `KMSClient` on a store of the suite's own.
 */
import * as sdk from '@aws-sdk/client-kms';
import * as local from '../../src/kms/index.js';
import type { KeyStore } from '../../src/kms/key-store.js';

/** Sends operation `op` with `input` in `region`; resolves to its output or rejects with its error. */
export type Send = (region: string, op: string, input: Record<string, unknown>) => Promise<any>;

export interface TwoWays {
  /** `['SDK + endpoint', send]` and `['in-process KMSClient', send]`. */
  readonly ways: [string, Send][];
  /** Closes the SDK clients' sockets. */
  destroy(): void;
}

/** The two ways; `url` is read at the first call (the endpoint is started in `test.before`). */
export function twoWays(url: () => string, keyStore: KeyStore, now?: () => Date): TwoWays {
  const sdkClients = new Map<string, sdk.KMSClient>();
  const command = (lib: object, op: string, input: unknown) => new (lib as Record<string, new (i: unknown) => any>)[`${op}Command`]!(input);
  const viaSdk: Send = (region, op, input) => {
    let c = sdkClients.get(region);
    if (c === undefined) {
      c = new sdk.KMSClient({ endpoint: url(), region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
      sdkClients.set(region, c);
    }
    return c.send(command(sdk, op, input));
  };
  const inProcess: Send = (region, op, input) => new local.KMSClient({ region, keyStore, ...(now && { now }) }).send(command(local, op, input));
  return {
    ways: [
      ['SDK + endpoint', viaSdk],
      ['in-process KMSClient', inProcess],
    ],
    destroy: () => {
      for (const c of sdkClients.values()) c.destroy();
    },
  };
}
