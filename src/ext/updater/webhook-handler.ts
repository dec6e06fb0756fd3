/**
 * A webhook endpoint as a web-standard `(request: Request) => Promise<Response>` function, for
 * servers built on the Fetch API: Hono, Bun.serve, Deno.serve, Cloudflare Workers, Next.js route
 * handlers, or node:http through an adapter.
 */
import type { Bot } from '../../bot.js';
import type { Logger } from '../../logging.js';
import type { MalformedUpdateError } from '../errors.js';
import { defaultLogger } from '../logging.js';
import type { UpdateQueue } from './update-queue.js';
import {
  checkMaxBodySize,
  deliverBody,
  errorReporter,
  REFUSAL_REPLIES,
  refuseRequest,
  SECRET_TOKEN_HEADER,
  SecretTokenCheck,
} from './webhook-check.js';
import { WebhookGate, type WebhookGateOptions } from './webhook-gate.js';

/** Options of {@link webhookHandler} (and `Application.webhookHandler`). */
export interface WebhookHandlerOptions extends WebhookGateOptions {
  /** The secret token given to setWebhook: requests must carry it in `X-Telegram-Bot-Api-Secret-Token` (403 otherwise). */
  readonly secretToken?: string | undefined;
  /** The largest body accepted, in bytes (413 beyond, not read further); default 1 MiB. */
  readonly maxBodySize?: number | undefined;
  /** Receives bodies that are not updates (answered 400); default: logged. */
  readonly errorCallback?: ((error: MalformedUpdateError) => void) | undefined;
}

/** Where a {@link webhookHandler} delivers updates: an `Application`, or any bot and queue. */
export interface WebhookTarget {
  readonly bot: Bot;
  readonly updateQueue: UpdateQueue;
  readonly logger?: Logger | undefined;
  /** When present and `false`, requests get 503 and Telegram delivers them again later. */
  readonly running?: boolean | undefined;
}

/** A web-standard request handler. */
export type WebhookRequestHandler = (request: Request) => Promise<Response>;

const decoder = new TextDecoder();

function isRunning(target: WebhookTarget): boolean {
  return target.running !== false;
}

function reply(status: number, text: string, extra?: Readonly<Record<string, string>>): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...extra },
  });
}

/** The body's bytes, or `undefined` once it grows past `limit` (the rest is not read). */
async function readBounded(request: Request, limit: number): Promise<Uint8Array | undefined> {
  const stream = request.body;
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Makes a web-standard webhook endpoint that feeds `target.updateQueue` — PTB's custom-webhook
 * pattern, ready-made. It applies the checks of the built-in server: `POST` only (405), the secret
 * token compared in constant time (403), `Content-Type: application/json` (403), the body limit
 * (413), a body that parses as an update (400, reported to `errorCallback`); then it queues the
 * update and answers 200 once it was handled (or after `ackTimeout`, default 30 s), so a crash
 * loses no answered update. At most `maxInFlight` updates (default 256) are in flight; further
 * requests wait before their body is read. Routing (the path) is left to your server. With an
 * `Application` as target, requests get 503 while it is not running, so Telegram retries them.
 *
 * The application must be initialized and started by you, and Telegram told about the URL; the
 * method form is {@link Application.webhookHandler}.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * const app = Application.builder().token(process.env.BOT_TOKEN!).updater(null).build();
 * app.addHandler(new CommandHandler('start', (update) => update.message!.replyText('Hi!')));
 * await app.initialize();
 * await app.start();
 * await app.bot.setWebhook('https://bot.example.org/telegram', { secret_token: process.env.WEBHOOK_SECRET });
 *
 * const handle = webhookHandler(app, { secretToken: process.env.WEBHOOK_SECRET });
 * const server = new Hono();
 * server.post('/telegram', (c) => handle(c.req.raw));
 * export default server; // Bun: Bun.serve({ fetch: handle }); Deno: Deno.serve(handle)
 * // on shutdown: await app.stop(); await app.shutdown();
 * ```
 */
export function webhookHandler(
  target: WebhookTarget,
  options: WebhookHandlerOptions = {},
): WebhookRequestHandler {
  const secret = new SecretTokenCheck(options.secretToken);
  const maxBodySize = checkMaxBodySize(options.maxBodySize);
  const logger = target.logger ?? defaultLogger;
  const report = errorReporter(logger, options.errorCallback);
  const gate = new WebhookGate(options, logger);
  const admitted = (): Promise<boolean> =>
    new Promise<boolean>((resolve) =>
      gate.admit(
        () => resolve(true),
        () => resolve(false),
      ),
    );

  return async (request) => {
    const headers = request.headers;
    const refused = refuseRequest(
      {
        method: request.method,
        secretHeader: headers.get(SECRET_TOKEN_HEADER),
        contentType: headers.get('content-type'),
        contentLength: headers.get('content-length'),
      },
      secret,
      maxBodySize,
      target.running,
    );
    if (refused !== undefined) return reply(refused.status, refused.text, refused.headers);
    // The application may have stopped while the request was held.
    if (!(await admitted()) || !isRunning(target)) {
      gate.release();
      return reply(REFUSAL_REPLIES.stopped.status, REFUSAL_REPLIES.stopped.text);
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await readBounded(request, maxBodySize);
    } catch {
      gate.release();
      return reply(400, 'Bad Request: the body could not be read');
    }
    if (bytes === undefined) {
      gate.release();
      return reply(REFUSAL_REPLIES.tooLarge.status, REFUSAL_REPLIES.tooLarge.text);
    }
    const delivery = deliverBody(decoder.decode(bytes), target, report);
    if (delivery === undefined) {
      gate.release();
      return reply(400, 'Bad Request: the body is not an update');
    }
    return new Promise<Response>((resolve) =>
      gate.answerWhenHandled(delivery.handled, delivery.updateId, () =>
        resolve(new Response(null, { status: 200 })),
      ),
    );
  };
}
