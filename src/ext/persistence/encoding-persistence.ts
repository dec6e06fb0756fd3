/**
 * What FilePersistence, SqlitePersistence and RedisPersistence share: they store values as JSON
 * text through the codec, so they keep Maps, Dates, Bot API objects and your registered classes.
 */
import { BasePersistence, type BasePersistenceOptions } from './base.js';
import {
  type AnyClass,
  ClassRegistry,
  decodeValue,
  encodeValue,
  type RegisterClassOptions,
  registerLocalClass,
  sharedClasses,
} from './codec.js';

/** Options of every {@link EncodingPersistence}. */
export interface EncodingPersistenceOptions extends BasePersistenceOptions {
  /** Your classes stored in the data, for this instance (see {@link EncodingPersistence.registerClass}). */
  readonly classes?: readonly AnyClass[] | undefined;
}

/**
 * The base of the persistences that encode what they store (FilePersistence, SqlitePersistence,
 * RedisPersistence): one registry of your classes shared by all of them, one per instance, and
 * the encoding to and from JSON text. Extend {@link BasePersistence} instead to store values your
 * own way.
 */
export abstract class EncodingPersistence<
  UD = Record<string, unknown>,
  CD = Record<string, unknown>,
  BD = Record<string, unknown>,
> extends BasePersistence<UD, CD, BD> {
  readonly #owner: string;
  readonly #classes = new ClassRegistry();
  readonly #registries: readonly ClassRegistry[] = [this.#classes, sharedClasses];

  /**
   * @param options the persistence's options; their `classes` are registered for this instance.
   * @param owner the class name that starts the errors about values that cannot be stored.
   */
  protected constructor(options: EncodingPersistenceOptions | undefined, owner: string) {
    super(options);
    this.#owner = owner;
    for (const cls of options?.classes ?? []) this.registerClass(cls);
  }

  /**
   * Registers a class of yours for every FilePersistence, SqlitePersistence and RedisPersistence
   * (one registry), so its instances can be stored. By default its own enumerable fields are
   * stored and restored onto a new object of the class (the constructor is not called, as
   * unpickling does not call `__init__`); classes that keep state in `#private` fields or need
   * their constructor give `toData`/`fromData`. The stored name is the class name unless `name`
   * is given; register before the data is loaded.
   *
   * @example
   * ```ts
   * class Point { constructor(public x = 0, public y = 0) {} }
   * FilePersistence.registerClass(Point);
   * FilePersistence.registerClass(Temperature, {
   *   toData: (t) => t.celsius,
   *   fromData: (celsius) => new Temperature(celsius as number),
   * });
   * ```
   */
  static registerClass<T extends object>(cls: AnyClass<T>, options?: RegisterClassOptions<T>): void {
    sharedClasses.register(cls, options);
  }

  /** As {@link EncodingPersistence.registerClass}, for this instance only (checked first). */
  registerClass<T extends object>(cls: AnyClass<T>, options?: RegisterClassOptions<T>): void {
    registerLocalClass(this.#classes, cls, options);
  }

  /** `value` as JSON text; throws a TypeError naming `where` for a value that cannot be stored. */
  protected encodeText(value: unknown, where: string): string {
    return JSON.stringify(encodeValue(value, this.#registries, where, this.#owner));
  }

  /** The value stored as `text` (made by {@link encodeText}); `where` names it in errors. */
  protected decodeText(text: string, where: string): unknown {
    return decodeValue(JSON.parse(text), this.#registries, this.bot, where, this.#owner);
  }
}
