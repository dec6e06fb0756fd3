/**
 * Handles any object of a given type put into the update queue.
 */
import type { AnyContext, CallbackContext } from '../context.js';
import { BaseHandler, type CallbackOf, type HandlerOptions } from './base.js';

/** A class (or `String`, `Number`, `Boolean` for primitives). */
export type HandledType = abstract new (...args: never[]) => unknown;

/** The value a {@link TypeHandler} callback sees for a type. */
export type InstanceOf<T extends HandledType> = T extends StringConstructor
  ? string
  : T extends NumberConstructor
    ? number
    : T extends BooleanConstructor
      ? boolean
      : InstanceType<T>;

/** Options of {@link TypeHandler}. */
export interface TypeHandlerOptions extends HandlerOptions {
  /** Only objects whose class is exactly the type (not a subclass). */
  readonly strict?: boolean | undefined;
}

const PRIMITIVES = new Map<unknown, string>([
  [String, 'string'],
  [Number, 'number'],
  [Boolean, 'boolean'],
]);

/**
 * Handles objects of a type: updates (`TypeHandler(Update, ...)` sees every update) or your own
 * objects put into `app.updateQueue`.
 *
 * @example
 * ```ts
 * class Tick { constructor(readonly at: Date) {} }
 * app.addHandler(new TypeHandler(Tick, (tick) => console.log(tick.at)));
 * app.updateQueue.put(new Tick(new Date()));
 * ```
 */
export class TypeHandler<
  T extends HandledType,
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends BaseHandler<InstanceOf<T>, C, R, true, C> {
  readonly type: T;
  readonly strict: boolean;
  readonly #primitive: string | undefined;

  constructor(type: T, callback: CallbackOf<InstanceOf<T>, C, R>, options: TypeHandlerOptions = {}) {
    super(callback, options);
    if (typeof type !== 'function') throw new TypeError('TypeHandler needs a class');
    this.type = type;
    this.strict = options.strict ?? false;
    this.#primitive = PRIMITIVES.get(type);
  }

  checkUpdate(update: unknown): boolean {
    if (this.#primitive !== undefined) return typeof update === this.#primitive;
    if (!this.strict) return update instanceof this.type;
    return typeof update === 'object' && update !== null && update.constructor === this.type;
  }
}
