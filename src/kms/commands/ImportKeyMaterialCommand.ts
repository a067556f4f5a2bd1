import { KMSCommand, type MetadataBearer } from '../command.js';
import {
  ExpiredImportTokenException,
  IncorrectKeyMaterialException,
  InvalidCiphertextException,
  InvalidImportTokenException,
  SerializationException,
  UnsupportedOperationException,
  ValidationException,
  type ResponseMetadata,
} from '../errors.js';
import {
  checkExternal,
  checkHmacSpec,
  checkImportState,
  fingerprint,
  MATERIAL_LENGTHS,
  MAX_VALID_TO_MS,
  readImportState,
  sameMaterial,
  writeImportState,
} from '../import/state.js';
import { openPrivateKey, tokenId, unwrap } from '../import/wrapping.js';
import type { StoredKey } from '../key-store.js';
import { ExpirationModelType, ImportType } from '../models.js';
import { SecretBytes } from '../secret.js';
import { KEY_OR_ARN, type Service } from '../service.js';
import { asInput, Checker, type RawInput } from '../validate.js';

/** ImportKeyMaterial request ([M] `ImportKeyMaterialRequest`). */
export interface ImportKeyMaterialRequest {
  /** Key ID or key ARN of the `EXTERNAL` key the token was issued for (no aliases). */
  KeyId: string | undefined;
  /** From the same GetParametersForImport response as the public key used to wrap. */
  ImportToken: Uint8Array | undefined;
  /** The material, RSA-OAEP encrypted under that public key with the algorithm asked for. */
  EncryptedKeyMaterial: Uint8Array | undefined;
  /** When the material expires; required with `KEY_MATERIAL_EXPIRES`, refused otherwise. At most 365 days ahead. */
  ValidTo?: Date | undefined;
  /** Default `KEY_MATERIAL_EXPIRES`. */
  ExpirationModel?: ExpirationModelType | undefined;
  /** Symmetric encryption keys only. */
  ImportType?: ImportType | undefined;
  /** Symmetric encryption keys only. */
  KeyMaterialDescription?: string | undefined;
  /** Symmetric encryption keys only. */
  KeyMaterialId?: string | undefined;
}

/** ImportKeyMaterial response ([M] `ImportKeyMaterialResponse`). */
export interface ImportKeyMaterialResponse {
  /** The key ARN. */
  KeyId?: string | undefined;
  /** Symmetric encryption keys only: never set for HMAC keys ([REC] test_import_key_hmac_keys). */
  KeyMaterialId?: string | undefined;
}

/** The input of {@link ImportKeyMaterialCommand}. */
export interface ImportKeyMaterialCommandInput extends ImportKeyMaterialRequest {}
/** The output of {@link ImportKeyMaterialCommand}. */
export interface ImportKeyMaterialCommandOutput extends ImportKeyMaterialResponse, MetadataBearer {}

// As local-kms prints the set [EMU]; not recorded from AWS.
const EXPIRATION_MODELS_LISTED = 'KEY_MATERIAL_DOES_NOT_EXPIRE, KEY_MATERIAL_EXPIRES';
// [INF] the model's order.
const IMPORT_TYPES_LISTED = 'NEW_KEY_MATERIAL, EXISTING_KEY_MATERIAL';

/** A timestamp member: a valid `Date` (the endpoint's codec turns epoch seconds into one). */
function timestamp(input: RawInput, name: string): number | undefined {
  const v = Object.hasOwn(input, name) ? input[name] : undefined;
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.getTime();
  // Coral's deserialization texts for a value that is not a timestamp [INF, as validate.ts].
  if (Array.isArray(v)) throw new SerializationException('Start of list found where not expected');
  if (typeof v === 'object' && !(v instanceof Date)) throw new SerializationException('Start of structure or map found where not expected.');
  const token = typeof v === 'string' ? 'STRING_VALUE' : typeof v === 'number' ? 'NUMBER_VALUE' : typeof v === 'boolean' ? `${String(v).toUpperCase()}_VALUE` : 'VALUE';
  throw new SerializationException(`${token} can not be converted to a Timestamp`);
}

/**
 * Imports (or reimports) HMAC key material into an `EXTERNAL` key: the
 * token's private key unwraps `EncryptedKeyMaterial` (RSA-OAEP), the length
 * is checked against the key spec (28-64 / 32-64 / 48-128 / 64-128 bytes for
 * HMAC_224 / 256 / 384 / 512), and the key becomes Enabled with the
 * material. The first material pins the key: reimporting after
 * DeleteImportedKeyMaterial or expiry must bring the same bytes ([M] "For
 * asymmetric and HMAC keys, you cannot change the key material after the
 * initial import"). With `KEY_MATERIAL_EXPIRES` the material is deleted when
 * `ValidTo` passes by the client's clock, and the key returns to PendingImport.
 *
 * Throws ValidationException (`A validTo date must be set if the
 * ExpirationModel is KEY_MATERIAL_EXPIRES`, ...), SerializationException,
 * NotFoundException, UnsupportedOperationException, KMSInvalidStateException,
 * InvalidImportTokenException, ExpiredImportTokenException,
 * InvalidCiphertextException, IncorrectKeyMaterialException, KMSInternalException.
 * @example
 * await client.send(new ImportKeyMaterialCommand({ KeyId, ImportToken, EncryptedKeyMaterial, ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' }));
 */
export class ImportKeyMaterialCommand extends KMSCommand<ImportKeyMaterialCommandInput, ImportKeyMaterialCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<ImportKeyMaterialCommandOutput> {
    const input = asInput(this.input);
    const c = new Checker(input);
    const keyId = c.string('KeyId', 'keyId', true, 1, 2048);
    const token = c.blob('ImportToken', 'importToken', true, 1, 6144, false);
    const wrapped = c.blob('EncryptedKeyMaterial', 'encryptedKeyMaterial', true, 1, 6144, false);
    const validTo = timestamp(input, 'ValidTo');
    const model = c.enum('ExpirationModel', 'expirationModel', false, ExpirationModelType, EXPIRATION_MODELS_LISTED) ?? 'KEY_MATERIAL_EXPIRES';
    const importType = c.enum('ImportType', 'importType', false, ImportType, IMPORT_TYPES_LISTED);
    const description = c.string('KeyMaterialDescription', 'keyMaterialDescription', false, 0, 256);
    const materialId = c.string('KeyMaterialId', 'keyMaterialId', false, 64, 64, /^[a-f0-9]+$/);
    c.done();

    // The expiration rules, before the key is looked at (as local-kms orders them [EMU]).
    const now = s.nowMs();
    if (model === 'KEY_MATERIAL_EXPIRES') {
      if (validTo === undefined) throw new ValidationException('A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES'); // [REC]
      if (validTo <= now) throw new ValidationException('ValidTo must be in the future'); // [EMU] local-kms
      if (validTo > now + MAX_VALID_TO_MS) throw new ValidationException('ValidTo must be no more than 365 days in the future'); // [INF]
    } else if (validTo !== undefined) {
      // [EMU] local-kms's text; the model says ValidTo must be omitted.
      throw new ValidationException('The parameter ValidTo cannot be specified for a key with an expiration model of KEY_MATERIAL_DOES_NOT_EXPIRE');
    }

    const record = await s.resolve(keyId!, KEY_OR_ARN);
    checkExternal(record);
    checkImportState(record);
    checkHmacSpec(record);
    if (importType !== undefined || description !== undefined || materialId !== undefined) {
      // [M] "only usable with symmetric encryption keys"; the text is [INF].
      throw new UnsupportedOperationException('ImportType, KeyMaterialDescription and KeyMaterialId are supported for symmetric encryption keys only.');
    }

    const state = readImportState(record);
    const id = tokenId(token!);
    const set = state.sets.find((candidate) => candidate.id === id);
    // AWS's texts for these are not recorded [INF].
    if (set === undefined) throw new InvalidImportTokenException('Invalid import token.');
    if (set.validTo <= now) throw new ExpiredImportTokenException('The import token has expired.');
    const privateKey = await openPrivateKey(set, token!, record.Arn);
    if (privateKey === undefined) throw new InvalidImportTokenException('Invalid import token.');
    const material = await unwrap(privateKey, wrapped!);
    // AWS sends InvalidCiphertextException without a message (recorded for
    // Decrypt, KMS-SEMANTICS.md §5.3); the SDK then says 'UnknownError'.
    if (material === undefined) throw new InvalidCiphertextException('UnknownError');
    try {
      const lengths = MATERIAL_LENGTHS[record.KeySpec]!;
      if (material.length < lengths.min || material.length > lengths.max) {
        // [INF] IncorrectKeyMaterialException is the model's "invalid, or does not meet expectations".
        throw new IncorrectKeyMaterialException(`Key material for key spec ${record.KeySpec} must be ${lengths.min} to ${lengths.max} bytes long.`);
      }
      // Re-read the record: the unwrap took a while, and the key may have changed meanwhile.
      const current = await s.resolve(record.KeyId, KEY_OR_ARN);
      checkImportState(current);
      const pinned = readImportState(current);
      if (!sameMaterial(pinned, material, current.KeyId)) {
        // [INF] text; the rule is [M] ImportKeyMaterial (HMAC material cannot change).
        throw new IncorrectKeyMaterialException('The key material does not match the key material previously imported into this KMS key.');
      }
      const next: StoredKey = {
        ...current,
        KeyState: 'Enabled',
        ExpirationModel: model,
        material: new SecretBytes(material),
        importState: writeImportState({ ...pinned, fingerprint: pinned.fingerprint ?? fingerprint(material, current.KeyId) }),
      };
      if (model === 'KEY_MATERIAL_EXPIRES') next.ValidTo = validTo;
      else delete next.ValidTo;
      await s.save(next, true);
    } finally {
      material.fill(0);
    }
    return { KeyId: record.Arn, $metadata };
  }
}
