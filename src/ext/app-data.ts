/**
 * Chat and user data of an application: created on first use, dropped and migrated on request.
 */

/** Options of `Application.migrateChatData`: the service message, or both chat ids. */
export interface MigrateChatDataOptions {
  readonly message?: {
    readonly chat: { readonly id: number };
    readonly migrate_from_chat_id?: number | undefined;
    readonly migrate_to_chat_id?: number | undefined;
  };
  readonly oldChatId?: number;
  readonly newChatId?: number;
}

/** The old and new chat id of a migration (PTB's `migrate_chat_data` rules). */
export function migrationIds(options: MigrateChatDataOptions): readonly [from: number, to: number] {
  const { message, oldChatId, newChatId } = options;
  if (message !== undefined) {
    if (oldChatId !== undefined || newChatId !== undefined) {
      throw new TypeError('migrateChatData: give either a message or the chat ids, not both');
    }
    if (message.migrate_from_chat_id === undefined && message.migrate_to_chat_id === undefined) {
      throw new TypeError(
        'migrateChatData: the message has neither migrate_from_chat_id nor migrate_to_chat_id',
      );
    }
    return [message.migrate_from_chat_id ?? message.chat.id, message.migrate_to_chat_id ?? message.chat.id];
  }
  if (
    oldChatId === undefined ||
    newChatId === undefined ||
    !Number.isInteger(oldChatId) ||
    !Number.isInteger(newChatId)
  ) {
    throw new TypeError('migrateChatData: oldChatId and newChatId must be integers');
  }
  return [oldChatId, newChatId];
}

/** Data objects by id, each made by the factory on first use. */
export class LazyDataMap<T> {
  readonly #map = new Map<number, T>();
  readonly #make: () => T;

  constructor(make: () => T) {
    this.#make = make;
  }

  /** A read-only view (entries appear when first used). */
  get view(): ReadonlyMap<number, T> {
    return this.#map;
  }

  /** The data of `id`, created on first use. */
  for(id: number): T {
    let data = this.#map.get(id);
    if (data === undefined) {
      data = this.#make();
      this.#map.set(id, data);
    }
    return data;
  }

  /** Puts stored data in place (what a persistence loaded). */
  set(id: number, data: T): void {
    this.#map.set(id, data);
  }

  drop(id: number): void {
    this.#map.delete(id);
  }

  /** Moves the data of `from` to `to` (replacing what `to` had). */
  move(from: number, to: number): void {
    const data = this.#map.get(from);
    if (data !== undefined) this.#map.set(to, data);
    this.#map.delete(from);
  }
}
