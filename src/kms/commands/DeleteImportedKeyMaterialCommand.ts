import { KMSCommand, type MetadataBearer } from '../command.js';
import { UnsupportedOperationException, type ResponseMetadata } from '../errors.js';
import { checkExternal } from '../import/state.js';
import { DeleteImportedKeyMaterial } from '../model/operations.js';
import { KEY_OR_ARN, withoutMaterial, type Service } from '../service.js';
import { readInput } from '../validate.js';

/** DeleteImportedKeyMaterial request (the model's `DeleteImportedKeyMaterialRequest`). */
export interface DeleteImportedKeyMaterialRequest {
  /** Key ID or key ARN of an `EXTERNAL` key (no aliases). */
  KeyId: string | undefined;
  /** Symmetric encryption keys only. */
  KeyMaterialId?: string | undefined;
}

/** DeleteImportedKeyMaterial response (the model's `DeleteImportedKeyMaterialResponse`). */
export interface DeleteImportedKeyMaterialResponse {
  /** The key ARN. */
  KeyId?: string | undefined;
  /** Symmetric encryption keys only: never set for HMAC keys. */
  KeyMaterialId?: string | undefined;
}

/** The input of {@link DeleteImportedKeyMaterialCommand}. */
export interface DeleteImportedKeyMaterialCommandInput extends DeleteImportedKeyMaterialRequest {}
/** The output of {@link DeleteImportedKeyMaterialCommand}. */
export interface DeleteImportedKeyMaterialCommandOutput extends DeleteImportedKeyMaterialResponse, MetadataBearer {}

/**
 * Deletes the imported material of an `EXTERNAL` key: the key goes to
 * PendingImport with `Enabled: false` and no `ExpirationModel` / `ValidTo`
 * (SEMANTICS.md IMP-7), except that a PendingDeletion key keeps its state. The
 * cached engine key is dropped at once. Only the same material can be
 * imported again.
 *
 * Throws ValidationException, SerializationException, NotFoundException,
 * UnsupportedOperationException (`<key ARN> origin is AWS_KMS which is not
 * valid for this operation.`), KMSInternalException.
 * @example
 * await client.send(new DeleteImportedKeyMaterialCommand({ KeyId }));
 */
export class DeleteImportedKeyMaterialCommand extends KMSCommand<DeleteImportedKeyMaterialCommandInput, DeleteImportedKeyMaterialCommandOutput> {
  async run(s: Service, $metadata: ResponseMetadata): Promise<DeleteImportedKeyMaterialCommandOutput> {
    const { KeyId: keyId, KeyMaterialId: materialId } = readInput(DeleteImportedKeyMaterial, this.input);
    const record = await s.change(keyId!, KEY_OR_ARN, (record) => {
      checkExternal(record);
      if (materialId !== undefined && record.KeySpec !== 'SYMMETRIC_DEFAULT') {
        // KeyMaterialId identifies symmetric encryption key material (SEMANTICS.md IMP-5).
        throw new UnsupportedOperationException('KeyMaterialId is supported for symmetric encryption keys only.');
      }
      return withoutMaterial(record);
    });
    return { KeyId: record.Arn, $metadata };
  }
}
