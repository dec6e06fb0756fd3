/** The emulator's entry point: starts the server and exposes the control API to TypeScript. */
import type { LogEntry } from './api-log.js';
import type { ChatJSON, JsonValue, UserJSON } from './client.js';
import { ControlClient, EmulatorError } from './client.js';
import {
  type PollingApplication,
  type RunApplicationOptions,
  type RunningApplication,
  runApplication,
} from './run-application.js';
import type { ServerOptions } from './server.js';
import { EmulatorServer } from './server.js';
import type { FloodLimits } from './state/flood.js';
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
 * await emu.stop(); // or start it with `await using emu = ...` to stop it at the end of the block
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
  /** The web chat's address, e.g. `http://127.0.0.1:8081/ui/`, when started with `ui: true`. */
  readonly uiUrl: string | undefined;
  readonly #server: EmulatorServer;
  #stopped: Promise<void> | undefined;

  private constructor(server: EmulatorServer) {
    this.#server = server;
    this.origin = server.origin;
    this.baseUrl = `${this.origin}/bot`;
    this.fileBaseUrl = `${this.origin}/file/bot`;
    this.control = new ControlClient(this.origin);
    this.uiUrl = server.uiEnabled ? `${this.origin}/ui/` : undefined;
  }

  /**
   * Starts an emulator listening on 127.0.0.1 (a free port unless `port` is given); with
   * `ui: true` it also serves the web chat at {@link uiUrl}.
   */
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

  /**
   * Makes an HTTP URL serve these bytes when a bot sends it as a file (the emulator never fetches
   * anything); unregistered URLs get Telegram's "failed to get HTTP URL content".
   */
  async registerUrl(
    url: string,
    content: Uint8Array | string,
    options: { contentType?: string } = {},
  ): Promise<void> {
    // A multipart form, not JSON: its size bound is the upload limit, large enough for any file.
    const form = new FormData();
    form.set('url', url);
    form.set('content_base64', Buffer.from(content).toString('base64'));
    if (options.contentType !== undefined) form.set('content_type', options.contentType);
    const response = await fetch(`${this.origin}/_emulator/files/register_url`, {
      method: 'POST',
      body: form,
    });
    const body = (await response.json()) as { ok: boolean; error_code?: number; description?: string };
    if (!body.ok)
      throw new EmulatorError(body.error_code ?? response.status, body.description ?? 'unknown error');
  }

  /**
   * Registers a bot's Telegram Passport public key (PEM, RSA of 2048 bits or more), as its owner
   * gives it to BotFather; users' Passport data is then encrypted for it.
   */
  async setPassportKey(bot: BotInfo, publicKeyPem: string): Promise<void> {
    await this.control.call('POST', 'bots/passport_key', { bot_id: bot.id, public_key_pem: publicKeyPem });
  }

  /** The errors a bot last reported (setPassportDataErrors) about a user's Passport data, if any. */
  async passportErrors(bot: BotInfo, user: SimulatedUser): Promise<readonly JsonValue[] | undefined> {
    const errors = await this.control.call<JsonValue[] | null>('GET', 'passport_errors', {
      bot_id: bot.id,
      user_id: user.id,
    });
    return errors ?? undefined;
  }

  /** The transcript of a chat (use `user.chatWith(bot)` for a private chat). */
  async transcript(chat: ChatRef): Promise<Transcript> {
    return new Transcript(
      await this.control.call('GET', 'transcript', { chat_id: chat.id, bot_id: chat.botId }),
    );
  }

  /**
   * Turns Telegram's flood limits on (`true`, or an object changing some of them) or off (`false`)
   * and starts counting afresh.
   *
   * @example
   * await emu.setFloodLimits({ groupPerMinute: 5 }); // Telegram's limits, 5 a minute in groups
   */
  async setFloodLimits(limits: boolean | FloodLimits): Promise<void> {
    const on = limits !== false;
    const values = typeof limits === 'object' ? limits : {};
    await this.control.call('POST', 'flood', {
      enabled: on,
      private_per_second: values.privatePerSecond,
      private_burst: values.privateBurst,
      group_per_minute: values.groupPerMinute,
      global_per_second: values.globalPerSecond,
    });
  }

  /**
   * Moves the emulator's clock forward by `ms` at once: flood limits and message dates see the
   * time pass; real timers (long polls, expectations) do not.
   *
   * @example
   * await emu.advanceClock(retryAfter * 1000); // the wait a 429 asked for, without sleeping
   */
  async advanceClock(ms: number): Promise<void> {
    await this.control.call('POST', 'clock', { advance_ms: ms });
  }

  /**
   * Stops the emulator's clock (`frozen` true, the default) so that only {@link advanceClock}
   * moves it, making flood limits independent of how fast a test runs; `false` lets it run again.
   */
  async freezeClock(frozen = true): Promise<void> {
    await this.control.call('POST', 'clock', { frozen });
  }

  /**
   * Routes webhooks whose URL starts with `urlPrefix` (e.g. `https://bot.example.org`) to a
   * loopback `target` (e.g. `http://127.0.0.1:8443`), the rest of the URL appended: what a
   * reverse proxy in front of the bot does. `null` removes the route.
   */
  async routeWebhook(urlPrefix: string, target: string | null): Promise<void> {
    await this.control.call('POST', 'webhook_routes', { url_prefix: urlPrefix, target: target ?? '' });
  }

  /**
   * Starts an application (`Application` from `typescript-telegram-bot/ext`) polling this
   * emulator in the current process, and resolves once it polls. Build it with a token from
   * {@link createBot} and `.baseUrl(emu.baseUrl)`; stop it with `running.stop()` or `await using`.
   *
   * @example
   * const info = await emu.createBot({ username: 'echo_bot' });
   * const app = Application.builder().token(info.token).baseUrl(emu.baseUrl).build();
   * await using running = await emu.runApplication(app);
   */
  runApplication(app: PollingApplication, options: RunApplicationOptions = {}): Promise<RunningApplication> {
    return runApplication(this, app, options);
  }

  /**
   * The debugging log the web chat shows, oldest first: each update queued for a bot and each
   * Bot API call a bot made with its answer and duration (the last 500 by default). Empty unless
   * the emulator was started with `ui: true`. `afterId` keeps only the entries after that id.
   */
  apiLog(afterId = 0): LogEntry[] {
    return this.#server.apiLog(afterId);
  }

  /** Stops the server, ending long polls and webhook deliveries; calling it again does nothing more. */
  stop(): Promise<void> {
    this.#stopped ??= this.#server.close();
    return this.#stopped;
  }

  /** Stops the emulator at the end of an `await using` block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }
}
