/**
 * Entries of the model table for the key-management operations that tools
 * call on an HMAC key besides the MAC operations: key policies, the
 * description, rotation, and multi-Region replication (docs/SEMANTICS.md
 * POLICY-*, DESC-1, ROT-*, MRK-*). Re-exported by `operations.ts`, so they
 * are entries of the one table like every other.
 */
import { INCLUDE_KEY_MATERIAL } from './enums.js';
import { KEY_ID, LIMIT, MARKER, POLICY, TAGS } from './members.js';
import { boolean, enumeration, integer, required, string, withDefault, type Members, type Operation } from './shape.js';

function op<S extends Members>(o: Operation<S>): Operation<S> {
  return o;
}

/** `PolicyNameType`: the only name is `default`. */
const POLICY_NAME = string(1, 128, /^[\w]+$/, '[\\w]+');
/** `RegionType` ([M]). */
const REGION = string(1, 32, /^([a-z]+-){2,3}\d+$/);
const BYPASS = boolean();
const DESCRIPTION = string(0, 8192);
const KEY_ONLY = { KeyId: required(KEY_ID) };

export const GetKeyPolicy = op({
  name: 'GetKeyPolicy',
  input: { KeyId: required(KEY_ID), PolicyName: POLICY_NAME },
});

export const PutKeyPolicy = op({
  name: 'PutKeyPolicy',
  input: { KeyId: required(KEY_ID), PolicyName: POLICY_NAME, Policy: required(POLICY), BypassPolicyLockoutSafetyCheck: BYPASS },
});

export const ListKeyPolicies = op({
  name: 'ListKeyPolicies',
  input: { KeyId: required(KEY_ID), Limit: withDefault(LIMIT, 100), Marker: MARKER },
});

export const UpdateKeyDescription = op({
  name: 'UpdateKeyDescription',
  input: { KeyId: required(KEY_ID), Description: required(DESCRIPTION) },
});

export const GetKeyRotationStatus = op({
  name: 'GetKeyRotationStatus',
  input: KEY_ONLY,
});

export const EnableKeyRotation = op({
  name: 'EnableKeyRotation',
  input: { KeyId: required(KEY_ID), RotationPeriodInDays: integer(90, 2560) },
});

export const DisableKeyRotation = op({
  name: 'DisableKeyRotation',
  input: KEY_ONLY,
});

export const RotateKeyOnDemand = op({
  name: 'RotateKeyOnDemand',
  input: KEY_ONLY,
});

export const ListKeyRotations = op({
  name: 'ListKeyRotations',
  input: {
    KeyId: required(KEY_ID),
    IncludeKeyMaterial: enumeration(INCLUDE_KEY_MATERIAL),
    Limit: LIMIT,
    Marker: MARKER,
  },
});

export const ReplicateKey = op({
  name: 'ReplicateKey',
  input: {
    KeyId: required(KEY_ID),
    ReplicaRegion: required(REGION),
    Policy: POLICY,
    BypassPolicyLockoutSafetyCheck: BYPASS,
    Description: DESCRIPTION,
    Tags: TAGS,
  },
});

export const UpdatePrimaryRegion = op({
  name: 'UpdatePrimaryRegion',
  input: { KeyId: required(KEY_ID), PrimaryRegion: required(REGION) },
});
