/**
 * Which key the start banner's examples use: one that GenerateMac accepts in
 * the store as it is, so that the printed commands work when pasted.
 */
import type { KMSClient } from '../kms/client.js';
import { DescribeKeyCommand } from '../kms/commands/DescribeKeyCommand.js';
import { ListAliasesCommand } from '../kms/commands/ListAliasesCommand.js';
import { ListKeysCommand } from '../kms/commands/ListKeysCommand.js';
import type { KeyMetadata } from '../kms/models.js';

/** A key the examples can name, and the MAC algorithm it takes. */
export interface ExampleKey {
  /** `alias/...` when the key has an alias, else its key ID. */
  keyId: string;
  macAlgorithm: string;
}

/** Keys looked at before giving up (a banner should not read a huge store). */
const LOOK_AT = 100;

function usable(meta: KeyMetadata | undefined): meta is KeyMetadata & { MacAlgorithms: string[] } {
  return meta?.KeyState === 'Enabled' && meta.KeyUsage === 'GENERATE_VERIFY_MAC' && (meta.MacAlgorithms?.length ?? 0) > 0;
}

async function describe(client: KMSClient, keyId: string): Promise<KeyMetadata | undefined> {
  return (await client.send(new DescribeKeyCommand({ KeyId: keyId })).catch(() => undefined))?.KeyMetadata;
}

/**
 * `alias/demo` when it names an enabled HMAC key; else the first alias (by
 * name) of an enabled HMAC key; else the first such key's ID; undefined when
 * the store has none.
 */
export async function exampleKey(client: KMSClient): Promise<ExampleKey | undefined> {
  const { Aliases = [] } = await client.send(new ListAliasesCommand({ Limit: LOOK_AT }));
  const aliases = Aliases.filter((a) => a.TargetKeyId !== undefined && a.AliasName !== undefined)
    .sort((a, b) => (a.AliasName === 'alias/demo' ? -1 : b.AliasName === 'alias/demo' ? 1 : a.AliasName!.localeCompare(b.AliasName!)));
  for (const alias of aliases) {
    const meta = await describe(client, alias.TargetKeyId!);
    if (usable(meta)) return { keyId: alias.AliasName!, macAlgorithm: meta.MacAlgorithms[0]! };
  }
  const { Keys = [] } = await client.send(new ListKeysCommand({ Limit: LOOK_AT }));
  for (const key of Keys) {
    const meta = await describe(client, key.KeyId!);
    if (usable(meta)) return { keyId: meta.KeyId!, macAlgorithm: meta.MacAlgorithms[0]! };
  }
  return undefined;
}
