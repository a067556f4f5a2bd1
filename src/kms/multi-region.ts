/**
 * Rules shared by ReplicateKey and UpdatePrimaryRegion (docs/SEMANTICS.md
 * MRK-*). How the records of a multi-Region key are kept: `key-store.ts`
 * (`recordKey`, `HomeRegion`, `PrimaryRegion`, `ReplicaRegions`).
 */
import { UnsupportedOperationException } from './errors.js';
import { partitionOf } from './ids.js';
import type { StoredKey } from './key-store.js';
import type { Service } from './service.js';

/** `<key ARN> is not a multi-region primary key.` (recorded for a replica, lower-case "region"). */
export function notPrimary(record: StoredKey): UnsupportedOperationException {
  return new UnsupportedOperationException(`${record.Arn} is not a multi-region primary key.`);
}

/**
 * Checks that `region` may hold a key of multi-Region key `record`: another
 * region of the same partition, served here (an endpoint's `--regions`).
 * Texts [INF]: AWS's are not recorded (docs/SEMANTICS.md MRK-4).
 */
export function checkOtherRegion(s: Service, record: StoredKey, region: string): void {
  if (partitionOf(region) !== partitionOf(record.Region)) {
    throw new UnsupportedOperationException('The replica region must be in the same AWS partition as the primary key.');
  }
  if (s.regions !== undefined && !s.regions.has(region)) {
    throw new UnsupportedOperationException(`Region ${region} is not enabled: this endpoint serves ${[...s.regions].join(', ')}.`);
  }
}

