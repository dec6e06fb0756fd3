/**
 * The filter algebra: {@link BaseFilter} and its two kinds ({@link MessageFilter} looks at the
 * update's message, {@link UpdateFilter} at the whole update), combined with `.and()`, `.or()`,
 * `.xor()` and `.not()` as PTB's `&`, `|`, `^` and `~`.
 */
import type { Message, Update } from '../../generated/types.js';
import { messageOf } from '../../objects/update.js';
import type { FilterData, FilteredUpdate, FilterResult } from './types.js';

declare const narrowsTo: unique symbol;

/**
 * Whether a filter result lets the update through: `true`, or data with at least one entry (an
 * empty data object fails, as an empty dict is falsy in PTB).
 */
export function passed(result: FilterResult | null | undefined): boolean {
  if (result === true) return true;
  if (result === false || result === null || result === undefined) return false;
  for (const _ in result) return true;
  return false;
}

function isData(result: FilterResult): result is FilterData {
  return typeof result === 'object';
}

/**
 * Merges the data of two passing filters, as PTB's `_MergedFilter._merge`: lists under the same
 * name are concatenated (base first). The inputs are left untouched.
 */
export function mergeData(base: FilterResult, other: FilterResult): FilterData {
  const out: FilterData = isData(base) ? { ...base } : {};
  if (!isData(other)) return out;
  for (const key in other) {
    const value = other[key];
    const addition = Array.isArray(value) ? value : [];
    const existing = out[key];
    if (existing === undefined && !Object.hasOwn(out, key)) out[key] = addition;
    else if (Array.isArray(existing)) out[key] = [...existing, ...addition];
    else out[key] = [existing, ...addition];
  }
  return out;
}

/** Options of every filter: its display name and whether it returns data. */
export interface FilterOptions {
  /** Shown by `toString()`; defaults to the class name. */
  name?: string;
  /** A data filter returns {@link FilterData} (e.g. regex matches) that reaches the context. */
  dataFilter?: boolean;
}

/**
 * Base of all filters. `U` is the type of the updates the filter lets through, which handlers
 * hand to their callbacks: `filters.TEXT` is a `BaseFilter<FilteredUpdate<Has<'text'>>>`.
 *
 * Filters only ever pass updates carrying a message (in one of the `MESSAGE_UPDATE_TYPES` fields:
 * `message`, `edited_message`, `channel_post`, ...); this base implementation answers just that.
 * Subclass {@link MessageFilter} or {@link UpdateFilter} (or use {@link messageFilter}/
 * {@link updateFilter}) for custom filters.
 *
 * @example filters.TEXT.and(filters.COMMAND.not()) // <filters.TEXT and not filters.COMMAND>
 */
export class BaseFilter<U extends Update = FilteredUpdate> {
  /** Type-only: the updates this filter lets through. */
  declare readonly [narrowsTo]?: U;
  protected _name: string;
  #dataFilter: boolean;

  constructor(options: FilterOptions = {}) {
    this._name = options.name ?? this.constructor.name;
    this.#dataFilter = options.dataFilter ?? false;
  }

  /** The display name, e.g. `filters.TEXT` or `<filters.PHOTO and filters.CAPTION>`. */
  get name(): string {
    return this._name;
  }

  set name(value: string) {
    this._name = value;
  }

  /** Whether this filter returns data (regex matches...) that handlers put on the context. */
  get dataFilter(): boolean {
    return this.#dataFilter;
  }

  set dataFilter(value: boolean) {
    this.#dataFilter = value;
  }

  /** Whether the update should be handled: `true`/`false`, or the data of a data filter. */
  checkUpdate(update: Update): FilterResult {
    return messageOf(update) !== undefined;
  }

  /**
   * {@link checkUpdate} as a type guard, for code outside handlers.
   *
   * @example if (filters.TEXT.passes(update)) console.log(update.effectiveMessage.text.length)
   */
  passes(update: Update): update is U {
    return passed(this.checkUpdate(update));
  }

  /** Passes when both pass; `other` is only checked when this one passed. Data is merged. */
  and<V extends Update>(other: BaseFilter<V>): BaseFilter<U & V> {
    return new AndFilter(this, other);
  }

  /** Passes when either passes; `other` is only checked when this one failed. */
  or<V extends Update>(other: BaseFilter<V>): BaseFilter<U | V> {
    return new OrFilter(this, other);
  }

  /** Passes when exactly one of the two passes. */
  xor<V extends Update>(other: BaseFilter<V>): BaseFilter<U | V> {
    return new XorFilter(this, other);
  }

  /** Passes message updates this filter rejects. */
  not(): BaseFilter<FilteredUpdate> {
    return new NotFilter(this);
  }

  /** The filter's {@link BaseFilter.name}, e.g. `filters.TEXT` or a combination like `<filters.TEXT and filters.COMMAND>`. */
  toString(): string {
    return this.name;
  }
}

/**
 * A filter on the update's message (PTB's `MessageFilter`): implement {@link filter}. `M` states
 * what a passing message is known to have, e.g. `Has<'text'>`.
 *
 * @example
 * class LongText extends MessageFilter<Has<'text'>> {
 *   filter(message: Message) { return (message.text?.length ?? 0) > 100; }
 * }
 */
export abstract class MessageFilter<M extends object = object> extends BaseFilter<FilteredUpdate<M>> {
  override checkUpdate(update: Update): FilterResult {
    const message = messageOf(update);
    return message === undefined ? false : this.filter(message);
  }

  /** Decides on the message of the update. */
  abstract filter(message: Message): FilterResult;
}

/**
 * A filter on the whole update (PTB's `UpdateFilter`): implement {@link filter}. It is still only
 * asked about updates that carry a message.
 */
export abstract class UpdateFilter<U extends Update = FilteredUpdate> extends BaseFilter<U> {
  override checkUpdate(update: Update): FilterResult {
    return messageOf(update) === undefined ? false : this.filter(update);
  }

  /** Decides on the update. */
  abstract filter(update: Update): FilterResult;
}

abstract class CombinedFilter<U extends Update> extends UpdateFilter<U> {
  override get name(): string {
    return this.combinedName();
  }

  override set name(_value: string) {
    throw new Error('Cannot set the name of a combined filter');
  }

  protected abstract combinedName(): string;
}

/** Two filters joined by `and`, `or` or `xor`; a data filter when either side is one. */
abstract class BinaryFilter<U extends Update> extends CombinedFilter<U> {
  protected abstract readonly operator: 'and' | 'or' | 'xor';

  constructor(
    readonly left: BaseFilter<Update>,
    readonly right: BaseFilter<Update>,
  ) {
    super({ dataFilter: left.dataFilter || right.dataFilter });
  }

  protected combinedName(): string {
    return `<${this.left.name} ${this.operator} ${this.right.name}>`;
  }
}

class AndFilter<U extends Update> extends BinaryFilter<U> {
  protected readonly operator = 'and';

  filter(update: Update): FilterResult {
    const first = this.left.checkUpdate(update);
    if (!passed(first)) return false;
    const second = this.right.checkUpdate(update);
    if (!passed(second)) return false;
    if (this.dataFilter) {
      const merged = mergeData(first, second);
      if (passed(merged)) return merged;
    }
    return true;
  }
}

class OrFilter<U extends Update> extends BinaryFilter<U> {
  protected readonly operator = 'or';

  filter(update: Update): FilterResult {
    const first = this.left.checkUpdate(update);
    if (passed(first)) return this.dataFilter ? first : true;
    const second = this.right.checkUpdate(update);
    if (passed(second)) return this.dataFilter ? second : true;
    return false;
  }
}

class XorFilter<U extends Update> extends BinaryFilter<U> {
  protected readonly operator = 'xor';

  filter(update: Update): FilterResult {
    const first = this.left.checkUpdate(update);
    const second = this.right.checkUpdate(update);
    const firstPassed = passed(first);
    if (firstPassed === passed(second)) return false;
    const winner = firstPassed ? first : second;
    return this.dataFilter && isData(winner) ? { ...winner } : true;
  }
}

class NotFilter extends CombinedFilter<FilteredUpdate> {
  constructor(readonly inner: BaseFilter<Update>) {
    super();
  }

  filter(update: Update): boolean {
    return !passed(this.inner.checkUpdate(update));
  }

  protected combinedName(): string {
    return `not ${this.inner.name}`;
  }
}

class PredicateMessageFilter<M extends object> extends MessageFilter<M> {
  readonly #predicate: (message: Message) => FilterResult;

  constructor(name: string, predicate: (message: Message) => FilterResult, dataFilter: boolean) {
    super({ name, dataFilter });
    this.#predicate = predicate;
  }

  filter(message: Message): FilterResult {
    return this.#predicate(message);
  }
}

class PredicateUpdateFilter<U extends Update> extends UpdateFilter<U> {
  readonly #predicate: (update: Update) => FilterResult;

  constructor(name: string, predicate: (update: Update) => FilterResult, dataFilter: boolean) {
    super({ name, dataFilter });
    this.#predicate = predicate;
  }

  filter(update: Update): FilterResult {
    return this.#predicate(update);
  }
}

/** Options of {@link messageFilter} and {@link updateFilter}. */
export interface PredicateOptions {
  /** Set when the predicate returns {@link FilterData}. */
  dataFilter?: boolean;
}

/**
 * A custom message filter from a function. A type-guard predicate narrows the update for
 * handlers; otherwise name the guaranteed fields with the type argument.
 *
 * @example
 * const long = messageFilter('long', (m): m is Message & Has<'text'> => (m.text?.length ?? 0) > 100);
 * const fromAdmin = messageFilter<Has<'from'>>('admin', (m) => admins.has(m.from?.id ?? 0));
 */
export function messageFilter<M extends object>(
  name: string,
  predicate: (message: Message) => message is Message & M,
  options?: PredicateOptions,
): MessageFilter<M>;
export function messageFilter<M extends object = object>(
  name: string,
  predicate: (message: Message) => FilterResult,
  options?: PredicateOptions,
): MessageFilter<M>;
export function messageFilter<M extends object>(
  name: string,
  predicate: (message: Message) => FilterResult,
  options: PredicateOptions = {},
): MessageFilter<M> {
  return new PredicateMessageFilter<M>(name, predicate, options.dataFilter ?? false);
}

/**
 * A custom update filter from a function; like {@link messageFilter}, it is only asked about
 * updates that carry a message.
 *
 * @example const premium = updateFilter('premium', (u) => u.effectiveUser?.is_premium === true);
 */
export function updateFilter<U extends Update>(
  name: string,
  predicate: (update: Update) => update is U,
  options?: PredicateOptions,
): UpdateFilter<U & FilteredUpdate>;
export function updateFilter<U extends Update = FilteredUpdate>(
  name: string,
  predicate: (update: Update) => FilterResult,
  options?: PredicateOptions,
): UpdateFilter<U>;
export function updateFilter<U extends Update>(
  name: string,
  predicate: (update: Update) => FilterResult,
  options: PredicateOptions = {},
): UpdateFilter<U> {
  return new PredicateUpdateFilter<U>(name, predicate, options.dataFilter ?? false);
}
