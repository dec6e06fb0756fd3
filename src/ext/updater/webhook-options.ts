/**
 * The options of `Updater.startWebhook` / `Application.runWebhook`, their validation, and what
 * follows from them: where to listen, the TLS material, and the URL given to setWebhook.
 */
import { readFile } from 'node:fs/promises';
import type { UpdateType } from '../../generated/metadata.js';
import type { MalformedUpdateError } from '../errors.js';
import { normalizeWebhookPath, type WebhookListenTarget, type WebhookTls } from './webhook-server.js';

/** A PEM file: a path (string or `file:` URL) or its content. */
export type PemSource = string | URL | Uint8Array;

/** Options of {@link Updater.startWebhook} (and `Application.runWebhook`), PTB's `start_webhook` parameters. */
export interface WebhookOptions {
  /** The address to listen on; default `127.0.0.1`. Not with `unix`. */
  readonly listen?: string | undefined;
  /** The port to listen on; default 80 (0: a free port). Telegram delivers to 443, 80, 88 and 8443. Not with `unix`. */
  readonly port?: number | undefined;
  /** The path Telegram posts to; default `''` (the root). */
  readonly urlPath?: string | undefined;
  /** The TLS certificate (PEM path or content): the server speaks HTTPS and the certificate is uploaded to setWebhook. Needs `key`. */
  readonly cert?: PemSource | undefined;
  /** The private key of `cert` (PEM path or content). */
  readonly key?: PemSource | undefined;
  /** The URL Telegram posts to (behind a proxy, NAT, a unix socket); default `http(s)://listen:port/urlPath`. */
  readonly webhookUrl?: string | undefined;
  /** 1-256 of `A-Z a-z 0-9 _ -`: Telegram sends it in `X-Telegram-Bot-Api-Secret-Token`; other requests get 403. */
  readonly secretToken?: string | undefined;
  /** Most simultaneous deliveries Telegram makes (1-100); default 40. */
  readonly maxConnections?: number | undefined;
  /** Update kinds to receive; default: what the bot received last time (Telegram's default). */
  readonly allowedUpdates?: readonly UpdateType[] | undefined;
  /** Drop the updates waiting on Telegram's side when the webhook is set. */
  readonly dropPendingUpdates?: boolean | undefined;
  /** The fixed IP address Telegram sends to instead of resolving the URL's host. */
  readonly ipAddress?: string | undefined;
  /** Listen on this unix socket path instead of a port (behind a reverse proxy); needs `webhookUrl`. */
  readonly unix?: string | undefined;
  /** Retries of the bootstrap (setWebhook): 0 none (default), n up to n, negative forever. */
  readonly bootstrapRetries?: number | undefined;
  /** Longest wait between bootstrap retries, in seconds; default 30. */
  readonly maxRetryInterval?: number | undefined;
  /** The largest request body accepted, in bytes (413 beyond); default 1 MiB. */
  readonly maxBodySize?: number | undefined;
  /** A path answering `GET` with the server's health as JSON (`{ ok, lastUpdateAt, updatesInFlight, ... }`), no secret needed; off by default. */
  readonly healthPath?: string | undefined;
  /** Most updates in flight at once (read, queued or being handled); further requests wait unread. Default 256. */
  readonly maxInFlight?: number | undefined;
  /** A request is answered once its update was handled, or after this many ms (logged) if the handler is slower; default 30000. */
  readonly ackTimeout?: number | undefined;
  /** Receives bodies that are not updates (answered 400); default: logged. */
  readonly errorCallback?: ((error: MalformedUpdateError) => void) | undefined;
}

/** What the updater needs to run a webhook, derived from {@link WebhookOptions}. */
export interface WebhookPlan {
  readonly target: WebhookListenTarget;
  readonly path: string;
  readonly tls: WebhookTls | undefined;
  /** The URL for setWebhook; `undefined` until the port is known (port 0). */
  readonly url: string | undefined;
}

async function readPem(source: PemSource): Promise<Buffer> {
  if (source instanceof Uint8Array) return Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  return readFile(source);
}

/** PTB's default webhook URL: `<scheme>://<listen>:<port><path>` (IPv6 addresses in brackets). */
export function defaultWebhookUrl(secure: boolean, host: string, port: number, path: string): string {
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${secure ? 'https' : 'http'}://${shown}:${port}${path}`;
}

/** Validates the options and reads the certificate and key. Throws a TypeError on a bad combination. */
export async function planWebhook(options: WebhookOptions): Promise<WebhookPlan> {
  const { cert, key, unix } = options;
  if ((cert === undefined) !== (key === undefined)) {
    throw new TypeError('startWebhook: cert and key go together (give both or neither)');
  }
  if (unix !== undefined) {
    if (options.listen !== undefined || options.port !== undefined) {
      throw new TypeError('startWebhook: unix replaces listen and port; do not pass them together');
    }
    if (options.webhookUrl === undefined) {
      throw new TypeError(
        'startWebhook: with unix, also pass webhookUrl (the URL of the proxy in front of the socket)',
      );
    }
  }
  const port = options.port ?? 80;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TypeError(`startWebhook: port must be an integer from 0 to 65535, not ${String(port)}`);
  }
  const path = normalizeWebhookPath(options.urlPath);
  const tls =
    cert !== undefined && key !== undefined
      ? { cert: await readPem(cert), key: await readPem(key) }
      : undefined;
  const host = options.listen ?? '127.0.0.1';
  const target: WebhookListenTarget = unix !== undefined ? { unix } : { host, port };
  const url =
    options.webhookUrl ??
    (unix === undefined && port !== 0 ? defaultWebhookUrl(tls !== undefined, host, port, path) : undefined);
  return { target, path, tls, url };
}
