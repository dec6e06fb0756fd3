/** The emulator's whole state and the operations every part of it shares. */
import { randomBytes } from 'node:crypto';
import { badRequest, forbidden } from '../errors.js';
import type { RegisteredUrl } from './files.js';
import { MEDIA_KINDS } from './files.js';
import { FloodMeter } from './flood.js';
import type {
  BotRecord,
  ChatRecord,
  ChatType,
  FileRecord,
  Json,
  MemberRecord,
  MessageRecord,
  PollRecord,
  TranscriptEntry,
  UserRecord,
} from './records.js';

/** Options of a new bot. */
export interface BotOptions {
  username?: string | undefined;
  firstName?: string | undefined;
  canJoinGroups?: boolean | undefined;
  canReadAllGroupMessages?: boolean | undefined;
  supportsInlineQueries?: boolean | undefined;
}

/** Options of a new user. */
export interface UserOptions {
  firstName: string;
  lastName?: string | undefined;
  username?: string | undefined;
  languageCode?: string | undefined;
  isPremium?: boolean | undefined;
}

/** Options of a new group, supergroup or channel. */
export interface ChatOptions {
  type: Exclude<ChatType, 'private'>;
  title: string;
  username?: string | undefined;
  /** The creator (owner); a user id. */
  ownerId?: number | undefined;
  /** Users who are members from the start. */
  memberIds?: readonly number[] | undefined;
  isForum?: boolean | undefined;
}

/** A query (callback, inline, shipping, pre-checkout) waiting for the bot's answer. */
export interface PendingQuery {
  readonly botId: number;
  readonly kind: 'callback_query' | 'inline_query' | 'shipping_query' | 'pre_checkout_query';
  readonly userId: number;
  readonly payload: Json;
  answer: Json | undefined;
}

interface Waiter {
  readonly check: () => boolean;
  readonly cancel: () => void;
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += TOKEN_ALPHABET[byte & 63];
  return out;
}

/** The JSON `User` of a simulated person. */
export function userJson(user: UserRecord): Json {
  const out: Json = { id: user.id, is_bot: false, first_name: user.first_name };
  if (user.last_name !== undefined) out.last_name = user.last_name;
  if (user.username !== undefined) out.username = user.username;
  if (user.language_code !== undefined) out.language_code = user.language_code;
  if (user.is_premium === true) out.is_premium = true;
  return out;
}

/** The JSON `User` of a bot. */
export function botUserJson(bot: BotRecord): Json {
  return { id: bot.id, is_bot: true, first_name: bot.firstName, username: bot.username };
}

/** The in-memory world: bots, users, chats, messages, files and pending queries. */
export class World {
  readonly bots = new Map<string, BotRecord>();
  readonly botsById = new Map<number, BotRecord>();
  readonly users = new Map<number, UserRecord>();
  readonly chats = new Map<string, ChatRecord>();
  readonly files = new Map<string, FileRecord>();
  /** Contents registered for HTTP URLs, served in place of fetching them. */
  readonly urls = new Map<string, RegisteredUrl>();
  readonly polls = new Map<string, PollRecord>();
  readonly queries = new Map<string, PendingQuery>();
  /** Messages sent through inline mode, by inline_message_id. */
  readonly inlineMessages = new Map<string, { chatKey: string; messageId: number }>();
  /** Invoice details the message JSON does not show (payload, flexibility), by `chatKey:messageId`. */
  readonly invoices = new Map<string, Json>();
  /** Webhook routes: a public URL prefix (canonical form) to the loopback URL that serves it. */
  readonly webhookRoutes = new Map<string, string>();
  /** Called whenever a bot's queue gets an update (webhook delivery listens). */
  onEnqueue: (bot: BotRecord) => void = () => {};
  /** Called after any change (the web chat refreshes what it shows). */
  readonly changeListeners = new Set<() => void>();
  /** Sending limits and their counters. */
  readonly flood = new FloodMeter();
  /** How far the emulator's clock runs ahead of the real one while it runs, in ms. */
  #clockOffsetMs = 0;
  /** The time the clock shows while frozen. */
  #frozenAtMs: number | undefined;
  #seq = 0;
  #nextUserId = 100_000_001;
  #nextBotId = 7_000_000_001;
  #nextGroupId = 4_000_000_001;
  #nextSuperId = 1_000_000_000_001;
  #nextQueryId = 1;
  #pollCount = 0;
  #fileCount = 0;
  readonly #waiters = new Set<Waiter>();
  readonly #timers = new Set<NodeJS.Timeout>();

  /** The emulator's current time in ms since the epoch: the real time plus the advances made. */
  nowMs(): number {
    return this.#frozenAtMs ?? Date.now() + this.#clockOffsetMs;
  }

  /** The emulator's current Unix time in seconds. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** Whether the clock stands still (it then moves only by {@link advanceClock}). */
  get clockFrozen(): boolean {
    return this.#frozenAtMs !== undefined;
  }

  /**
   * Moves the emulator's clock forward (message dates, flood windows) without waiting; real
   * timers (long polls, waits, webhook retries) are not affected.
   */
  advanceClock(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw badRequest('the clock only moves forward: advance_ms must be >= 0');
    if (this.#frozenAtMs === undefined) this.#clockOffsetMs += ms;
    else this.#frozenAtMs += ms;
  }

  /** Stops the clock at the time it shows, or lets it run on from there. */
  freezeClock(frozen: boolean): void {
    if (frozen) {
      this.#frozenAtMs ??= this.nowMs();
    } else if (this.#frozenAtMs !== undefined) {
      this.#clockOffsetMs = this.#frozenAtMs - Date.now();
      this.#frozenAtMs = undefined;
    }
  }

  /** The next number of the emulator-wide event sequence. */
  nextSeq(): number {
    this.#seq += 1;
    return this.#seq;
  }

  /** A new id for a callback, inline, shipping or pre-checkout query. */
  queryId(): string {
    return `${Date.now().toString(36)}${(this.#nextQueryId++).toString(36).padStart(6, '0')}`;
  }

  /** The next number for a poll id (polls of bots and of users share it). */
  nextPollNumber(): number {
    this.#pollCount += 1;
    return this.#pollCount;
  }

  /** The next number for a stored file (its unique id and its file_path). */
  nextFileNumber(): number {
    this.#fileCount += 1;
    return this.#fileCount;
  }

  /** Registers a bot account and returns its record. */
  createBot(options: BotOptions = {}): BotRecord {
    const id = this.#nextBotId++;
    const username = options.username ?? `emulated_${id}_bot`;
    if (!/^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(username) || !/bot$/i.test(username)) {
      throw badRequest('bot username is invalid: 5-32 characters, ending in "bot"');
    }
    if (this.findBotByUsername(username) !== undefined) throw badRequest('bot username is already taken');
    const bot: BotRecord = {
      id,
      token: `${id}:${randomToken(35)}`,
      username,
      firstName: options.firstName ?? username,
      canJoinGroups: options.canJoinGroups ?? true,
      canReadAllGroupMessages: options.canReadAllGroupMessages ?? false,
      supportsInlineQueries: options.supportsInlineQueries ?? true,
      queue: [],
      nextUpdateId: 1 + Math.floor(Math.random() * 100_000),
      allowedUpdates: undefined,
      webhook: undefined,
      activePoll: undefined,
      commands: new Map(),
      properties: new Map(),
      blockedBy: new Set(),
    };
    this.bots.set(bot.token, bot);
    this.botsById.set(bot.id, bot);
    this.bump();
    return bot;
  }

  /** Finds a bot by username (case-insensitive, with or without `@`). */
  findBotByUsername(username: string): BotRecord | undefined {
    const wanted = username.replace(/^@/, '').toLowerCase();
    for (const bot of this.botsById.values()) if (bot.username.toLowerCase() === wanted) return bot;
    return undefined;
  }

  /** Registers a simulated user. */
  createUser(options: UserOptions): UserRecord {
    if (options.firstName.trim() === '') throw badRequest('first_name is empty');
    const user: UserRecord = {
      id: this.#nextUserId++,
      first_name: options.firstName,
      ...(options.lastName !== undefined && { last_name: options.lastName }),
      ...(options.username !== undefined && { username: options.username }),
      ...(options.languageCode !== undefined && { language_code: options.languageCode }),
      ...(options.isPremium !== undefined && { is_premium: options.isPremium }),
    };
    this.users.set(user.id, user);
    this.bump();
    return user;
  }

  /** The user with this id, or a 400. */
  user(id: number): UserRecord {
    const user = this.users.get(id);
    if (user === undefined) throw badRequest('user not found');
    return user;
  }

  /** Creates a group, supergroup or channel. */
  createChat(options: ChatOptions): ChatRecord {
    const id = options.type === 'group' ? -this.#nextGroupId++ : -this.#nextSuperId++;
    const chat = this.#newChat(String(id), id, options.type, undefined, undefined);
    chat.title = options.title;
    chat.username = options.username;
    chat.isForum = options.isForum ?? false;
    if (options.ownerId !== undefined) {
      this.user(options.ownerId);
      chat.members.set(options.ownerId, member(options.ownerId, 'creator'));
    }
    for (const userId of options.memberIds ?? []) {
      this.user(userId);
      if (!chat.members.has(userId)) chat.members.set(userId, member(userId, 'member'));
    }
    this.chats.set(chat.key, chat);
    this.bump();
    return chat;
  }

  #newChat(key: string, id: number, type: ChatType, botId?: number, userId?: number): ChatRecord {
    return {
      id,
      type,
      key,
      title: undefined,
      username: undefined,
      description: undefined,
      botId,
      userId,
      members: new Map(),
      messages: new Map(),
      nextMessageId: 1,
      pinned: [],
      permissions: {
        can_send_messages: true,
        can_send_photos: true,
        can_send_polls: true,
        can_invite_users: true,
      },
      migratedTo: undefined,
      joinRequests: new Map(),
      transcript: [],
      isForum: false,
      topics: new Map(),
    };
  }

  /** The private chat of a bot with a user, created on first use. */
  privateChat(bot: BotRecord, user: UserRecord): ChatRecord {
    const key = `${bot.id}:${user.id}`;
    let chat = this.chats.get(key);
    if (chat === undefined) {
      chat = this.#newChat(key, user.id, 'private', bot.id, user.id);
      this.chats.set(key, chat);
    }
    return chat;
  }

  /** A group, supergroup or channel by id, or undefined. */
  sharedChat(id: number): ChatRecord | undefined {
    return this.chats.get(String(id));
  }

  /** The chat of a control-API call: a shared chat id, or a private chat named by user and bot. */
  chatByRef(chatId: number, botId: number | undefined): ChatRecord {
    const shared = this.sharedChat(chatId);
    if (shared !== undefined) return shared;
    if (botId !== undefined) {
      const chat = this.chats.get(`${botId}:${chatId}`);
      if (chat !== undefined) return chat;
    }
    throw badRequest('chat not found');
  }

  /**
   * Resolves a `chat_id` parameter as the bot sees it: a private chat (the user's id), a group id,
   * or a public `@username`. Throws Telegram's error when the bot cannot reach it.
   */
  chatForBot(bot: BotRecord, chatId: unknown, forSending = false): ChatRecord {
    let chat: ChatRecord | undefined;
    if (typeof chatId === 'string') {
      const name = chatId.replace(/^@/, '').toLowerCase();
      for (const candidate of this.chats.values()) {
        if (candidate.type !== 'private' && candidate.username?.toLowerCase() === name) chat = candidate;
      }
      if (chat === undefined) throw badRequest('chat not found');
    } else if (typeof chatId === 'number') {
      chat = this.sharedChat(chatId) ?? this.chats.get(`${bot.id}:${chatId}`);
      if (chat === undefined) {
        if (this.users.has(chatId)) throw forbidden("bot can't initiate conversation with a user");
        if (this.botsById.has(chatId)) throw forbidden("bot can't send messages to bots");
        throw badRequest('chat not found');
      }
    } else {
      throw badRequest('chat not found');
    }
    if (chat.type === 'private') {
      if (forSending && chat.userId !== undefined && bot.blockedBy.has(chat.userId)) {
        throw forbidden('bot was blocked by the user');
      }
      return chat;
    }
    if (chat.migratedTo !== undefined) {
      throw badRequest('group chat was upgraded to a supergroup chat', {
        migrate_to_chat_id: chat.migratedTo,
      });
    }
    const status = chat.members.get(bot.id)?.status;
    if (status === undefined || status === 'left' || status === 'kicked') {
      if (chat.type === 'channel') throw badRequest('chat not found');
      const kind = chat.type === 'group' ? 'group chat' : 'supergroup chat';
      throw forbidden(
        status === 'kicked' ? `bot was kicked from the ${kind}` : `bot is not a member of the ${kind}`,
      );
    }
    return chat;
  }

  /** The JSON `Chat` of a chat. */
  chatJson(chat: ChatRecord): Json {
    if (chat.type === 'private') {
      const user = this.users.get(chat.userId ?? 0);
      const out: Json = { id: chat.id, type: 'private', first_name: user?.first_name ?? '' };
      if (user?.last_name !== undefined) out.last_name = user.last_name;
      if (user?.username !== undefined) out.username = user.username;
      return out;
    }
    const out: Json = { id: chat.id, type: chat.type, title: chat.title ?? '' };
    if (chat.username !== undefined) out.username = chat.username;
    if (chat.isForum) out.is_forum = true;
    return out;
  }

  /** The JSON `User` of any account id (user or bot). */
  accountJson(id: number): Json {
    const bot = this.botsById.get(id);
    if (bot !== undefined) return botUserJson(bot);
    return userJson(this.user(id));
  }

  /** The display name of an account id. */
  accountName(id: number): string {
    const bot = this.botsById.get(id);
    if (bot !== undefined) return `@${bot.username}`;
    const user = this.users.get(id);
    return user === undefined ? String(id) : user.first_name;
  }

  /** Adds a message to a chat and its transcript. `fields` are the content fields of Message. */
  addMessage(chat: ChatRecord, senderId: number, fields: Json, date = this.now()): MessageRecord {
    const bot = this.botsById.get(senderId);
    const messageId = chat.nextMessageId++;
    const json: Json = { message_id: messageId };
    if (chat.type === 'channel') json.sender_chat = this.chatJson(chat);
    else json.from = this.accountJson(senderId);
    json.date = date;
    json.chat = this.chatJson(chat);
    Object.assign(json, fields);
    for (const key of ['entities', 'caption_entities']) {
      const list = json[key];
      if (Array.isArray(list)) json[key] = list.map((entity: Json) => this.#withMentionedUser(entity));
    }
    const record: MessageRecord = { json, seq: this.nextSeq(), botId: bot?.id, reactions: new Map() };
    chat.messages.set(messageId, record);
    this.log(chat, 'message', senderId, messageId, json, record.seq);
    return record;
  }

  /** A `text_mention` entity names its user by id only; fill in the whole `User`. */
  #withMentionedUser(entity: Json): Json {
    const user = entity.user as Json | undefined;
    if (user === undefined || typeof user.id !== 'number') return entity;
    const known = this.users.has(user.id) || this.botsById.has(user.id);
    const full = known ? this.accountJson(user.id) : { id: user.id, is_bot: false, first_name: '', ...user };
    return { ...entity, user: full };
  }

  /** Appends an entry to a chat's transcript and wakes waiters. */
  log(
    chat: ChatRecord,
    kind: TranscriptEntry['kind'],
    fromId: number,
    messageId: number | undefined,
    message: Json | undefined,
    seq = this.nextSeq(),
    summary = message === undefined ? kind : summarize(message),
  ): void {
    chat.transcript.push({
      seq,
      kind,
      fromId,
      fromBot: this.botsById.has(fromId),
      fromName: this.accountName(fromId),
      messageId,
      message,
      summary,
    });
    this.bump();
  }

  /** A message of a chat, or the given 400. */
  message(chat: ChatRecord, messageId: unknown, missing = 'message not found'): MessageRecord {
    const record = typeof messageId === 'number' ? chat.messages.get(messageId) : undefined;
    if (record === undefined) throw badRequest(missing);
    return record;
  }

  /** Queues an update for a bot when its `allowed_updates` accept that kind. */
  enqueue(bot: BotRecord, type: string, payload: Json): boolean {
    const allowed = bot.allowedUpdates;
    const accepted =
      allowed === undefined || allowed.length === 0
        ? !['chat_member', 'message_reaction', 'message_reaction_count'].includes(type)
        : allowed.includes(type);
    if (!accepted) return false;
    const update_id = bot.nextUpdateId++;
    bot.queue.push({ update_id, type, json: { update_id, [type]: payload } });
    this.bump();
    this.onEnqueue(bot);
    return true;
  }

  /** Re-checks every waiter; called after any change. */
  bump(): void {
    for (const waiter of [...this.#waiters]) waiter.check();
    for (const listener of this.changeListeners) listener();
  }

  /**
   * Waits until `probe` returns a value (checked now and after every change) or the timeout passes;
   * resolves to the value or undefined. An abort signal ends the wait early.
   */
  waitFor<T>(probe: () => T | undefined, timeoutMs: number, signal?: AbortSignal): Promise<T | undefined> {
    const first = probe();
    if (first !== undefined || timeoutMs <= 0) return Promise.resolve(first);
    return new Promise((resolve) => {
      const finish = (value: T | undefined): void => {
        this.#waiters.delete(waiter);
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const waiter: Waiter = {
        cancel: () => finish(undefined),
        check: () => {
          const value = probe();
          if (value === undefined) return false;
          finish(value);
          return true;
        },
      };
      const onAbort = (): void => finish(undefined);
      const timer = setTimeout(() => finish(undefined), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.add(waiter);
    });
  }

  /** Runs `task` after `delayMs` unless the emulator stops first. */
  schedule(delayMs: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      task();
    }, delayMs);
    timer.unref();
    this.#timers.add(timer);
  }

  /** Ends every pending wait and scheduled task (on shutdown). */
  releaseWaiters(): void {
    for (const waiter of [...this.#waiters]) waiter.cancel();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}

/** A fresh member record. */
export function member(userId: number, status: MemberRecord['status']): MemberRecord {
  return { userId, status, rights: {}, untilDate: 0, customTitle: undefined };
}

const CONTENT_KINDS = [
  ...MEDIA_KINDS,
  'location',
  'venue',
  'contact',
  'poll',
  'dice',
  'invoice',
  'successful_payment',
  'passport_data',
  'new_chat_members',
  'left_chat_member',
  'pinned_message',
  'migrate_to_chat_id',
  'migrate_from_chat_id',
  'group_chat_created',
  'new_chat_title',
];

/** A one-line description of a message for transcripts. */
export function summarize(message: Json): string {
  if (typeof message.text === 'string') return message.text;
  const kind = CONTENT_KINDS.find((name) => message[name] !== undefined) ?? 'message';
  const caption = typeof message.caption === 'string' ? ` ${message.caption}` : '';
  return `[${kind}]${caption}`;
}
