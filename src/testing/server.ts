/** The HTTP server: routes Bot API calls, file downloads and the control API. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiDispatcher, answerBody } from './api.js';
import type { LogEntry } from './api-log.js';
import { ApiLog } from './api-log.js';
import { CONTROL_PREFIX, ControlApi } from './control.js';
import { ApiError, notFound, unauthorized } from './errors.js';
import type { BodyLimits, RequestInput } from './http/body.js';
import { readInput } from './http/body.js';
import { endPoll } from './methods/updates.js';
import type { FloodLimits } from './state/flood.js';
import { floodLimitsFor } from './state/flood.js';
import type { BotRecord, Json } from './state/records.js';
import { World } from './state/world.js';
import { WebhookDeliverer } from './webhook.js';
import { WebUi } from './webui.js';

/** Options of {@link EmulatorServer.listen}. */
export interface ServerOptions {
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number | undefined;
  /** Interface to listen on; `127.0.0.1` by default. */
  readonly host?: string | undefined;
  /**
   * Telegram's flood limits on the methods that create messages: `true` for Telegram's values, an
   * object to change some of them. Off by default, so tests may send bursts.
   */
  readonly floodLimits?: boolean | FloodLimits | undefined;
  /** Largest multipart upload, in bytes (50 MB by default). */
  readonly maxUploadBytes?: number | undefined;
  /** Largest JSON or form body, in bytes (1 MB by default). */
  readonly maxJsonBytes?: number | undefined;
  /** First webhook retry delay in ms (100 by default); doubles up to `webhookRetryMaxMs`. */
  readonly webhookRetryBaseMs?: number | undefined;
  /** Longest webhook retry delay in ms (5000 by default). */
  readonly webhookRetryMaxMs?: number | undefined;
  /**
   * Serves the web chat at `/ui/` and keeps the debugging log of updates and Bot API calls it
   * shows (the last {@link ServerOptions.logCapacity} entries). Off by default.
   */
  readonly ui?: boolean | undefined;
  /** How many entries the debugging log keeps (500 by default); only with `ui`. */
  readonly logCapacity?: number | undefined;
}

function send(res: ServerResponse, status: number, body: Json): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const BOT_PATH = /^\/bot([^/]+)\/([^/]*)$/;
const FILE_PATH = /^\/file\/bot([^/]+)\/(.+)$/;

/** The emulator's HTTP server over one world. */
export class EmulatorServer {
  readonly world = new World();
  readonly api: ApiDispatcher;
  readonly webhooks: WebhookDeliverer;
  readonly #control: ControlApi;
  readonly #server: Server;
  readonly #limits: BodyLimits;
  readonly #inflight = new Set<AbortController>();
  /** The debugging log of updates and calls; kept only when the web chat is on. */
  readonly #log: ApiLog | undefined;
  readonly #ui: WebUi | undefined;

  private constructor(options: ServerOptions) {
    this.world.flood.setLimits(floodLimitsFor(options.floodLimits));
    this.api = new ApiDispatcher(this.world);
    this.webhooks = new WebhookDeliverer(
      this.world,
      {
        retryBaseMs: options.webhookRetryBaseMs ?? 100,
        retryMaxMs: options.webhookRetryMaxMs ?? 5000,
        requestTimeoutMs: 10_000,
      },
      async (bot, method, params) => {
        // A method in a webhook's answer: a call like any other, logged as one.
        await this.#logged(bot, method, { params, uploads: new Map() }, () =>
          this.api.runJson(bot, method, params),
        );
      },
    );
    this.api.kickWebhook = (bot) => this.webhooks.kick(bot);
    if (options.ui === true) {
      const log = new ApiLog(options.logCapacity);
      this.#log = log;
      this.#ui = new WebUi(this.world, log);
      this.world.onEnqueue = (bot) => {
        const update = bot.queue.at(-1);
        if (update !== undefined) log.update(bot, update.json);
        this.webhooks.kick(bot);
      };
    } else {
      this.world.onEnqueue = (bot) => this.webhooks.kick(bot);
    }
    this.#control = new ControlApi(this.world, this.api);
    this.#limits = {
      maxUploadBytes: options.maxUploadBytes ?? 50 * 1024 * 1024,
      maxJsonBytes: options.maxJsonBytes ?? 1024 * 1024,
    };
    this.#server = createServer((req, res) => {
      void this.#handle(req, res);
    });
  }

  /** Starts a server and resolves once it listens. */
  static async listen(options: ServerOptions = {}): Promise<EmulatorServer> {
    const server = new EmulatorServer(options);
    await new Promise<void>((resolve, reject) => {
      server.#server.once('error', reject);
      server.#server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.#server.off('error', reject);
        resolve();
      });
    });
    return server;
  }

  /** The server's origin, e.g. `http://127.0.0.1:8081`. */
  get origin(): string {
    const address = this.#server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  /** Whether the web chat is served (at `/ui/`). */
  get uiEnabled(): boolean {
    return this.#ui !== undefined;
  }

  /** The debugging log's entries after `afterId`, oldest first; empty without the web chat. */
  apiLog(afterId = 0): LogEntry[] {
    return this.#log?.entries(afterId) ?? [];
  }

  /** Stops delivering, ends waiting calls and closes the server. */
  async close(): Promise<void> {
    this.webhooks.stop();
    this.#ui?.close();
    for (const bot of this.world.botsById.values()) endPoll(bot);
    for (const controller of this.#inflight) controller.abort();
    this.world.releaseWaiters();
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const controller = new AbortController();
    this.#inflight.add(controller);
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
      this.#inflight.delete(controller);
    });
    try {
      const url = new URL(req.url ?? '/', 'http://emulator');
      const path = url.pathname;
      if (path.startsWith(CONTROL_PREFIX)) {
        const input = await readInput(req, url, this.#limits);
        const result = await this.#control.handle(
          req.method ?? 'GET',
          path.slice(CONTROL_PREFIX.length),
          input.params,
        );
        send(res, 200, { ok: true, result });
        return;
      }
      if (this.#ui !== undefined && WebUi.owns(path)) {
        await this.#ui.handle(req, res, url);
        return;
      }
      const file = FILE_PATH.exec(path);
      if (file !== null) {
        this.#serveFile(res, decodeURIComponent(file[1] ?? ''), decodeURIComponent(file[2] ?? ''));
        return;
      }
      const call = BOT_PATH.exec(path);
      if (call === null) throw notFound();
      const bot = this.api.botFor(decodeURIComponent(call[1] ?? ''));
      const method = call[2] ?? '';
      if (method === '') throw notFound();
      const input = await readInput(req, url, this.#limits);
      const result = await this.#run(bot, method, input, controller.signal);
      if (!res.destroyed) send(res, 200, { ok: true, result });
    } catch (error) {
      if (res.destroyed || res.headersSent) return;
      const { status, body } = answerBody({ error });
      if (!(error instanceof ApiError)) console.error('emulator: internal error', error);
      send(res, status, body);
    }
  }

  /** Runs a bot's call. */
  #run(bot: BotRecord, method: string, input: RequestInput, signal: AbortSignal): Promise<unknown> {
    return this.#logged(bot, method, input, () => this.api.run(bot, method, input, signal));
  }

  /** Runs a call, logging it with its answer (or error) and duration when the log is kept. */
  async #logged(
    bot: BotRecord,
    method: string,
    input: RequestInput,
    run: () => Promise<unknown>,
  ): Promise<unknown> {
    const log = this.#log;
    if (log === undefined) return run();
    const started = performance.now();
    const logged = { method, params: input.params, uploads: input.uploads };
    try {
      const result = await run();
      log.call(bot, { ...logged, ok: true, result, durationMs: performance.now() - started });
      return result;
    } catch (error) {
      const durationMs = performance.now() - started;
      log.call(bot, { ...logged, ok: false, error: answerBody({ error }).body, durationMs });
      throw error;
    }
  }

  #serveFile(res: ServerResponse, token: string, filePath: string): void {
    if (!this.world.bots.has(token)) throw unauthorized();
    for (const file of this.world.files.values()) {
      if (file.filePath === filePath) {
        res.writeHead(200, {
          'content-type': file.mimeType ?? 'application/octet-stream',
          'content-length': file.data.length,
        });
        res.end(file.data);
        return;
      }
    }
    throw notFound();
  }
}
