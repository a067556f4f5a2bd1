import { UpdatePrimaryRegion } from '../model/operations.js';
import { KMSCommand, type MetadataBearer } from '../command.js';
import { DisabledException, NotFoundException, type ResponseMetadata } from '../errors.js';
import { regionalKey, type StoredKey } from '../key-store.js';
import { invalidState, isReplica, KEY_OR_ARN, type Service } from '../service.js';
import { readInput } from '../validate.js';
import { checkOtherRegion, notPrimary } from '../multi-region.js';

/** UpdatePrimaryRegion request ([M] `UpdatePrimaryRegionRequest`). */
export interface UpdatePrimaryRegionRequest {
  /** Key ID or key ARN of the current multi-Region primary key. */
  KeyId: string | undefined;
  /** The region of the replica that becomes the primary key. */
  PrimaryRegion: string | undefined;
}

/** The input of {@link UpdatePrimaryRegionCommand}. */
export interface UpdatePrimaryRegionCommandInput extends UpdatePrimaryRegionRequest {}
/** The output of {@link UpdatePrimaryRegionCommand}: only `$metadata`. */
export interface UpdatePrimaryRegionCommandOutput extends MetadataBearer {}

/** DisabledException / KMSInvalidStateException unless `record` is Enabled (both keys must be, [DOC]). */
function checkEnabled(record: StoredKey): void {
  if (record.KeyState === 'Enabled') return;
  if (record.KeyState === 'Disabled') throw new DisabledException(`${record.Arn} is disabled.`);
  throw invalidState(record);
}

/**
 * Makes the replica in `PrimaryRegion` the primary key and this primary a
 * replica, in one atomic change of every record of the key (the other
 * replicas follow the new primary). ARNs, key ID, material, policies, tags
 * and descriptions do not change. AWS passes both keys through a transient
 * `Updating` state; here the switch is atomic, so no call sees it.
 * `PrimaryRegion` naming the primary's own region changes nothing [INF].
 *
 * Throws ValidationException, NotFoundException (no replica in that region,
 * [INF]), UnsupportedOperationException (`<key ARN> is not a multi-region
 * primary key.`, [INF]), DisabledException, KMSInvalidStateException.
 * @example
 * await client.send(new UpdatePrimaryRegionCommand({ KeyId: 'mrk-...', PrimaryRegion: 'eu-west-1' }));
 */
export class UpdatePrimaryRegionCommand extends KMSCommand<UpdatePrimaryRegionCommandInput, UpdatePrimaryRegionCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<UpdatePrimaryRegionCommandOutput> {
    const { KeyId: keyId, PrimaryRegion: region } = readInput(UpdatePrimaryRegion, this.input, s.region);
    const first = await s.resolve(keyId, KEY_OR_ARN);
    await s.transact((tx) => {
      const primary = s.lookup(tx, first.KeyId, first.AccountId);
      if (!primary.MultiRegion || isReplica(primary)) throw notPrimary(primary);
      if (region === primary.Region) return;
      checkOtherRegion(s, primary, region);
      const home = primary.HomeRegion ?? primary.Region;
      const regions = primary.ReplicaRegions ?? [];
      const next = regions.includes(region) ? tx.key(regionalKey(primary.KeyId, region, home)) : undefined;
      if (next === undefined) throw new NotFoundException(`Key 'arn:${primary.Arn.split(':')[1]}:kms:${region}:${primary.AccountId}:key/${primary.KeyId}' does not exist`);
      checkEnabled(primary);
      checkEnabled(next);
      const replicas = [...regions.filter((r) => r !== region), primary.Region];
      const { ReplicaRegions: _old, ...demoted } = primary;
      tx.put({ ...demoted, HomeRegion: home, PrimaryRegion: region });
      tx.put({ ...next, PrimaryRegion: region, ReplicaRegions: replicas });
      for (const other of regions) {
        if (other === region) continue;
        const replica = tx.key(regionalKey(primary.KeyId, other, home));
        if (replica !== undefined) tx.put({ ...replica, PrimaryRegion: region });
      }
    });
    return { $metadata };
  }
}
