/**
 * Errors the endpoint itself raises, before a request reaches the facade
 * (framing, authentication, serialization). They go on the wire exactly like
 * the facade's `KMSServiceException`s: `{"__type": name, "message": ...}`.
 */
export class WireError extends Error {
  override readonly name: string;
  /** HTTP status sent with the error. */
  readonly status: number;

  /** For the endpoint's log line only, never sent (e.g. the unknown target an UnknownOperationException answers). */
  readonly logDetail: string | undefined;

  /** `message` undefined sends the body with `__type` only, as AWS does for some errors. */
  constructor(name: string, status: number, message?: string, logDetail?: string) {
    super(message ?? '');
    this.name = name;
    this.status = status;
    this.logDetail = logDetail;
  }

  /** Whether the body carries a `message`. */
  get hasMessage(): boolean {
    return this.message !== '';
  }
}
