/**
 * The HTTP(S) server behind `Updater.startWebhook` (PTB's tornado-based `WebhookServer`): takes
 * Telegram's POSTs on one path, checks them and puts each update into the update queue.
 */
import { lstat, unlink } from 'node:fs/promises';
import {
  createServer as createHttpServer,
  IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Bot } from '../../bot.js';
import type { Logger } from '../../logging.js';
import type { MalformedUpdateError } from '../errors.js';
import { defaultLogger } from '../logging.js';
import type { UpdateQueue } from './update-queue.js';
import {
  checkMaxBodySize,
  declaredTooLarge,
  deliverBody,
  errorReporter,
  REFUSAL_REPLIES,
  type RefusalReply,
  refuseHead,
  SECRET_TOKEN_HEADER,
  SecretTokenCheck,
  type WebhookRefusal,
} from './webhook-check.js';
import { WebhookGate, type WebhookGateOptions } from './webhook-gate.js';

/** PEM certificate and private key of an HTTPS webhook server. */
export interface WebhookTls {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
}

/** Options of {@link WebhookServer}. */
export interface WebhookServerOptions extends WebhookGateOptions {
  /** The path Telegram posts to, e.g. `/webhook` (`/` when empty); a trailing slash is accepted too. */
  readonly path?: string | undefined;
  /** Requests must carry it in `X-Telegram-Bot-Api-Secret-Token` (403 otherwise). */
  readonly secretToken?: string | undefined;
  /** The largest body accepted, in bytes (413 beyond); default 1 MiB. */
  readonly maxBodySize?: number | undefined;
  /** Serve HTTPS with this certificate and key instead of plain HTTP. */
  readonly tls?: WebhookTls | undefined;
  /** Receives bodies that are not updates (they are answered 400); default: logged as errors. */
  readonly errorCallback?: ((error: MalformedUpdateError) => void) | undefined;
  readonly logger?: Logger | undefined;
  /**
   * A path answering `GET` with the server's health as JSON ({@link WebhookHealth}), without the
   * secret token (it shows no update content). Off by default.
   */
  readonly healthPath?: string | undefined;
  /** How long {@link WebhookServer.stop} waits for updates in flight to be handled and answered before cutting their requests, in ms; default 35000. */
  readonly stopTimeoutMs?: number | undefined;
}

/** What the health route of a {@link WebhookServer} answers. */
export interface WebhookHealth {
  /** `false` while the server is stopping (then answered with status 503). */
  readonly ok: boolean;
  /** When the last update was accepted (ISO 8601), or `null` before the first. */
  readonly lastUpdateAt: string | null;
  /** Updates in flight: their body being read, or queued, or being handled. */
  readonly updatesInFlight: number;
  /** Requests held unread because `maxInFlight` updates are in flight. */
  readonly requestsHeld: number;
  /** Updates queued and not yet taken by the application. */
  readonly updatesQueued: number;
  /** Seconds since the server started listening. */
  readonly uptime: number;
}

/** Where a {@link WebhookServer} listens: a host and port, or a unix socket path. */
export type WebhookListenTarget =
  | { readonly host: string; readonly port: number }
  | { readonly unix: string };

/** The request class of the server: the state of reading one body, so no closure is made per request. */
class WebhookRequest extends IncomingMessage {
  owner: Intake | undefined = undefined;
  response: ServerResponse | undefined = undefined;
  chunks: Buffer[] = [];
  size = 0;
  settled = true;
}

function headersOf(text: string, close: boolean): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  };
  if (close) headers.connection = 'close';
  return Object.freeze(headers);
}

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The same answer, closing the connection. */
  readonly closing: Readonly<Record<string, string>>;
}

function answer(status: number, text: string, close = false): Answer {
  return { status, text, headers: headersOf(text, close), closing: headersOf(text, true) };
}

const OK = answer(200, '');
const BAD_REQUEST = answer(400, 'Bad Request: the body is not an update');
// Refusals before the body was read close the connection: the unread body is never consumed.
const closingAnswer = ({ status, text, headers }: RefusalReply): Answer => {
  const all = Object.freeze({ ...headersOf(text, true), ...headers });
  return { status, text, headers: all, closing: all };
};
const WRONG_SECRET = closingAnswer(REFUSAL_REPLIES.secret);
const WRONG_TYPE = closingAnswer(REFUSAL_REPLIES.type);
const NOT_FOUND = answer(404, 'Not Found', true);
const TOO_LARGE = closingAnswer(REFUSAL_REPLIES.tooLarge);
const UNAVAILABLE = answer(503, 'Service Unavailable: the server is stopping', true);
const NOT_ALLOWED = closingAnswer(REFUSAL_REPLIES.method);
const REFUSALS: Readonly<Record<WebhookRefusal, Answer>> = {
  method: NOT_ALLOWED,
  secret: WRONG_SECRET,
  type: WRONG_TYPE,
};

function send(response: ServerResponse, reply: Answer, close: boolean): void {
  response.writeHead(reply.status, close ? reply.closing : reply.headers).end(reply.text);
}

/** The path a webhook serves: `''` (or none) becomes `/`, a missing leading slash is added. */
export function normalizeWebhookPath(path: string | undefined): string {
  if (path === undefined || path === '') return '/';
  return path.startsWith('/') ? path : `/${path}`;
}

/** Removes a unix socket file left behind by an earlier run (as tornado does); refuses other files. */
async function removeStaleSocket(path: string): Promise<void> {
  try {
    const stats = await lstat(path);
    if (!stats.isSocket()) throw new Error(`${path} exists and is not a unix socket`);
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function delay(ms: number): { promise: Promise<void>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, ms));
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * What happens to accepted requests: they are admitted by the gate (held unread past its bound),
 * their bodies are collected (bounded), parsed and queued, and each is answered once its update
 * was handled.
 */
class Intake {
  readonly bot: Bot;
  readonly queue: UpdateQueue;
  readonly maxBodySize: number;
  readonly report: (error: MalformedUpdateError) => void;
  readonly gate: WebhookGate;
  stopping = false;
  lastUpdateAt: number | undefined;

  constructor(
    bot: Bot,
    queue: UpdateQueue,
    maxBodySize: number,
    report: (error: MalformedUpdateError) => void,
    gate: WebhookGate,
  ) {
    this.bot = bot;
    this.queue = queue;
    this.maxBodySize = maxBodySize;
    this.report = report;
    this.gate = gate;
  }

  /** Admits a request: its body is read now, or once an update in flight finished. */
  accept(request: WebhookRequest, response: ServerResponse): void {
    this.gate.admit(
      () => this.read(request, response),
      () => send(response, UNAVAILABLE, true),
    );
  }

  /** Starts reading the body of an admitted request (its slot is taken). */
  read(request: WebhookRequest, response: ServerResponse): void {
    if (request.destroyed || request.socket.destroyed) {
      // The client went away while the request was held.
      this.gate.release();
      return;
    }
    request.owner = this;
    request.response = response;
    request.settled = false;
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  }

  /** The whole body arrived: queue its update (200 once handled) or refuse it (400). */
  finish(request: WebhookRequest, response: ServerResponse): void {
    const chunks = request.chunks;
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, request.size);
    const delivery = deliverBody(
      body.toString('utf8'),
      { bot: this.bot, updateQueue: this.queue },
      this.report,
    );
    if (delivery === undefined) {
      send(response, BAD_REQUEST, this.stopping);
      this.settle(request);
      return;
    }
    this.lastUpdateAt = Date.now();
    // The slot now belongs to the update: freed once it was handled, not when the client leaves.
    request.settled = true;
    request.chunks = [];
    request.response = undefined;
    this.gate.answerWhenHandled(delivery.handled, delivery.updateId, () => {
      if (!response.writableEnded && !response.destroyed) send(response, OK, this.stopping);
    });
  }

  /** The request is done with before its update was queued (refused or abandoned by the client). */
  settle(request: WebhookRequest): void {
    if (request.settled) return;
    request.settled = true;
    request.chunks = [];
    request.response = undefined;
    this.gate.release();
  }
}

// Listeners of an accepted request (`this` is the request): shared by all requests.

function onData(this: WebhookRequest, chunk: Buffer): void {
  const owner = this.owner;
  if (this.settled || owner === undefined) return;
  const size = this.size + chunk.length;
  if (size > owner.maxBodySize) {
    this.removeListener('data', onData);
    this.pause();
    if (this.response !== undefined) send(this.response, TOO_LARGE, true);
    owner.settle(this);
    return;
  }
  this.size = size;
  this.chunks.push(chunk);
}

function onEnd(this: WebhookRequest): void {
  const owner = this.owner;
  const response = this.response;
  if (this.settled || owner === undefined || response === undefined) return;
  owner.finish(this, response);
}

function onError(this: WebhookRequest): void {
  // The client went away mid-body; 'close' follows and settles the request.
}

function onClose(this: WebhookRequest): void {
  this.owner?.settle(this);
}

/**
 * A webhook endpoint on node:http (or node:https with `tls`). Only `POST <path>` is served: other
 * paths get 404, other methods 405, a wrong or missing secret token or a non-JSON Content-Type
 * 403, a body over `maxBodySize` 413 (it is not read further), a body that is not an update 400
 * (and goes to `errorCallback`); anything else is put into the update queue and answered 200 once it
 * was handled (or after `ackTimeout`), so an update Telegram saw answered is never lost to a crash.
 * At most `maxInFlight` updates are in flight; further requests wait unread. `Updater.startWebhook` runs one; use it directly to serve a queue yourself.
 *
 * @example
 * ```ts
 * const server = new WebhookServer(bot, queue, { path: '/hook', secretToken: 'S3cret' });
 * await server.listen({ host: '127.0.0.1', port: 8443 });
 * // ... updates arrive in `queue`
 * await server.stop();
 * ```
 */
export class WebhookServer {
  readonly #server: Server;
  readonly #intake: Intake;
  readonly #path: string;
  readonly #slashPath: string;
  readonly #secret: SecretTokenCheck;
  readonly #maxBodySize: number;
  readonly #logger: Logger;
  readonly #stopTimeoutMs: number;
  readonly #healthPath: string | undefined;
  #listeningSince = 0;
  #stopping: Promise<void> | undefined;

  constructor(bot: Bot, updateQueue: UpdateQueue, options: WebhookServerOptions = {}) {
    this.#path = normalizeWebhookPath(options.path);
    this.#slashPath = this.#path.endsWith('/') ? this.#path : `${this.#path}/`;
    this.#secret = new SecretTokenCheck(options.secretToken);
    this.#maxBodySize = checkMaxBodySize(options.maxBodySize);
    this.#logger = options.logger ?? defaultLogger;
    this.#healthPath =
      options.healthPath === undefined ? undefined : normalizeWebhookPath(options.healthPath);
    if (this.#healthPath === this.#path) throw new TypeError('healthPath must differ from the webhook path');
    const report = errorReporter(this.#logger, options.errorCallback);
    const gate = new WebhookGate(options, this.#logger);
    this.#intake = new Intake(bot, updateQueue, this.#maxBodySize, report, gate);
    this.#stopTimeoutMs = options.stopTimeoutMs ?? 35_000;
    const serverOptions = { IncomingMessage: WebhookRequest };
    this.#server =
      options.tls === undefined
        ? createHttpServer(serverOptions, this.#onRequest)
        : createHttpsServer(
            { ...serverOptions, cert: options.tls.cert, key: options.tls.key },
            this.#onRequest,
          );
    // A slow or stalled client cannot hold a connection (or a stop) for long.
    this.#server.requestTimeout = 30_000;
    this.#server.headersTimeout = 10_000;
  }

  /** The path served (always starting with `/`). */
  get path(): string {
    return this.#path;
  }

  /** Whether the server is listening. */
  get listening(): boolean {
    return this.#server.listening;
  }

  /** The bound address (the real port after listening on port 0), or the unix socket path. */
  get address(): AddressInfo | string | undefined {
    return this.#server.address() ?? undefined;
  }

  /** Updates in flight: being read, queued or handled (at most `maxInFlight`). */
  get pendingRequests(): number {
    return this.#intake.gate.inFlight;
  }

  /** Starts listening; resolves once connections are accepted. A stale unix socket file is replaced. */
  async listen(target: WebhookListenTarget): Promise<void> {
    if (this.#stopping !== undefined) throw new Error('The webhook server was stopped; make a new one');
    if ('unix' in target) await removeStaleSocket(target.unix);
    const server = this.#server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      const ready = (): void => {
        server.off('error', reject);
        resolve();
      };
      if ('unix' in target) server.listen(target.unix, ready);
      else server.listen(target.port, target.host, ready);
    });
    server.on('error', (error) => this.#logger.error('The webhook server failed', error));
    this.#listeningSince = Date.now();
  }

  /** The server's health, as its health route answers it. */
  get health(): WebhookHealth {
    const intake = this.#intake;
    return {
      ok: this.#stopping === undefined && this.#server.listening,
      lastUpdateAt: intake.lastUpdateAt === undefined ? null : new Date(intake.lastUpdateAt).toISOString(),
      updatesInFlight: intake.gate.inFlight,
      requestsHeld: intake.gate.held,
      updatesQueued: intake.queue.size,
      uptime: this.#listeningSince === 0 ? 0 : Math.floor((Date.now() - this.#listeningSince) / 1000),
    };
  }

  /**
   * Stops accepting requests, lets the updates in flight be handled and answered (new and held
   * requests get 503, so Telegram delivers them again later), then closes every connection.
   * Requests still unanswered after `stopTimeoutMs` are cut (Telegram delivers them again). The
   * application must go on taking updates from the queue meanwhile.
   */
  stop(): Promise<void> {
    this.#stopping ??= this.#shutDown();
    return this.#stopping;
  }

  async #shutDown(): Promise<void> {
    this.#intake.stopping = true;
    this.#intake.gate.refuseHeld();
    const server = this.#server;
    if (!server.listening) return;
    let closed = false;
    const whenClosed = new Promise<void>((resolve) => {
      server.close(() => {
        closed = true;
        resolve();
      });
    });
    server.closeIdleConnections();
    const deadline = Date.now() + this.#stopTimeoutMs;
    const timeout = delay(deadline - Date.now());
    await Promise.race([this.#intake.gate.idle(), timeout.promise]);
    timeout.cancel();
    // Connections that were busy when the stop began close once their answer is out.
    while (!closed && Date.now() < deadline) {
      server.closeIdleConnections();
      const tick = delay(10);
      await Promise.race([whenClosed, tick.promise]);
      tick.cancel();
    }
    if (!closed) server.closeAllConnections();
    await whenClosed;
  }

  readonly #onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    const url = request.url ?? '';
    if (this.#healthPath !== undefined && this.#matchesPath(url, this.#healthPath)) {
      this.#answerHealth(request, response);
      return;
    }
    if (this.#stopping !== undefined) {
      send(response, UNAVAILABLE, true);
      return;
    }
    if (url !== this.#path && !this.#matchesPath(url, this.#path, this.#slashPath)) {
      send(response, NOT_FOUND, true);
      return;
    }
    const headers = request.headers;
    const refusal = refuseHead(
      request.method,
      headers[SECRET_TOKEN_HEADER] as string | undefined,
      headers['content-type'],
      this.#secret,
    );
    if (refusal !== undefined) {
      send(response, REFUSALS[refusal], true);
      return;
    }
    if (declaredTooLarge(headers['content-length'], this.#maxBodySize)) {
      send(response, TOO_LARGE, true);
      return;
    }
    this.#intake.accept(request as WebhookRequest, response);
  };

  #answerHealth(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-length': '0', connection: 'close' }).end();
      return;
    }
    const health = this.health;
    const text = JSON.stringify(health);
    response
      .writeHead(health.ok ? 200 : 503, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(text)),
        'cache-control': 'no-store',
      })
      .end(request.method === 'HEAD' ? undefined : text);
  }

  #matchesPath(url: string, path: string, slashPath = path.endsWith('/') ? path : `${path}/`): boolean {
    const query = url.indexOf('?');
    const bare = query === -1 ? url : url.slice(0, query);
    return bare === path || bare === slashPath;
  }
}
