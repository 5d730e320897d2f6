import { AuthError, type CognitoOperation, type CognitoOperations, type CognitoTransport } from '../../machines/index.js';
import { recordWireRequest } from './wire/recordWireRequest.js';

type Handler<Op extends CognitoOperation> = (
  input: CognitoOperations[Op]['input'],
  /** The caller's signal, when it gave one: aborted when it stops waiting. */
  signal: AbortSignal | undefined,
) => CognitoOperations[Op]['output'] | Promise<CognitoOperations[Op]['output']>;

export interface RecordedCall {
  operation: CognitoOperation;
  input: unknown;
}

/**
 * A scripted Cognito: each operation answers with a handler the test sets (default: fail with
 * `unsupportedOperation`, as cognito-local does). Every call is recorded.
 */
export class FakeCognito implements CognitoTransport {
  readonly calls: RecordedCall[] = [];
  readonly #handlers: { [Op in CognitoOperation]?: Handler<Op> } = {};

  on<Op extends CognitoOperation>(operation: Op, handler: Handler<Op>): this {
    (this.#handlers as Record<string, unknown>)[operation] = handler;
    return this;
  }

  callsOf(operation: CognitoOperation): RecordedCall[] {
    return this.calls.filter((call) => call.operation === operation);
  }

  async call<Op extends CognitoOperation>(
    operation: Op,
    input: CognitoOperations[Op]['input'],
    options: { signal?: AbortSignal } = {},
  ): Promise<CognitoOperations[Op]['output']> {
    this.calls.push({ operation, input });
    recordWireRequest('FakeCognito', operation, input);
    const handler = this.#handlers[operation] as Handler<Op> | undefined;
    if (!handler) throw new AuthError('unsupportedOperation', `${operation} is not scripted`, { operation });
    return handler(input, options.signal);
  }
}
