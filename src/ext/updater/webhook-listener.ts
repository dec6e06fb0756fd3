/**
 * A webhook endpoint as a node request listener, `(req, res) => void`, for node:http servers and
 * the frameworks built on them (Express, Fastify, Koa, Connect).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defaultLogger } from '../logging.js';
import {
  checkMaxBodySize,
  deliverBody,
  errorReporter,
  REFUSAL_REPLIES,
  refuseRequest,
  SECRET_TOKEN_HEADER,
  SecretTokenCheck,
} from './webhook-check.js';
import { WebhookGate } from './webhook-gate.js';
import type { WebhookHandlerOptions, WebhookTarget } from './webhook-handler.js';

/** Options of {@link webhookListener} (and `Application.webhookListener`): those of the web-standard handler. */
export type WebhookListenerOptions = WebhookHandlerOptions;

/**
 * A request that a framework may already have read: `body` is what its JSON parser made of it
 * (Express's `express.json()` sets `req.body`; with Fastify, pass `request.body` this way).
 */
export type WebhookIncomingMessage = IncomingMessage & { body?: unknown };

/** A node request listener. */
export type WebhookNodeListener = (request: WebhookIncomingMessage, response: ServerResponse) => void;

function send(
  response: ServerResponse,
  status: number,
  text: string,
  close: boolean,
  extra?: Readonly<Record<string, string>>,
): void {
  if (response.headersSent || response.writableEnded) return;
  const headers: Record<string, string> = {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...extra,
  };
  // Refusals before the body was read close the connection: the unread body is never consumed.
  if (close) headers.connection = 'close';
  response.writeHead(status, headers).end(text);
}

/** Whether a framework already consumed the body (its parsed value is then in `request.body`). */
function alreadyRead(request: WebhookIncomingMessage): boolean {
  return request.body !== undefined || request.readableEnded;
}

/**
 * Makes a webhook endpoint for node:http-style servers that feeds `target.updateQueue`, with the
 * checks of the built-in server: `POST` only (405), the secret token compared in constant time
 * (403), `Content-Type: application/json` (403), the body limit (413; the rest of the body is not
 * read), a body that parses as an update (400, reported to `errorCallback`); then it queues the
 * update and answers 200 once it was handled (or after `ackTimeout`, default 30 s), so a crash
 * loses no answered update. At most `maxInFlight` updates (default 256) are in flight; further
 * requests wait unread. With an `Application` as target, requests get 503 while it is not
 * running, so Telegram delivers them again later. Routing (the path) is left to your server.
 *
 * The body is read from the request stream, or, when a framework parsed it first, taken from
 * `request.body` (an object from a JSON parser, or a string or Buffer of the raw text); the size
 * limit is then checked against the declared Content-Length.
 *
 * The application must be initialized and started by you, and Telegram told about the URL; the
 * method form is {@link Application.webhookListener}.
 *
 * @example
 * ```ts
 * const listener = webhookListener(app, { secretToken: process.env.WEBHOOK_SECRET });
 * createServer(listener).listen(8080); // node:http
 * server.post('/telegram', listener); // Express, with or without express.json()
 * // Fastify: hand over the raw request with the body Fastify parsed
 * fastify.post('/telegram', (request, reply) => {
 *   reply.hijack();
 *   listener(Object.assign(request.raw, { body: request.body }), reply.raw);
 * });
 * ```
 */
export function webhookListener(
  target: WebhookTarget,
  options: WebhookListenerOptions = {},
): WebhookNodeListener {
  const secret = new SecretTokenCheck(options.secretToken);
  const maxBodySize = checkMaxBodySize(options.maxBodySize);
  const logger = target.logger ?? defaultLogger;
  const report = errorReporter(logger, options.errorCallback);
  const gate = new WebhookGate(options, logger);

  // Runs with a slot taken: freed at once on a refusal, once handled otherwise.
  const finish = (response: ServerResponse, body: unknown): void => {
    const delivery = deliverBody(body, target, report);
    if (delivery === undefined) {
      send(response, 400, 'Bad Request: the body is not an update', false);
      gate.release();
      return;
    }
    gate.answerWhenHandled(delivery.handled, delivery.updateId, () => send(response, 200, '', false));
  };

  return (request, response) => {
    const headers = request.headers;
    const unread = !alreadyRead(request);
    const refused = refuseRequest(
      {
        method: request.method,
        secretHeader: headers[SECRET_TOKEN_HEADER] as string | undefined,
        contentType: headers['content-type'],
        contentLength: headers['content-length'],
      },
      secret,
      maxBodySize,
      target.running,
    );
    if (refused !== undefined) {
      send(response, refused.status, refused.text, unread, refused.headers);
      return;
    }
    gate.admit(
      () => {
        if (target.running === false || request.destroyed) {
          send(response, REFUSAL_REPLIES.stopped.status, REFUSAL_REPLIES.stopped.text, unread);
          gate.release();
          return;
        }
        if (!unread) {
          const body = request.body;
          finish(response, Buffer.isBuffer(body) ? body.toString('utf8') : body);
          return;
        }
        readBounded(request, response, maxBodySize, finish, () => gate.release());
      },
      () => send(response, 503, 'Service Unavailable', unread),
    );
  };
}

/** Reads the body (at most `limit` bytes: 413 beyond, and the stream is left unread) and calls `done`. */
function readBounded(
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
  done: (response: ServerResponse, text: string) => void,
  abandon: () => void,
): void {
  let settled = false;
  const giveUp = (): void => {
    if (settled) return;
    settled = true;
    abandon();
  };
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  const onData = (chunk: Buffer): void => {
    size += chunk.length;
    if (size > limit) {
      over = true;
      request.off('data', onData);
      request.pause();
      send(response, REFUSAL_REPLIES.tooLarge.status, REFUSAL_REPLIES.tooLarge.text, true);
      giveUp();
      return;
    }
    chunks.push(chunk);
  };
  request.on('data', onData);
  request.once('end', () => {
    if (over || settled) return;
    settled = true;
    done(response, Buffer.concat(chunks, size).toString('utf8'));
  });
  // The client went away mid-body: nothing to answer, the slot is freed.
  request.once('error', () => undefined);
  request.once('close', () => {
    if (!request.readableEnded) giveUp();
  });
}
