/**
 * Warnings the library issues (PTB's `telegram.warnings`), emitted through Node's
 * `process.emitWarning`, so Node's own switches control them:
 *
 * - `node --no-warnings` silences every warning, `node --disable-warning=PTBUserWarning` (or
 *   `PTBRuntimeWarning`, `PTBDeprecationWarning`) one kind; the deprecation kind also answers to
 *   `--no-deprecation`, `--throw-deprecation`, `--trace-deprecation` and `process.noDeprecation`;
 * - `process.on('warning', (w) => { if (w instanceof PTBUserWarning) ... })` observes them.
 *
 * Node prints a warning's `name`; for deprecations that is `DeprecationWarning` (so Node treats
 * it as one) and its `code` is `PTBDeprecationWarning`.
 */

/** A warning about how the library is used (PTB's `PTBUserWarning`); the base of the others. */
export class PTBUserWarning extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PTBUserWarning';
  }

  /** The class's PTB name, which `--disable-warning` matches besides {@link name}. */
  get code(): string {
    return 'PTBUserWarning';
  }
}

/** A warning about something that went wrong at run time without failing (PTB's `PTBRuntimeWarning`). */
export class PTBRuntimeWarning extends PTBUserWarning {
  constructor(message: string) {
    super(message);
    this.name = 'PTBRuntimeWarning';
  }

  override get code(): string {
    return 'PTBRuntimeWarning';
  }
}

/**
 * A use of something deprecated (PTB's `PTBDeprecationWarning`). With `version`, the message
 * says since when: `Deprecated since version 0.3.0: use X instead`.
 */
export class PTBDeprecationWarning extends PTBUserWarning {
  /** The library version that deprecated the feature, if given. */
  readonly version: string | undefined;

  constructor(message: string, version?: string) {
    super(version === undefined ? message : `Deprecated since version ${version}: ${message}`);
    this.name = 'DeprecationWarning';
    this.version = version;
  }

  override get code(): string {
    return 'PTBDeprecationWarning';
  }
}

/** A warning class {@link warn} can build from a message. */
export type WarningCategory = new (message: string) => PTBUserWarning;

/**
 * Emits a warning with `process.emitWarning` (PTB's internal `warn`): a message and its class
 * (default {@link PTBUserWarning}), or a warning object. The stack starts at the caller of `warn`.
 *
 * @example
 * warn('per_message=True is ignored here', PTBUserWarning);
 * warn(new PTBDeprecationWarning('use runPolling() instead', '0.2.0'));
 */
export function warn(message: string | PTBUserWarning, category: WarningCategory = PTBUserWarning): void {
  const warning = typeof message === 'string' ? new category(message) : message;
  if (typeof message === 'string') Error.captureStackTrace(warning, warn);
  process.emitWarning(warning);
}
