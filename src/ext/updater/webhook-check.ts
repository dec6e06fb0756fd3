/**
 * The checks every webhook request goes through, shared by the built-in server
 * ({@link WebhookServer}) and the web-standard handler ({@link webhookHandler}): the secret token
 * (compared in constant time), the content type, the body size limit and the body's parse.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Bot } from '../../bot.js';
import type { Update } from '../../generated/types.js';
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
