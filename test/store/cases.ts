/**
 * The store conformance cases: the same concurrency and consistency checks
 * for every {@link KeyStore}, in process (wasmac's `KMS`) and over HTTP (the
 * SDK's `KMS` against endpoints), each with a fixed number of rounds. Every
 * case asserts that what was acknowledged is what is stored.
 *
 * Runtime-neutral on purpose (no node: imports, no test framework): a runner
 * per runtime (`conformance.test.ts` for Node; workerd and Deno runners for
 * the edge stores) gives the clients and registers each case as a test.
 */

/** What the cases call: the camelCase methods that wasmac's `KMS` and the SDK's `KMS` both have. */
export interface Api {
  createKey(input: object): Promise<{ KeyMetadata?: { KeyId?: string; Arn?: string; KeyState?: string } }>;
  describeKey(input: object): Promise<{ KeyMetadata?: { KeyId?: string; KeyState?: string } }>;
  tagResource(input: object): Promise<unknown>;
  untagResource(input: object): Promise<unknown>;
  listResourceTags(input: object): Promise<{ Tags?: { TagKey?: string; TagValue?: string }[] }>;
  disableKey(input: object): Promise<unknown>;
  scheduleKeyDeletion(input: object): Promise<unknown>;
  createAlias(input: object): Promise<unknown>;
  updateAlias(input: object): Promise<unknown>;
  deleteAlias(input: object): Promise<unknown>;
  listAliases(input: object): Promise<{ Aliases?: { AliasName?: string; TargetKeyId?: string }[]; NextMarker?: string; Truncated?: boolean }>;
  listKeys(input: object): Promise<{ Keys?: { KeyId?: string }[]; NextMarker?: string; Truncated?: boolean }>;
  generateMac(input: object): Promise<{ Mac?: Uint8Array; KeyId?: string }>;
  replicateKey(input: object): Promise<{ ReplicaKeyMetadata?: { Arn?: string } }>;
  updatePrimaryRegion(input: object): Promise<unknown>;
}

/** The clients of one run: several, which share one key set (one store, or endpoints on one database). */
export interface Clients {
  /** At least two. */
  readonly all: readonly Api[];
  /** The account and region the clients act in (for alias ARNs in messages). */
  readonly account: string;
  readonly region: string;
}

/** Clients that also reach the same key set in other regions. */
export interface RegionClients extends Clients {
  /** Clients of the same key set in `region` (one per client of `all`). */
  inRegion(region: string): readonly Api[];
}

/** One case: a name and its body. */
export interface StoreCase<C extends Clients = Clients> {
  readonly name: string;
  run(clients: C): Promise<void>;
}

function fail(message: string): never {
  throw new Error(message);
}

function check(ok: boolean, message: string): void {
  if (!ok) fail(message);
}

function nameOf(err: unknown): string {
  return (err as { name?: string })?.name ?? String(err);
}

function messageOf(err: unknown): string {
  return (err as { message?: string })?.message ?? '';
}

async function hmacKey(kms: Api): Promise<{ id: string; arn: string }> {
  const out = await kms.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
  return { id: out.KeyMetadata!.KeyId!, arn: out.KeyMetadata!.Arn! };
}

function settledOk(r: PromiseSettledResult<unknown>): boolean {
  return r.status === 'fulfilled';
}

/** Every alias of the account (all pages). */
async function allAliases(kms: Api): Promise<{ AliasName?: string; TargetKeyId?: string }[]> {
  const out: { AliasName?: string; TargetKeyId?: string }[] = [];
  let marker: string | undefined;
  do {
    const page = await kms.listAliases(marker === undefined ? { Limit: 100 } : { Limit: 100, Marker: marker });
    out.push(...(page.Aliases ?? []));
    marker = page.Truncated ? page.NextMarker : undefined;
  } while (marker !== undefined);
  return out;
}

/** Every key ID of the account (all pages). */
async function allKeys(kms: Api): Promise<string[]> {
  const out: string[] = [];
  let marker: string | undefined;
  do {
    const page = await kms.listKeys(marker === undefined ? { Limit: 1000 } : { Limit: 1000, Marker: marker });
    out.push(...(page.Keys ?? []).map((k) => k.KeyId!));
    marker = page.Truncated ? page.NextMarker : undefined;
  } while (marker !== undefined);
  return out;
}

/**
 * Waits until `probe` holds (a shared store's other endpoints learn of a change within its feed delay:
 * tens of milliseconds, or a poll of 500 ms; the deadline leaves room for a loaded machine).
 */
async function eventually(probe: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > until) fail(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Rounds of each racing case. */
export const ROUNDS = 8;

export const STORE_CASES: readonly StoreCase[] = [
  {
    name: '40 parallel TagResource on one key: 40 acknowledged, 40 stored',
    async run({ all }) {
      for (let round = 0; round < 3; round++) {
        const key = await hmacKey(all[0]!);
        const results = await Promise.allSettled(
          Array.from({ length: 40 }, (_, i) => all[i % all.length]!.tagResource({ KeyId: key.id, Tags: [{ TagKey: `t${i}`, TagValue: `v${i}` }] })),
        );
        const acked = results.filter(settledOk).length;
        const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
        check(acked === 40, `round ${round}: ${acked} of 40 acknowledged (first failure: ${failed ? `${nameOf(failed.reason)} ${messageOf(failed.reason)}` : '-'})`);
        for (const kms of all) {
          const tags = (await kms.listResourceTags({ KeyId: key.id })).Tags ?? [];
          check(tags.length === 40, `round ${round}: ${tags.length} tags stored, 40 acknowledged`);
          for (let i = 0; i < 40; i++) check(tags.some((t) => t.TagKey === `t${i}` && t.TagValue === `v${i}`), `round ${round}: tag t${i} lost`);
        }
      }
    },
  },
  {
    name: 'DisableKey racing TagResource and CreateAlias: all three kept, the key refuses MACs everywhere',
    async run({ all }) {
      for (let round = 0; round < ROUNDS; round++) {
        const key = await hmacKey(all[0]!);
        const alias = `alias/race-disable-${round}-${key.id.slice(0, 8)}`;
        const [disable, tag, create] = await Promise.allSettled([
          all[0]!.disableKey({ KeyId: key.id }),
          all[1 % all.length]!.tagResource({ KeyId: key.id, Tags: [{ TagKey: 'k', TagValue: 'v' }] }),
          all[2 % all.length]!.createAlias({ AliasName: alias, TargetKeyId: key.id }),
        ]);
        check(settledOk(disable!) && settledOk(tag!) && settledOk(create!), `round ${round}: a call was refused`);
        for (const kms of all) {
          await eventually(async () => (await kms.describeKey({ KeyId: key.id })).KeyMetadata?.KeyState === 'Disabled', `round ${round}: DescribeKey shows Disabled`);
          const mac = await kms.generateMac({ KeyId: key.id, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' }).then(
            () => 'made a MAC',
            (e: unknown) => nameOf(e),
          );
          check(mac === 'DisabledException', `round ${round}: GenerateMac on the disabled key: ${mac}`);
          const viaAlias = await kms.generateMac({ KeyId: alias, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' }).then(
            () => 'made a MAC',
            (e: unknown) => nameOf(e),
          );
          check(viaAlias === 'DisabledException', `round ${round}: GenerateMac through the alias: ${viaAlias}`);
          const tags = (await kms.listResourceTags({ KeyId: key.id })).Tags ?? [];
          check(tags.some((t) => t.TagKey === 'k'), `round ${round}: the acknowledged tag was lost`);
        }
      }
    },
  },
  {
    name: 'ScheduleKeyDeletion racing TagResource and UntagResource: the deletion is never lost',
    async run({ all }) {
      for (let round = 0; round < ROUNDS; round++) {
        const key = await hmacKey(all[0]!);
        await all[0]!.tagResource({ KeyId: key.id, Tags: [{ TagKey: 'old', TagValue: '1' }] });
        const [schedule, tag, untag] = await Promise.allSettled([
          all[0]!.scheduleKeyDeletion({ KeyId: key.id, PendingWindowInDays: 7 }),
          all[1 % all.length]!.tagResource({ KeyId: key.id, Tags: [{ TagKey: 'new', TagValue: '1' }] }),
          all[2 % all.length]!.untagResource({ KeyId: key.id, TagKeys: ['old'] }),
        ]);
        check(settledOk(schedule!), `round ${round}: ScheduleKeyDeletion refused: ${schedule!.status === 'rejected' ? nameOf(schedule.reason) : ''}`);
        for (const r of [tag!, untag!]) {
          // Run after the deletion was scheduled, a tag change is refused: that is an answer, not a loss.
          if (r.status === 'rejected') check(nameOf(r.reason) === 'KMSInvalidStateException', `round ${round}: unexpected ${nameOf(r.reason)}`);
        }
        for (const kms of all) {
          await eventually(async () => (await kms.describeKey({ KeyId: key.id })).KeyMetadata?.KeyState === 'PendingDeletion', `round ${round}: PendingDeletion`);
          const tags = (await kms.listResourceTags({ KeyId: key.id })).Tags ?? [];
          check(tags.some((t) => t.TagKey === 'new') === settledOk(tag!), `round ${round}: tag 'new' stored ${!settledOk(tag!)}, acknowledged ${settledOk(tag!)}`);
          check(tags.some((t) => t.TagKey === 'old') !== settledOk(untag!), `round ${round}: untag of 'old' acknowledged ${settledOk(untag!)} but tag present ${tags.some((t) => t.TagKey === 'old')}`);
        }
      }
    },
  },
  {
    name: 'the same alias created on two keys at once: one wins, the other gets AlreadyExistsException; DeleteAlias removes it',
    async run({ all, account, region }) {
      for (let round = 0; round < ROUNDS; round++) {
        const a = await hmacKey(all[0]!);
        const b = await hmacKey(all[1 % all.length]!);
        const alias = `alias/race-same-${round}-${a.id.slice(0, 8)}`;
        const results = await Promise.allSettled([
          all[0]!.createAlias({ AliasName: alias, TargetKeyId: a.id }),
          all[1 % all.length]!.createAlias({ AliasName: alias, TargetKeyId: b.id }),
        ]);
        const winners = results.filter(settledOk).length;
        check(winners === 1, `round ${round}: ${winners} of 2 CreateAlias calls succeeded`);
        const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        check(nameOf(loser.reason) === 'AlreadyExistsException', `round ${round}: the loser got ${nameOf(loser.reason)}`);
        const arn = `arn:${region.startsWith('cn-') ? 'aws-cn' : 'aws'}:kms:${region}:${account}:${alias}`;
        check(messageOf(loser.reason) === `An alias with the name ${arn} already exists`, `round ${round}: message ${messageOf(loser.reason)}`);
        const winner = results[0]!.status === 'fulfilled' ? a : b;
        for (const kms of all) {
          await eventually(async () => (await allAliases(kms)).filter((x) => x.AliasName === alias).length === 1, `round ${round}: ListAliases shows the alias once`);
          const listed = (await allAliases(kms)).filter((x) => x.AliasName === alias);
          check(listed[0]!.TargetKeyId === winner.id, `round ${round}: the alias points at the loser`);
          const out = await kms.generateMac({ KeyId: alias, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' });
          check(out.KeyId === winner.arn, `round ${round}: the alias resolves to ${out.KeyId}, not the winner`);
        }
        await all[1 % all.length]!.deleteAlias({ AliasName: alias });
        for (const kms of all) {
          await eventually(
            async () =>
              (await kms.generateMac({ KeyId: alias, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' }).then(
                () => 'resolved',
                (e: unknown) => nameOf(e),
              )) === 'NotFoundException',
            `round ${round}: the deleted alias still resolves`,
          );
          check(!(await allAliases(kms)).some((x) => x.AliasName === alias), `round ${round}: ListAliases still shows the deleted alias`);
        }
      }
    },
  },
  {
    name: 'UpdateAlias racing DeleteAlias and CreateAlias of the same name: one owner at most, as acknowledged',
    async run({ all }) {
      for (let round = 0; round < ROUNDS; round++) {
        const a = await hmacKey(all[0]!);
        const b = await hmacKey(all[0]!);
        const alias = `alias/race-move-${round}-${a.id.slice(0, 8)}`;
        await all[0]!.createAlias({ AliasName: alias, TargetKeyId: a.id });
        const [move, del] = await Promise.allSettled([
          all[1 % all.length]!.updateAlias({ AliasName: alias, TargetKeyId: b.id }),
          all[0]!.deleteAlias({ AliasName: alias }),
        ]);
        check(settledOk(del!), `round ${round}: DeleteAlias refused: ${del!.status === 'rejected' ? nameOf(del.reason) : ''}`);
        if (move!.status === 'rejected') check(nameOf(move.reason) === 'NotFoundException', `round ${round}: UpdateAlias got ${nameOf(move.reason)}`);
        for (const kms of all) {
          await eventually(async () => !(await allAliases(kms)).some((x) => x.AliasName === alias), `round ${round}: the alias is gone after DeleteAlias`);
        }
        // The name is free again, for exactly one of two claimants.
        const again = await Promise.allSettled([all[0]!.createAlias({ AliasName: alias, TargetKeyId: a.id }), all[1 % all.length]!.createAlias({ AliasName: alias, TargetKeyId: b.id })]);
        check(again.filter(settledOk).length === 1, `round ${round}: ${again.filter(settledOk).length} of 2 re-creations succeeded`);
      }
    },
  },
  {
    name: 'CreateKey from every client at once: every acknowledged key is listed and makes MACs everywhere',
    async run({ all }) {
      const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => hmacKey(all[i % all.length]!)));
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
      check(refused === undefined, `a CreateKey was refused: ${refused ? `${nameOf(refused.reason)} ${messageOf(refused.reason)}` : ''}`);
      const ids = results.map((r) => (r as PromiseFulfilledResult<{ id: string; arn: string }>).value);
      // Listing reads the endpoint's view: on a shared store it learns of other endpoints' keys within the feed delay.
      for (const kms of all) {
        await eventually(async () => {
          const listed = new Set(await allKeys(kms));
          return ids.every((k) => listed.has(k.id));
        }, 'every acknowledged key listed');
      }
      for (const k of ids) {
        const macs = await Promise.all(all.map((kms) => kms.generateMac({ KeyId: k.id, Message: 'same', MacAlgorithm: 'HMAC_SHA_256' })));
        for (const m of macs) check(m.KeyId === k.arn && bytesEqual(m.Mac!, macs[0]!.Mac!), `key ${k.id}: the clients disagree on its MAC`);
      }
    },
  },
  {
    name: 'alias resolution with many keys: each alias names its own key; a missing alias is NotFoundException',
    async run({ all, account, region }) {
      const n = 120;
      const keys = await Promise.all(Array.from({ length: n }, () => hmacKey(all[0]!)));
      const tag = keys[0]!.id.slice(0, 8);
      await Promise.all(keys.map((k, i) => all[i % all.length]!.createAlias({ AliasName: `alias/many-${tag}-${i}`, TargetKeyId: k.id })));
      for (const kms of all) {
        for (let i = 0; i < n; i += 7) {
          const out = await kms.generateMac({ KeyId: `alias/many-${tag}-${i}`, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' });
          check(out.KeyId === keys[i]!.arn, `alias/many-${tag}-${i} resolves to ${out.KeyId}`);
        }
        const missing = await kms.generateMac({ KeyId: `alias/many-${tag}-missing`, Message: 'm', MacAlgorithm: 'HMAC_SHA_256' }).then(
          () => undefined,
          (e: unknown) => e,
        );
        check(nameOf(missing) === 'NotFoundException', `a missing alias: ${nameOf(missing)}`);
        check(messageOf(missing) === `Alias arn:aws:kms:${region}:${account}:alias/many-${tag}-missing is not found.`, `a missing alias: ${messageOf(missing)}`);
      }
    },
  },
];

/**
 * Cases for stores that hold every region of an account (one store behind
 * clients of several regions): multi-Region keys. Not for the edge stores,
 * which hold one account and region each.
 */
export const REGION_CASES: readonly StoreCase<RegionClients>[] = [
  {
    name: 'a multi-Region key replicated from every client at once: one replica per region, stored, the same MAC in every region',
    async run({ all, region, inRegion }) {
      const regions = ['eu-west-1', 'ap-south-1'];
      for (let round = 0; round < 3; round++) {
        const id = (await all[0]!.createKey({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC', MultiRegion: true })).KeyMetadata!.KeyId!;
        const tries = await Promise.allSettled(all.flatMap((kms) => regions.map((r) => kms.replicateKey({ KeyId: id, ReplicaRegion: r }))));
        const made = tries.filter(settledOk).length;
        check(made === regions.length, `round ${round}: ${made} replicas acknowledged for ${regions.length} regions`);
        for (const t of tries) if (t.status === 'rejected') check(nameOf(t.reason) === 'AlreadyExistsException', `round ${round}: ${nameOf(t.reason)}`);
        await all[1]!.updatePrimaryRegion({ KeyId: id, PrimaryRegion: regions[0] });
        const macs: Uint8Array[] = [];
        for (const r of [region, ...regions]) {
          for (const kms of inRegion(r)) {
            let mac: Uint8Array | undefined;
            // Another endpoint on a shared store learns of the replica within the feed delay.
            await eventually(async () => {
              mac = await kms.generateMac({ KeyId: id, Message: 'same', MacAlgorithm: 'HMAC_SHA_256' }).then((m) => m.Mac, () => undefined);
              return mac !== undefined;
            }, `round ${round}: a MAC in ${r}`);
            macs.push(mac!);
          }
          await eventually(async () => {
            const md = (await inRegion(r)[0]!.describeKey({ KeyId: id })).KeyMetadata as { MultiRegionConfiguration?: { PrimaryKey?: { Region?: string }; ReplicaKeys?: unknown[] } };
            const c = md.MultiRegionConfiguration;
            return c?.PrimaryKey?.Region === regions[0] && c.ReplicaKeys?.length === 2;
          }, `round ${round}: ${r} sees ${regions[0]} as the primary of two replicas`);
        }
        check(macs.every((m) => bytesEqual(m, macs[0]!)), `round ${round}: the regions disagree on the MAC`);
      }
    },
  },
];

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
