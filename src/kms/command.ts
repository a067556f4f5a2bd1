/**
 * The base of every command: `new XCommand(input)` keeps `input`, and
 * `KMSClient.send` runs it. Mirrors the SDK's `Command` (client-kms
 * `src/commands/*Command.ts`) without its middleware stack.
 */
import type { ResponseMetadata } from './errors.js';
import type { Service } from './service.js';

/** What every command output carries, as in the SDK (`MetadataBearer`). */
export interface MetadataBearer {
  $metadata: ResponseMetadata;
}

/**
 * A KMS operation with its input. Subclasses implement `run`; users only
 * construct commands and pass them to `KMSClient.send`.
 */
export abstract class KMSCommand<Input extends object, Output extends MetadataBearer> {
  /** The request, exactly as given to the constructor. */
  readonly input: Input;

  constructor(input: Input) {
    this.input = input;
  }

  /**
   * Runs the operation against `service`; `$metadata` goes into the output.
   * @internal called by `KMSClient.send`, which turns anything unexpected into
   * a KMSInternalException.
   */
  abstract run(service: Service, $metadata: ResponseMetadata): Promise<Output>;
}
