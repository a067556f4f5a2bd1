/**
 * The error tree of the facade, shaped like `@aws-sdk/client-kms`'s
 * (`models/errors.ts` over smithy's `ServiceException`): one base class,
 * {@link KMSServiceException}, with `name`, `$fault`, `$metadata` and
 * `message`, and one leaf class per exception with a literal `name` and
 * `$fault`. `instanceof` works for the leaf and for the base.
 *
 * Faults follow the KMS service model: `KMSInternalException`,
 * `KeyUnavailableException` and `DependencyTimeoutException` are server
 * faults (HTTP 500/503), everything else is a client fault that real AWS
 * answers with HTTP 400 (docs/SEMANTICS.md WIRE-4, ERR-1: the model's
 * 404/409/412 `httpError` traits do not match the wire).
 */

/** What the SDK puts in `$metadata`; ours is filled in by `KMSClient.send`. */
export interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  extendedRequestId?: string;
  cfId?: string;
  attempts?: number;
  totalRetryDelay?: number;
}

/** Constructor options, as the SDK's exceptions take them; a bare string is the message. */
export interface KMSExceptionOptions {
  message?: string;
  $metadata?: ResponseMetadata;
}

/**
 * The base of every error the facade throws.
 * @example
 * try { await client.send(cmd); } catch (e) { if (e instanceof KMSServiceException) console.log(e.name, e.$fault); }
 */
export class KMSServiceException extends Error {
  override name: string = 'KMSServiceException';
  readonly $fault: 'client' | 'server' = 'client';
  $metadata: ResponseMetadata;

  constructor(options: KMSExceptionOptions | string = {}) {
    const opts = typeof options === 'string' ? { message: options } : options;
    super(opts.message ?? '');
    this.$metadata = opts.$metadata ?? {};
  }

  /** The HTTP status AWS answers this error with (SEMANTICS.md WIRE-4). */
  get httpStatusCode(): number {
    return this.$fault === 'server' ? 500 : 400;
  }
}

/**
 * What {@link leaf} returns, spelled out: inferred, the emitted declarations
 * would carry the statics of Node's `ErrorConstructor` (`NodeJS.CallSite`),
 * which consumers without `@types/node` (browsers, Deno, workers) cannot read.
 */
interface LeafClass<N extends string, F extends 'client' | 'server'> {
  new (options?: KMSExceptionOptions | string): KMSServiceException & { readonly name: N; readonly $fault: F };
  readonly prototype: KMSServiceException;
}

/** Shorthand for the leaves: a literal `name`, a fixed fault. */
function leaf<N extends string, F extends 'client' | 'server'>(name: N, fault: F): LeafClass<N, F> {
  return class extends KMSServiceException {
    override readonly name: N = name;
    override readonly $fault: F = fault;
  };
}

// Each leaf is a named class (not just the `leaf()` result) so that stack
// traces, `constructor.name` and TSDoc show the exception's own name.

/** A resource (alias) with that name already exists. */
export class AlreadyExistsException extends leaf('AlreadyExistsException', 'client') {}
/** The caller may not do this (not raised by the in-process facade; for the HTTP endpoint). */
export class AccessDeniedException extends leaf('AccessDeniedException', 'client') {}
/** A dependency timed out (server fault, HTTP 503 on the wire). */
export class DependencyTimeoutException extends leaf('DependencyTimeoutException', 'server') {
  override get httpStatusCode(): number {
    return 503;
  }
}
/** The key is disabled: `<key ARN> is disabled.` */
export class DisabledException extends leaf('DisabledException', 'client') {}
/** `DryRun` was set and the request would have succeeded. */
export class DryRunOperationException extends leaf('DryRunOperationException', 'client') {}
/** An import token has expired (ImportKeyMaterial). */
export class ExpiredImportTokenException extends leaf('ExpiredImportTokenException', 'client') {}
/** Imported material differs from the key's (ImportKeyMaterial). */
/** Decrypt/ReEncrypt naming a key that cannot decrypt the ciphertext (recorded for an HMAC key: docs/SEMANTICS.md NONMAC-2). */
export class IncorrectKeyException extends leaf('IncorrectKeyException', 'client') {}

export class IncorrectKeyMaterialException extends leaf('IncorrectKeyMaterialException', 'client') {}
/** The alias name is not valid (e.g. the reserved `alias/aws/` prefix). */
export class InvalidAliasNameException extends leaf('InvalidAliasNameException', 'client') {}
/** An ARN is not valid. */
export class InvalidArnException extends leaf('InvalidArnException', 'client') {}
/** Ciphertext (wrapped import material) could not be decrypted. */
export class InvalidCiphertextException extends leaf('InvalidCiphertextException', 'client') {}
/** A grant ID is not valid or does not exist. */
export class InvalidGrantIdException extends leaf('InvalidGrantIdException', 'client') {}
/** A grant token is not one that CreateGrant issued (or its grant is gone). */
export class InvalidGrantTokenException extends leaf('InvalidGrantTokenException', 'client') {}
/** An import token is not valid (ImportKeyMaterial). */
export class InvalidImportTokenException extends leaf('InvalidImportTokenException', 'client') {}
/** The key's usage or spec does not allow the operation or algorithm. */
export class InvalidKeyUsageException extends leaf('InvalidKeyUsageException', 'client') {}
/** A pagination marker that no earlier response returned. */
export class InvalidMarkerException extends leaf('InvalidMarkerException', 'client') {}
/** Key material is not available (server fault). */
export class KeyUnavailableException extends leaf('KeyUnavailableException', 'server') {}
/** Anything unexpected inside an operation (server fault). */
export class KMSInternalException extends leaf('KMSInternalException', 'server') {}
/** The key's state does not allow the operation. */
export class KMSInvalidStateException extends leaf('KMSInvalidStateException', 'client') {}
/** A quota was exceeded. */
export class LimitExceededException extends leaf('LimitExceededException', 'client') {}
/** A key policy is not valid JSON. */
export class MalformedPolicyDocumentException extends leaf('MalformedPolicyDocumentException', 'client') {}
/** The key, alias or grant does not exist, or a key identifier is malformed. */
export class NotFoundException extends leaf('NotFoundException', 'client') {}
/** A tag operation was refused (duplicates, too many, reserved prefix). */
export class TagException extends leaf('TagException', 'client') {}
/** The operation is not supported for this key or by this emulator. */
export class UnsupportedOperationException extends leaf('UnsupportedOperationException', 'client') {}

/**
 * VerifyMac's answer to a MAC that does not verify. AWS sends this with no
 * message at all (`{"__type":"KMSInvalidMacException"}`, SEMANTICS.md
 * MAC-5), which `@aws-sdk/client-kms` surfaces as `message === 'UnknownError'`;
 * in process we give the same message. {@link errorBody} omits it on the wire.
 */
export class KMSInvalidMacException extends leaf('KMSInvalidMacException', 'client') {
  constructor(options: KMSExceptionOptions | string = {}) {
    const opts = typeof options === 'string' ? { message: options } : options;
    super({ ...opts, message: opts.message ?? 'UnknownError' });
  }
}

/** Verify's answer to a signature that does not verify; AWS sends it without a message (§5.3). */
export class KMSInvalidSignatureException extends leaf('KMSInvalidSignatureException', 'client') {}

/**
 * Request validation failed (`N validation error(s) detected: ...`). Not a
 * modeled KMS shape: the SDK raises it as the base class with this `name`;
 * ours is a leaf so that `instanceof` works too.
 */
export class ValidationException extends leaf('ValidationException', 'client') {}

/**
 * The request could not be deserialized: wrong JSON types for a member
 * (SEMANTICS.md SER-1). Not a modeled KMS shape, like ValidationException.
 */
export class SerializationException extends leaf('SerializationException', 'client') {}

/** The operation name is not one the service knows (`{"__type":"UnknownOperationException"}`, SEMANTICS.md WIRE-2). */
export class UnknownOperationException extends leaf('UnknownOperationException', 'client') {}

/**
 * The JSON 1.1 error body for `err`: `{"__type": name, "message": text}`,
 * without `message` for the exceptions AWS sends without one
 * (SEMANTICS.md WIRE-4) and for errors whose message is empty.
 */
export function errorBody(err: KMSServiceException): { __type: string; message?: string } {
  if (err instanceof KMSInvalidMacException || err.message === '') return { __type: err.name };
  return { __type: err.name, message: err.message };
}
