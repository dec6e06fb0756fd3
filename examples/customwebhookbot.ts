/**
 * The seed's customwebhookbot on the framework: the bot runs behind a small HTTP server of its own
 * (plain `node:http`) instead of the library's updater. The server takes Telegram's webhook posts
 * on `/telegram`, custom updates from any other service on `/submitpayload`, and answers
 * `/healthcheck`. Custom updates are `WebhookUpdate` objects put into the application's update
 * queue and handled by a `TypeHandler`; a context class of our own gives them the `userData` of the
 * user they name. Each payload is forwarded to an admin chat together with every payload the user
 * sent before.
 *
 * Run it with `BOT_TOKEN=<token> WEBHOOK_URL=https://your.domain ADMIN_CHAT_ID=<id> PORT=8000
 * WEBHOOK_SECRET=<secret> npx tsx examples/customwebhookbot.ts` (add BOT_API_BASE_URL to run it
 * against the emulator; there WEBHOOK_URL must be `http://127.0.0.1:<PORT>`). Telegram must reach
 * WEBHOOK_URL; the server itself listens on 127.0.0.1, behind your reverse proxy.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { escapeHtml, Update } from 'typescript-telegram-bot';
import {
  Application,
  CallbackContext,
  CommandHandler,
  type ContextConstructor,
  type ContextHost,
  ContextTypes,
  type ExtBot,
  TypeHandler,
} from 'typescript-telegram-bot/ext';

/** A custom update: some other service tells the bot that a user submitted a payload. */
export class WebhookUpdate {
  constructor(
    readonly userId: number,
    readonly payload: string,
  ) {}
}

/** Per-user data: the payloads the user submitted so far. */
export interface UserData {
  payloads?: string[];
}

/** The default context, except that a {@link WebhookUpdate} gets the `userData` of its user. */
export class CustomContext extends CallbackContext<ExtBot, UserData> {
  static override fromUpdate<T>(this: ContextConstructor<T>, update: unknown, application: ContextHost): T {
    if (update instanceof WebhookUpdate) return new this(application, undefined, update.userId);
    // biome-ignore lint/complexity/noThisInStatic: `super` passes on `this`, so the base factory builds our class (or a subclass).
    return super.fromUpdate(update, application) as T;
  }
}

/** What the bot needs to know besides its token. */
export interface BotSettings {
  /** The public base URL of the server, e.g. `https://bot.example.org` (no trailing slash). */
  readonly url: string;
  /** The chat that receives the submitted payloads. */
  readonly adminChatId: number;
}

/** `/start`: how to use the two HTTP routes. */
export function makeStart(settings: BotSettings): (update: Update, context: CustomContext) => Promise<void> {
  return async (update) => {
    const payloadUrl = escapeHtml(`${settings.url}/submitpayload?user_id=<your user id>&payload=<payload>`);
    await update.message?.replyHtml(
      `To check if the bot is still running, call <code>${escapeHtml(settings.url)}/healthcheck</code>.\n\n` +
        `To post a custom update, call <code>${payloadUrl}</code>.`,
    );
  };
}

/** A {@link WebhookUpdate}: remember the payload and tell the admin about every payload so far. */
export function makeWebhookUpdate(
  settings: BotSettings,
): (update: WebhookUpdate, context: CustomContext) => Promise<void> {
  return async (update, context) => {
    // Asking Telegram for the user also checks that the id names someone who talked to the bot.
    const member = await context.bot.getChatMember(update.userId, update.userId);
    const data = context.userData;
    if (data === undefined) throw new Error('A WebhookUpdate always has a user');
    data.payloads ??= [];
    data.payloads.push(update.payload);
    const listed = data.payloads.map((payload) => `• <code>${escapeHtml(payload)}</code>`).join('\n');
    await context.bot.sendMessage(
      settings.adminChatId,
      `The user ${member.user.mentionHtml()} has sent a new payload. ` +
        `So far they have sent the following payloads: \n\n${listed}`,
      { parse_mode: 'HTML' },
    );
  };
}

/** The application with the bot's handlers and no updater (our HTTP server feeds the queue). */
export function buildApplication(
  token: string,
  settings: BotSettings,
  baseUrl?: string,
): Application<CustomContext> {
  const builder = Application.builder()
    .token(token)
    .updater(null)
    .contextTypes(new ContextTypes({ context: CustomContext }));
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  app.addHandler(new CommandHandler('start', makeStart(settings)));
  app.addHandler(new TypeHandler(WebhookUpdate, makeWebhookUpdate(settings)));
  return app;
}

/** Options of {@link startBot}. */
export interface StartBotOptions {
  readonly token: string;
  /** The Bot API base URL (the emulator's `baseUrl`); Telegram's when omitted. */
  readonly baseUrl?: string | undefined;
  /** The port the HTTP server listens on. */
  readonly port: number;
  /** The interface it listens on; 127.0.0.1 by default. */
  readonly host?: string | undefined;
  /** The public base URL Telegram and other services reach the server at. */
  readonly url: string;
  readonly adminChatId: number;
  /** Telegram sends it with every webhook post; 1-256 of `A-Z a-z 0-9 _ -`. */
  readonly secretToken: string;
  /** The largest request body accepted, in bytes (1 MiB by default). */
  readonly maxBodyBytes?: number | undefined;
}

/** A running bot. */
export interface RunningBot {
  /** Stops the HTTP server, then the application. */
  stop(): Promise<void>;
}

/** A request the server refuses, with the status and text to answer. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The request body, refused with 413 once it grows past `limit` bytes. A refused body is left
 * unread (the answer then closes the connection), so nothing beyond the limit is buffered.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new HttpError(413, 'Request body too large'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (): void => {
      request.off('data', onData).off('end', onEnd).off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      done();
      request.pause();
      reject(new HttpError(413, 'Request body too large'));
    };
    const onEnd = (): void => {
      done();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error): void => {
      done();
      reject(error);
    };
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/**
 * Compares two strings in time that depends neither on where they differ nor on their lengths:
 * `timingSafeEqual` needs equal lengths, so it compares their SHA-256 digests.
 */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function answer(response: ServerResponse, status: number, text: string, close = false): void {
  const headers: Record<string, string | number> = {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  };
  // A refused request may leave its body unread: end the connection rather than reuse it.
  if (close) headers.connection = 'close';
  response.writeHead(status, headers).end(text);
}

/** The request handler of the server: three routes, everything else 404 (or 405). */
function makeRoutes(
  app: Application<CustomContext>,
  secretToken: string,
  maxBodyBytes: number,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    const target = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    switch (target.pathname) {
      case '/telegram': {
        if (method !== 'POST') throw new HttpError(405, 'Use POST');
        const given = request.headers['x-telegram-bot-api-secret-token'];
        if (typeof given !== 'string' || !sameSecret(given, secretToken)) {
          throw new HttpError(403, 'Wrong secret token');
        }
        const body = await readBody(request, maxBodyBytes);
        let update: Update;
        try {
          update = Update.fromJSON(JSON.parse(body.toString('utf8')), app.bot);
        } catch {
          throw new HttpError(400, 'The body is not an update');
        }
        app.updateQueue.put(update);
        answer(response, 200, '');
        return;
      }
      case '/submitpayload': {
        if (method !== 'POST' && method !== 'GET') throw new HttpError(405, 'Use GET or POST');
        // Parameters come in the query string; a POST body is read (bounded) and ignored.
        if (method === 'POST') await readBody(request, maxBodyBytes);
        const rawUserId = target.searchParams.get('user_id');
        const payload = target.searchParams.get('payload');
        if (rawUserId === null || payload === null) {
          throw new HttpError(400, 'Please pass both `user_id` and `payload` as query parameters.');
        }
        const userId = Number(rawUserId);
        if (!/^-?\d+$/.test(rawUserId) || !Number.isSafeInteger(userId)) {
          throw new HttpError(400, 'The `user_id` must be an integer.');
        }
        app.updateQueue.put(new WebhookUpdate(userId, payload));
        answer(response, 200, "Thank you for the submission! It's being forwarded.");
        return;
      }
      case '/healthcheck':
        if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'Use GET');
        answer(response, 200, 'The bot is still running fine :)');
        return;
      default:
        throw new HttpError(404, 'Not found');
    }
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections with no request in flight would hold close() open.
    server.closeIdleConnections();
  });
}

/**
 * Starts the application and the HTTP server, then points Telegram's webhook at `<url>/telegram`.
 * Resolves once updates can arrive.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const app = buildApplication(
    options.token,
    { url: options.url, adminChatId: options.adminChatId },
    options.baseUrl,
  );
  const routes = makeRoutes(app, options.secretToken, options.maxBodyBytes ?? 1024 * 1024);
  const server = createServer((request, response) => {
    routes(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof HttpError) {
        answer(response, error.status, error.message, true);
        return;
      }
      app.logger.error('The webhook server failed on a request', error);
      answer(response, 500, 'Internal server error', true);
    });
  });
  // A slow or stalled client cannot hold a connection forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  await app.initialize();
  let started = false;
  let listening = false;
  try {
    await app.start();
    started = true;
    await listen(server, options.port, options.host ?? '127.0.0.1');
    listening = true;
    await app.bot.setWebhook(`${options.url}/telegram`, {
      allowed_updates: Update.ALL_TYPES,
      secret_token: options.secretToken,
    });
  } catch (error) {
    if (listening) await close(server);
    if (started) await app.stop();
    await app.shutdown();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    stop(): Promise<void> {
      stopping ??= (async () => {
        // No new updates first; then the application handles what is queued and ends.
        await close(server);
        try {
          await app.stop();
        } finally {
          await app.shutdown();
        }
      })();
      return stopping;
    },
  };
}

async function main(): Promise<void> {
  const env = process.env;
  const token = env.BOT_TOKEN;
  if (!token) throw new Error('Set BOT_TOKEN to the token @BotFather gave you');
  const url = env.WEBHOOK_URL;
  if (!url) throw new Error('Set WEBHOOK_URL to the public https URL Telegram reaches this server at');
  const adminChatId = Number(env.ADMIN_CHAT_ID);
  if (!Number.isSafeInteger(adminChatId)) throw new Error('Set ADMIN_CHAT_ID to the id of the admin chat');
  const secretToken = env.WEBHOOK_SECRET;
  if (!secretToken) throw new Error('Set WEBHOOK_SECRET (1-256 of A-Z a-z 0-9 _ -)');
  const bot = await startBot({
    token,
    baseUrl: env.BOT_API_BASE_URL,
    port: Number(env.PORT ?? 8000),
    url: url.replace(/\/+$/, ''),
    adminChatId,
    secretToken,
  });
  // Runs until Ctrl-C (SIGINT) or SIGTERM.
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await bot.stop();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
