/**
 * Errors of the application framework.
 */

/**
 * Thrown from a handler callback (or an error handler) to stop the update from reaching handlers
 * of later groups. `state` carries the next state for conversations.
 *
 * @example
 * ```ts
 * app.addHandler(new TypeHandler(Update, () => { throw new ApplicationHandlerStop(); }), -1);
 * ```
 */
export class ApplicationHandlerStop extends Error {
  /** The conversation state to switch to, if any. */
  readonly state: unknown;

  constructor(state?: unknown) {
    super('ApplicationHandlerStop');
    this.name = 'ApplicationHandlerStop';
    this.state = state;
  }
}

/** An option or feature that ships with a later part of the framework was used. */
export class FeatureNotAvailableError extends Error {
  constructor(option: string, feature: string) {
    super(`${option} is not available yet: lands with ${feature}`);
    this.name = 'FeatureNotAvailableError';
  }
}

/**
 * An incoming update did not have the shape the Bot API documents. `path` names the offending
 * field (e.g. `Message.chat`), `raw` is the JSON as received, `cause` the underlying error.
 */
export class MalformedUpdateError extends Error {
  /**
   * The field at fault, as `Type.field`; `Update` when the whole value is not an object;
   * `getUpdates result` when getUpdates answered something other than a list.
   */
  readonly path: string;
  /** The `update_id` of the update, when it had a usable one. */
  readonly updateId: number | undefined;
  /** The JSON value as it arrived. */
  readonly raw: unknown;

  constructor(path: string, raw: unknown, cause: unknown) {
    const id =
      typeof raw === 'object' && raw !== null ? (raw as { update_id?: unknown }).update_id : undefined;
    const updateId = typeof id === 'number' && Number.isInteger(id) ? id : undefined;
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`Malformed update${updateId === undefined ? '' : ` ${updateId}`}: ${detail}`, { cause });
    this.name = 'MalformedUpdateError';
    this.path = path;
    this.updateId = updateId;
    this.raw = raw;
  }
}
