/** The emulator's entry point: starts the server and exposes the control API to TypeScript. */
import type { FloodLimit } from './api.js';
import type { ChatJSON, UserJSON } from './client.js';
import { ControlClient } from './client.js';
import type { ServerOptions } from './server.js';
import { EmulatorServer } from './server.js';
import { Transcript } from './transcript.js';
import type { BotInfo, ChatRef } from './users.js';
import { chatRef, SimulatedUser } from './users.js';

/** Options of {@link Emulator.start}. */
export type EmulatorOptions = ServerOptions;

/** Options of a new bot account. */
export interface CreateBotOptions {
  /** Must end in `bot`; generated when omitted. */
  readonly username?: string;
  readonly firstName?: string;
  readonly canJoinGroups?: boolean;
  /** Privacy mode off: the bot sees every group message (false by default, as on Telegram). */
  readonly canReadAllGroupMessages?: boolean;
  readonly supportsInlineQueries?: boolean;
}

/** Options of a new simulated user. */
export interface CreateUserOptions {
  readonly firstName: string;
  readonly lastName?: string;
  readonly username?: string;
  readonly languageCode?: string;
  readonly isPremium?: boolean;
}

/** Options of a new group, supergroup or channel. */
export interface CreateChatOptions {
  readonly title: string;
  readonly username?: string;
  /** The owner. */
  readonly owner?: SimulatedUser;
  /** Users who are members from the start. */
  readonly members?: readonly SimulatedUser[];
  /** Bots to add as members. */
  readonly bots?: readonly BotInfo[];
  /** Bots to add as administrators. */
  readonly adminBots?: readonly BotInfo[];
  readonly isForum?: boolean;
}

/**
 * An in-memory Telegram Bot API on loopback.
 *
 * @example
 * const emu = await Emulator.start();
 * const bot = await emu.createBot({ username: 'echo_bot' });
 * // point any bot library at emu.baseUrl with bot.token
 * const alice = await emu.createUser({ firstName: 'Alice' });
 * await alice.sendMessage(bot, 'hi');
 * await alice.expectMessage({ text: 'hi' });
 * await emu.stop();
 */
export class Emulator {
  /** The API base to give a bot library: `http://127.0.0.1:<port>/bot` (the token follows). */
  readonly baseUrl: string;
  /** The file download base: `http://127.0.0.1:<port>/file/bot` (token and file_path follow). */
  readonly fileBaseUrl: string;
  /** The server origin, e.g. `http://127.0.0.1:8081`. */
  readonly origin: string;
  /** The control API client the users API is built on. */
  readonly control: ControlClient;
  readonly #server: EmulatorServer;

  private constructor(server: EmulatorServer) {
    this.#server = server;
    this.origin = server.origin;
    this.baseUrl = `${this.origin}/bot`;
    this.fileBaseUrl = `${this.origin}/file/bot`;
    this.control = new ControlClient(this.origin);
  }

  /** Starts an emulator listening on 127.0.0.1 (a free port unless `port` is given). */
  static async start(options: EmulatorOptions = {}): Promise<Emulator> {
    return new Emulator(await EmulatorServer.listen(options));
  }

  /** Creates a bot account; give its token and {@link baseUrl} to the bot under test. */
  createBot(options: CreateBotOptions = {}): Promise<BotInfo> {
    return this.control.call('POST', 'bots', {
      username: options.username,
      first_name: options.firstName,
      can_join_groups: options.canJoinGroups,
      can_read_all_group_messages: options.canReadAllGroupMessages,
      supports_inline_queries: options.supportsInlineQueries,
    });
  }

  /** Creates a simulated user. */
  async createUser(options: CreateUserOptions): Promise<SimulatedUser> {
    const json = await this.control.call<UserJSON>('POST', 'users', {
      first_name: options.firstName,
      last_name: options.lastName,
      username: options.username,
      language_code: options.languageCode,
      is_premium: options.isPremium,
    });
    return new SimulatedUser(this.control, json);
  }

  async #createChat(type: ChatRef['type'], options: CreateChatOptions): Promise<ChatRef> {
    const json = await this.control.call<ChatJSON>('POST', 'chats', {
      type,
      title: options.title,
      username: options.username,
      owner_id: options.owner?.id,
      member_ids: (options.members ?? []).map((user) => user.id),
      is_forum: options.isForum,
    });
    for (const bot of options.bots ?? []) await this.addBot({ id: json.id }, bot);
    for (const bot of options.adminBots ?? []) await this.addBot({ id: json.id }, bot, { admin: true });
    return chatRef(json);
  }

  /** Creates a basic group. */
  createGroup(options: CreateChatOptions): Promise<ChatRef> {
    return this.#createChat('group', options);
  }

  /** Creates a supergroup. */
  createSupergroup(options: CreateChatOptions): Promise<ChatRef> {
    return this.#createChat('supergroup', options);
  }

  /** Creates a channel. */
  createChannel(options: CreateChatOptions): Promise<ChatRef> {
    return this.#createChat('channel', options);
  }

  /** Adds a bot to a chat (the bot gets `my_chat_member` and the `new_chat_members` message). */
  async addBot(
    chat: Pick<ChatRef, 'id'>,
    bot: BotInfo,
    options: { admin?: boolean; by?: SimulatedUser } = {},
  ): Promise<void> {
    await this.control.call('POST', 'chats/add_bot', {
      chat_id: chat.id,
      bot_id: bot.id,
      admin: options.admin ?? false,
      by_user_id: options.by?.id,
    });
  }

  /** Upgrades a group to a supergroup; resolves to the new supergroup. */
  async migrateGroup(chat: ChatRef, by?: SimulatedUser): Promise<ChatRef> {
    return chatRef(
      await this.control.call<ChatJSON>('POST', 'chats/migrate', { chat_id: chat.id, by_user_id: by?.id }),
    );
  }

  /** The transcript of a chat (use `user.chatWith(bot)` for a private chat). */
  async transcript(chat: ChatRef): Promise<Transcript> {
    return new Transcript(
      await this.control.call('GET', 'transcript', { chat_id: chat.id, bot_id: chat.botId }),
    );
  }

  /** Sets (or with undefined, removes) the flood limit for sending methods. */
  async setFloodLimit(limit: FloodLimit | undefined): Promise<void> {
    await this.control.call('POST', 'flood', {
      per_second: limit?.perSecond,
      retry_after: limit?.retryAfter,
    });
  }

  /**
   * Routes webhooks whose URL starts with `urlPrefix` (e.g. `https://bot.example.org`) to a
   * loopback `target` (e.g. `http://127.0.0.1:8443`), the rest of the URL appended: what a
   * reverse proxy in front of the bot does. `null` removes the route.
   */
  async routeWebhook(urlPrefix: string, target: string | null): Promise<void> {
    await this.control.call('POST', 'webhook_routes', { url_prefix: urlPrefix, target: target ?? '' });
  }

  /** Stops the server, ending long polls and webhook deliveries. */
  stop(): Promise<void> {
    return this.#server.close();
  }
}
