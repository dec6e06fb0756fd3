/**
 * Filters on who sent a message and where: `Chat`, `User`, `ForwardedFrom`, `SenderChat`,
 * `ViaBot` (ids or usernames, changeable at runtime) and the `ChatType` group.
 */
import type { Message, Chat as TgChat, User as TgUser } from '../../generated/types.js';
import { MessageFilter } from './base.js';
import { FieldFilter } from './content.js';
import type { Has } from './types.js';

function idList(ids: number | Iterable<number> | undefined): number[] {
  if (ids === undefined) return [];
  return typeof ids === 'number' ? [ids] : Array.from(ids);
}

function usernameList(names: string | Iterable<string> | undefined): string[] {
  if (names === undefined) return [];
  const list = typeof names === 'string' ? [names] : Array.from(names);
  return list.map((name) => (name.startsWith('@') ? name.slice(1) : name));
}

/**
 * Base of the filters that allow given ids or usernames of one chat or user of a message (PTB's
 * `_ChatUserBaseFilter`). Ids and usernames exclude each other; with neither, `allowEmpty`
 * decides. Usernames are compared without a leading `@`.
 */
export abstract class IdUsernameFilter<M extends object = object> extends MessageFilter<M> {
  /** Whether to pass messages (that have the chat/user) while no id or username is set. */
  allowEmpty: boolean;
  readonly #ids = new Set<number>();
  readonly #usernames = new Set<string>();
  readonly #idName: string;
  readonly #label: string;

  protected constructor(
    label: string,
    idName: string,
    ids: number | Iterable<number> | undefined,
    usernames: string | Iterable<string> | undefined,
    allowEmpty: boolean,
  ) {
    super({ name: label });
    this.#label = label;
    this.#idName = idName;
    this.allowEmpty = allowEmpty;
    this.setIds(ids);
    this.setUsernames(usernames);
  }

  /** The chat or user of the message this filter looks at. */
  protected abstract target(message: Message): TgChat | TgUser | undefined;

  filter(message: Message): boolean {
    const target = this.target(message);
    if (target === undefined) return false;
    if (this.#ids.size > 0) return this.#ids.has(target.id);
    if (this.#usernames.size > 0)
      return target.username !== undefined && this.#usernames.has(target.username);
    return this.allowEmpty;
  }

  /** e.g. `filters.Chat(-100, -200)`, listing the current ids or usernames. */
  override get name(): string {
    const values = this.#usernames.size > 0 ? [...this.#usernames] : [...this.#ids];
    return `${this.#label}(${values.join(', ')})`;
  }

  override set name(_value: string) {
    throw new Error(`Cannot set the name of ${this.#label}`);
  }

  /** The allowed usernames (a copy). */
  get usernames(): ReadonlySet<string> {
    return new Set(this.#usernames);
  }

  /** Replaces the allowed usernames. */
  set usernames(value: string | Iterable<string>) {
    this.setUsernames(value);
  }

  /** Allows more usernames (leading `@` dropped). */
  addUsernames(usernames: string | Iterable<string>): void {
    this.#assertNoIds();
    for (const name of usernameList(usernames)) this.#usernames.add(name);
  }

  /** Stops allowing the given usernames. */
  removeUsernames(usernames: string | Iterable<string>): void {
    this.#assertNoIds();
    for (const name of usernameList(usernames)) this.#usernames.delete(name);
  }

  protected get ids(): ReadonlySet<number> {
    return new Set(this.#ids);
  }

  /** Replaces the allowed ids; throws if usernames are set, since a filter matches by one or the other. */
  protected setIds(ids: number | Iterable<number> | undefined): void {
    const list = idList(ids);
    if (list.length > 0 && this.#usernames.size > 0) {
      throw new Error(`Can't set ${this.#idName} in conjunction with (already set) usernames`);
    }
    this.#ids.clear();
    for (const id of list) this.#ids.add(id);
  }

  /** Replaces the allowed usernames (a leading `@` is dropped); throws if ids are set. */
  protected setUsernames(usernames: string | Iterable<string> | undefined): void {
    const list = usernameList(usernames);
    if (list.length > 0 && this.#ids.size > 0) {
      throw new Error(`Can't set usernames in conjunction with (already set) ${this.#idName}s`);
    }
    this.#usernames.clear();
    for (const name of list) this.#usernames.add(name);
  }

  /** Allows more ids; throws if the filter matches by usernames. */
  protected addIds(ids: number | Iterable<number>): void {
    this.#assertNoUsernames();
    for (const id of idList(ids)) this.#ids.add(id);
  }

  /** Stops allowing these ids; throws if the filter matches by usernames. */
  protected removeIds(ids: number | Iterable<number>): void {
    this.#assertNoUsernames();
    for (const id of idList(ids)) this.#ids.delete(id);
  }

  #assertNoIds(): void {
    if (this.#ids.size > 0) {
      throw new Error(`Can't set usernames in conjunction with (already set) ${this.#idName}s`);
    }
  }

  #assertNoUsernames(): void {
    if (this.#usernames.size > 0) {
      throw new Error(`Can't set ${this.#idName} in conjunction with (already set) usernames`);
    }
  }
}

/** Options of {@link Chat}, {@link ForwardedFrom} and {@link SenderChat}. */
export interface ChatFilterOptions {
  /** Chat id(s) to allow. */
  chatId?: number | Iterable<number>;
  /** Username(s) to allow, with or without `@`. */
  username?: string | Iterable<string>;
  /** Pass every message while no id or username is set. Default `false`. */
  allowEmpty?: boolean;
}

abstract class ChatIdFilter<M extends object> extends IdUsernameFilter<M> {
  protected constructor(label: string, options: ChatFilterOptions) {
    super(label, 'chat_id', options.chatId, options.username, options.allowEmpty ?? false);
  }

  /** The allowed chat ids (a copy). */
  get chatIds(): ReadonlySet<number> {
    return this.ids;
  }

  /** Replaces the allowed chat ids. */
  set chatIds(value: number | Iterable<number>) {
    this.setIds(value);
  }

  /** Allows more chat ids. */
  addChatIds(chatIds: number | Iterable<number>): void {
    this.addIds(chatIds);
  }

  /** Stops allowing the given chat ids. */
  removeChatIds(chatIds: number | Iterable<number>): void {
    this.removeIds(chatIds);
  }
}

/**
 * Messages in the given chats.
 *
 * @example const admins = new filters.Chat({ chatId: -1001234 }); admins.addChatIds(-1005678);
 */
export class Chat extends ChatIdFilter<object> {
  constructor(options: ChatFilterOptions = {}) {
    super('filters.Chat', options);
  }

  protected target(message: Message): TgChat {
    return message.chat;
  }
}

/**
 * Messages forwarded from the given users, chats or channels (from `forward_origin`; users who
 * hide their account in forwards cannot be matched).
 */
export class ForwardedFrom extends ChatIdFilter<Has<'forward_origin'>> {
  constructor(options: ChatFilterOptions = {}) {
    super('filters.ForwardedFrom', options);
  }

  protected target(message: Message): TgChat | TgUser | undefined {
    const origin = message.forward_origin;
    if (origin === undefined) return undefined;
    switch (origin.type) {
      case 'user':
        return 'sender_user' in origin ? origin.sender_user : undefined;
      case 'chat':
        return 'sender_chat' in origin ? origin.sender_chat : undefined;
      case 'channel':
        return 'chat' in origin ? origin.chat : undefined;
      default:
        return undefined;
    }
  }
}

/**
 * Messages sent on behalf of the given chats (channels posting to a discussion group, anonymous
 * admins). `SenderChat.ALL`, `.CHANNEL` and `.SUPER_GROUP` pass any such chat of that kind.
 */
export class SenderChat extends ChatIdFilter<Has<'sender_chat'>> {
  /** Messages with any sender chat. */
  static readonly ALL = new FieldFilter<Has<'sender_chat'>>('filters.SenderChat.ALL', (m) => m.sender_chat);
  /** Messages sent on behalf of a channel. */
  static readonly CHANNEL = new FieldFilter<{ readonly sender_chat: TgChat & { readonly type: 'channel' } }>(
    'filters.SenderChat.CHANNEL',
    (m) => m.sender_chat?.type === 'channel',
  );
  /** Messages sent on behalf of a supergroup (anonymous admins). */
  static readonly SUPER_GROUP = new FieldFilter<{
    readonly sender_chat: TgChat & { readonly type: 'supergroup' };
  }>('filters.SenderChat.SUPER_GROUP', (m) => m.sender_chat?.type === 'supergroup');

  constructor(options: ChatFilterOptions = {}) {
    super('filters.SenderChat', options);
  }

  protected target(message: Message): TgChat | undefined {
    return message.sender_chat;
  }
}

/** Options of {@link User}. */
export interface UserFilterOptions {
  /** User id(s) to allow. */
  userId?: number | Iterable<number>;
  /** Username(s) to allow, with or without `@`. */
  username?: string | Iterable<string>;
  /** Pass every message with a sender while no id or username is set. Default `false`. */
  allowEmpty?: boolean;
}

/**
 * Messages from the given users.
 *
 * @example const owner = new filters.User({ username: '@me' });
 */
export class User extends IdUsernameFilter<Has<'from'>> {
  constructor(options: UserFilterOptions = {}) {
    super('filters.User', 'user_id', options.userId, options.username, options.allowEmpty ?? false);
  }

  protected target(message: Message): TgUser | undefined {
    return message.from;
  }

  /** The allowed user ids (a copy). */
  get userIds(): ReadonlySet<number> {
    return this.ids;
  }

  /** Replaces the allowed user ids. */
  set userIds(value: number | Iterable<number>) {
    this.setIds(value);
  }

  /** Allows more user ids. */
  addUserIds(userIds: number | Iterable<number>): void {
    this.addIds(userIds);
  }

  /** Stops allowing the given user ids. */
  removeUserIds(userIds: number | Iterable<number>): void {
    this.removeIds(userIds);
  }
}

/** Options of {@link ViaBot}. */
export interface ViaBotFilterOptions {
  /** Bot id(s) to allow. */
  botId?: number | Iterable<number>;
  /** Bot username(s) to allow, with or without `@`. */
  username?: string | Iterable<string>;
  /** Pass every message sent via a bot while no id or username is set. Default `false`. */
  allowEmpty?: boolean;
}

/** Messages sent via the given inline bots. */
export class ViaBot extends IdUsernameFilter<Has<'via_bot'>> {
  constructor(options: ViaBotFilterOptions = {}) {
    super('filters.ViaBot', 'bot_id', options.botId, options.username, options.allowEmpty ?? false);
  }

  protected target(message: Message): TgUser | undefined {
    return message.via_bot;
  }

  /** The allowed bot ids (a copy). */
  get botIds(): ReadonlySet<number> {
    return this.ids;
  }

  /** Replaces the allowed bot ids. */
  set botIds(value: number | Iterable<number>) {
    this.setIds(value);
  }

  /** Allows more bot ids. */
  addBotIds(botIds: number | Iterable<number>): void {
    this.addIds(botIds);
  }

  /** Stops allowing the given bot ids. */
  removeBotIds(botIds: number | Iterable<number>): void {
    this.removeIds(botIds);
  }
}

/** A message in a chat of type `T`. */
export type InChat<T extends string> = { readonly chat: TgChat & { readonly type: T } };

/** Filters on the type of the message's chat (a group of filters, not a filter itself). */
export const ChatType = Object.freeze({
  /** Messages in channels. */
  CHANNEL: new FieldFilter<InChat<'channel'>>('filters.ChatType.CHANNEL', (m) => m.chat.type === 'channel'),
  /** Messages in basic groups. */
  GROUP: new FieldFilter<InChat<'group'>>('filters.ChatType.GROUP', (m) => m.chat.type === 'group'),
  /** Messages in groups or supergroups. */
  GROUPS: new FieldFilter<InChat<'group' | 'supergroup'>>(
    'filters.ChatType.GROUPS',
    (m) => m.chat.type === 'group' || m.chat.type === 'supergroup',
  ),
  /** Messages in private chats. */
  PRIVATE: new FieldFilter<InChat<'private'>>('filters.ChatType.PRIVATE', (m) => m.chat.type === 'private'),
  /** Messages in supergroups. */
  SUPERGROUP: new FieldFilter<InChat<'supergroup'>>(
    'filters.ChatType.SUPERGROUP',
    (m) => m.chat.type === 'supergroup',
  ),
});
