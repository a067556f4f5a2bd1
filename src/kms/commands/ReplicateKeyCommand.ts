import { ReplicateKey } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import { AlreadyExistsException, DisabledException, type ResponseMetadata } from '../errors.js';
import { partitionOf } from '../ids.js';
import { readImportState, writeImportState } from '../import/state.js';
import { regionalKey, type StoredKey } from '../key-store.js';
import { keyMetadata } from '../metadata.js';
import type { KeyMetadata, Tag } from '../models.js';
import { checkOtherRegion, notPrimary } from '../multi-region.js';
import { checkPolicy, defaultKeyPolicy } from '../policy.js';
import { invalidState, isReplica, KEY_OR_ARN, type Service } from '../service.js';
import { checkTagRules } from '../tags.js';
import { readInput } from '../validate.js';

/** ReplicateKey request ([M] `ReplicateKeyRequest`). */
export interface ReplicateKeyRequest {
  /** Key ID or key ARN of the multi-Region primary key. */
  KeyId: string | undefined;
  /** The region of the replica (a region with no key of this ID yet). */
  ReplicaRegion: string | undefined;
  /** The replica's own key policy (JSON; absent: AWS's default key policy). Not evaluated. */
  Policy?: string | undefined;
  BypassPolicyLockoutSafetyCheck?: boolean | undefined;
  /** The replica's own description (default `""`: the primary's is not copied). */
  Description?: string | undefined;
  /** The replica's own tags. */
  Tags?: Tag[] | undefined;
}

/** ReplicateKey response ([M] `ReplicateKeyResponse`). */
export interface ReplicateKeyResponse {
  ReplicaKeyMetadata?: KeyMetadata | undefined;
  ReplicaPolicy?: string | undefined;
  ReplicaTags?: Tag[] | undefined;
}

/** The input of {@link ReplicateKeyCommand}. */
export interface ReplicateKeyCommandInput extends ReplicateKeyRequest {}
/** The output of {@link ReplicateKeyCommand}. */
export interface ReplicateKeyCommandOutput extends ReplicateKeyResponse, MetadataBearer {}

/**
 * Makes a replica of a multi-Region primary key in `ReplicaRegion`: the same
 * key ID, key material, spec, usage and origin, and its own state,
 * description (default `""`), policy (default AWS's default key policy),
 * tags, aliases and grants. The primary lists it at once.
 *
 * Replication is synchronous here: the replica is usable as soon as the call
 * returns (`Enabled`; `PendingImport` for an EXTERNAL key, whose replica
 * needs its own import of the same material). The response still shows it
 * as AWS's does, `KeyState: "Creating"`, `Enabled: false` (recorded), since
 * AWS finishes the replica a few seconds later.
 *
 * Throws ValidationException, NotFoundException, UnsupportedOperationException
 * (`<key ARN> is not a multi-region primary key.`; a region of another
 * partition or not served), AlreadyExistsException (the region has a key of
 * this ID already: a replica, even one pending deletion, or the primary),
 * DisabledException, KMSInvalidStateException, MalformedPolicyDocumentException, TagException.
 * @example
 * const { ReplicaKeyMetadata } = await client.send(new ReplicateKeyCommand({ KeyId: 'mrk-...', ReplicaRegion: 'eu-west-1' }));
 */
export class ReplicateKeyCommand extends KMSCommand<ReplicateKeyCommandInput, ReplicateKeyCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<ReplicateKeyCommandOutput> {
    const input = readInput(ReplicateKey, this.input, s.region);
    const region = input.ReplicaRegion;
    const tags = input.Tags ?? [];
    const first = await s.resolve(input.KeyId, KEY_OR_ARN);
    const replica = await s.transact((tx) => {
      const primary = s.lookup(tx, first.KeyId, first.AccountId);
      // The not-primary check comes before any region check (recorded).
      if (!primary.MultiRegion || isReplica(primary)) throw notPrimary(primary);
      const home = primary.HomeRegion ?? primary.Region;
      const replicaKey = regionalKey(primary.KeyId, region, home);
      if (region === primary.Region || (primary.ReplicaRegions ?? []).includes(region) || tx.key(replicaKey) !== undefined) {
        throw new AlreadyExistsException(`Unable to replicate key ${primary.KeyId} to region ${region}: a key with this ID already exists there.`);
      }
      checkOtherRegion(s, primary, region);
      if (primary.KeyState === 'Disabled') throw new DisabledException(`${primary.Arn} is disabled.`);
      if (primary.KeyState !== 'Enabled') throw invalidState(primary);
      checkTagRules(tags);
      if (input.Policy !== undefined) checkPolicy(input.Policy);
      const external = primary.Origin === 'EXTERNAL';
      const record: StoredKey = {
        KeyId: primary.KeyId,
        AccountId: primary.AccountId,
        Region: region,
        Arn: `arn:${partitionOf(region)}:kms:${region}:${primary.AccountId}:key/${primary.KeyId}`,
        CreationDate: s.nowMs(),
        Description: input.Description ?? '',
        KeySpec: primary.KeySpec,
        KeyUsage: primary.KeyUsage,
        Origin: primary.Origin,
        // EXTERNAL material is not copied: the replica waits for its own import of the same bytes.
        KeyState: external ? 'PendingImport' : 'Enabled',
        MultiRegion: true,
        HomeRegion: home,
        PrimaryRegion: primary.Region,
        aliases: [],
        tags: tags.map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue })),
        grants: [],
      };
      if (input.Policy !== undefined) record.Policy = input.Policy;
      if (!external && primary.material !== undefined) record.material = primary.material;
      if (external) {
        // Pins the primary's material, so that the replica's import must bring the same bytes.
        const pinned = readImportState(primary).fingerprint;
        if (pinned !== undefined) record.importState = writeImportState({ sets: [], fingerprint: pinned });
      }
      tx.put(record);
      // The primary lists the replica in the same change: a concurrent
      // ScheduleKeyDeletion or UpdatePrimaryRegion sees it, or runs again.
      tx.put({ ...primary, ReplicaRegions: [...(primary.ReplicaRegions ?? []), region] });
      return { record, regions: [...(primary.ReplicaRegions ?? []), region] };
    });
    // As AWS answers: Creating, not enabled, no CurrentKeyMaterialId (recorded).
    const md = keyMetadata({ ...replica.record, KeyState: 'Creating' }, replica.regions);
    const out: ReplicateKeyCommandOutput = {
      ReplicaKeyMetadata: md,
      ReplicaPolicy: replica.record.Policy ?? defaultKeyPolicy(partitionOf(region), replica.record.AccountId),
      $metadata,
    };
    if (input.Tags !== undefined) out.ReplicaTags = replica.record.tags;
    return out;
  }
}
