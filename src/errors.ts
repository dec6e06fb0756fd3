/**
 * Bad input from the library's user, found before any request is sent: a missing required
 * argument, a value of the wrong type, a file path that does not exist.
 */
export class InvalidArgumentError extends TypeError {
  /** The parameter at fault, e.g. `text` or `media[1].thumbnail`. */
  readonly parameter: string | undefined;
  /** The Bot API method being called, when known. */
  readonly method: string | undefined;

  constructor(message: string, options: { parameter?: string; method?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InvalidArgumentError';
    this.parameter = options.parameter;
    this.method = options.method;
  }
}
