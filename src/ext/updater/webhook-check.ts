/**
 * The checks every webhook request goes through, shared by the built-in server
 * ({@link WebhookServer}), the web-standard handler ({@link webhookHandler}) and the node listener
 * ({@link webhookListener}): the secret token
 * (compared in constant time), the content type, the body size limit and the body's parse,
 * then the hand-over of the update to the queue.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Bot } from '../../bot.js';
import type { Update } from '../../generated/types.js';
import type { Logger } from '../../logging.js';
import { MalformedUpdateError } from '../errors.js';
import { parseUpdate } from './parse-update.js';

/** The largest webhook body accepted unless configured otherwise: 1 MiB. */
export const DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

/** The header Telegram sends the webhook's secret token in (lower case, as node:http names it). */
export const SECRET_TOKEN_HEADER = 'x-telegram-bot-api-secret-token';

/** What Telegram allows as a secret token: 1-256 of `A-Z a-z 0-9 _ -`. */
const SECRET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Compares the secret token of incoming requests with the configured one. The comparison runs over
 * SHA-256 digests with `timingSafeEqual`, so its time depends neither on where the tokens differ
 * nor on their lengths.
 */
export class SecretTokenCheck {
  readonly #expected: Buffer | undefined;

  /** `undefined` accepts every request (no secret configured). Throws on a token Telegram refuses. */
  constructor(secretToken: string | undefined) {
    if (secretToken !== undefined && !SECRET_TOKEN_PATTERN.test(secretToken)) {
      throw new TypeError('secretToken must be 1-256 characters of A-Z, a-z, 0-9, "_" and "-"');
    }
    this.#expected = secretToken === undefined ? undefined : sha256(secretToken);
  }

  /** Whether a request carrying `given` (the header's value, if any) passes. */
  accepts(given: string | null | undefined): boolean {
    const expected = this.#expected;
    if (expected === undefined) return true;
    if (typeof given !== 'string') return false;
    return timingSafeEqual(sha256(given), expected);
  }
}

/** Whether a Content-Type header names JSON (`application/json`, parameters allowed). */
export function isJsonContentType(value: string | null | undefined): boolean {
  if (value === 'application/json') return true;
  if (typeof value !== 'string') return false;
  const end = value.indexOf(';');
  return (end === -1 ? value : value.slice(0, end)).trim().toLowerCase() === 'application/json';
}

/** Validates a configured body limit; `undefined` gives {@link DEFAULT_MAX_BODY_SIZE}. */
export function checkMaxBodySize(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_BODY_SIZE;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TypeError('maxBodySize must be a positive integer number of bytes');
  }
  return value;
}

/**
 * The update in a webhook body: an {@link Update}, or a {@link MalformedUpdateError} when the
 * body is not JSON or not an update (the request then gets 400).
 */
export function updateFromBody(text: string, bot: Bot): Update | MalformedUpdateError {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return new MalformedUpdateError('Update', text, error);
  }
  return parseUpdate(raw, bot);
}

/** Why a webhook request is refused before its body is read. */
export type WebhookRefusal = 'method' | 'secret' | 'type';

/**
 * The checks made on a request's head, in the order every webhook endpoint makes them: the method
 * (405), the secret token (403), the content type (403). `undefined` when the request passes.
 */
export function refuseHead(
  method: string | undefined,
  secretHeader: string | null | undefined,
  contentType: string | null | undefined,
  secret: SecretTokenCheck,
): WebhookRefusal | undefined {
  if (method !== 'POST') return 'method';
  if (!secret.accepts(secretHeader)) return 'secret';
  if (!isJsonContentType(contentType)) return 'type';
  return undefined;
}

/** Whether a declared Content-Length already exceeds the limit (the body is then never read). */
export function declaredTooLarge(contentLength: string | null | undefined, maxBodySize: number): boolean {
  return contentLength !== undefined && contentLength !== null && Number(contentLength) > maxBodySize;
}

/** How every webhook endpoint answers a refusal: status, text, extra headers. */
export interface RefusalReply {
  readonly status: number;
  readonly text: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The replies to the refusals made before a body is read. */
export const REFUSAL_REPLIES: Readonly<Record<WebhookRefusal | 'stopped' | 'tooLarge', RefusalReply>> = {
  method: { status: 405, text: 'Method Not Allowed', headers: { allow: 'POST' } },
  secret: { status: 403, text: 'Forbidden: wrong or missing secret token' },
  type: { status: 403, text: 'Forbidden: Content-Type must be application/json' },
  stopped: { status: 503, text: 'Service Unavailable: the application is not running' },
  tooLarge: { status: 413, text: 'Payload Too Large' },
};

/** A request's head as the endpoints read it from their own request types. */
export interface WebhookHead {
  readonly method: string | undefined;
  readonly secretHeader: string | null | undefined;
  readonly contentType: string | null | undefined;
  readonly contentLength: string | null | undefined;
}

/**
 * Every check made before a body is read, in order: {@link refuseHead}, whether the application
 * runs (`running` false refuses), the declared size. The reply to refuse with, or `undefined`.
 */
export function refuseRequest(
  head: WebhookHead,
  secret: SecretTokenCheck,
  maxBodySize: number,
  running: boolean | undefined,
): RefusalReply | undefined {
  const refusal = refuseHead(head.method, head.secretHeader, head.contentType, secret);
  if (refusal !== undefined) return REFUSAL_REPLIES[refusal];
  if (running === false) return REFUSAL_REPLIES.stopped;
  if (declaredTooLarge(head.contentLength, maxBodySize)) return REFUSAL_REPLIES.tooLarge;
  return undefined;
}

/** Where a webhook endpoint hands the updates it accepts. */
export interface UpdateSink {
  readonly bot: Bot;
  readonly updateQueue: { putTracked(update: Update): Promise<void> };
}

/** An update handed to the queue: its id, and a promise settling once it was handled. */
export interface Delivery {
  readonly updateId: number;
  readonly handled: Promise<void>;
}

/**
 * Hands a body's update to the sink's queue, or reports a body that is not an update
 * (`undefined`: the request is then answered 400). The request is answered 200 once the returned
 * delivery is handled. `body` is the raw text, or a value a framework already parsed from JSON.
 */
export function deliverBody(
  body: string | unknown,
  sink: UpdateSink,
  report: (error: MalformedUpdateError) => void,
): Delivery | undefined {
  const update = typeof body === 'string' ? updateFromBody(body, sink.bot) : parseUpdate(body, sink.bot);
  if (update instanceof MalformedUpdateError) {
    report(update);
    return undefined;
  }
  return { updateId: update.update_id, handled: sink.updateQueue.putTracked(update) };
}

/** The reporter of bodies that are not updates: the callback (its own throws logged), or the log. */
export function errorReporter(
  logger: Logger,
  callback: ((error: MalformedUpdateError) => void) | undefined,
): (error: MalformedUpdateError) => void {
  return (error) => {
    if (callback === undefined) {
      logger.error('The webhook received a body that is not an update', error);
      return;
    }
    try {
      callback(error);
    } catch (thrown) {
      logger.error('The webhook error callback threw', thrown);
    }
  };
}
