/**
 * Resolves the Bot's `baseUrl` and `baseFileUrl` options against the token, and refuses, at
 * construction time, the URLs that would otherwise fail on the first call with an error that
 * blames something else (`Invalid URL` from inside the HTTP client, or a 404 read as a bad token).
 */
import { InvalidArgumentError } from '../errors.js';

/** A base URL: a string the token is appended to, a string with a `{token}` placeholder, or a function of the token. */
export type BaseUrl = string | ((token: string) => string);

/** The two options that take a {@link BaseUrl}. */
export type BaseUrlOption = 'baseUrl' | 'baseFileUrl';

/** The path Telegram serves each kind of request under; the token follows it. */
const API_PATHS: Readonly<Record<BaseUrlOption, string>> = { baseUrl: '/bot', baseFileUrl: '/file/bot' };
/** `.../bot/` (the slash would end up between `bot` and the token). */
const BOT_PATH_WITH_SLASH = /\/bot\/+$/;

function example(option: BaseUrlOption): string {
  return `'http://127.0.0.1:8081${API_PATHS[option]}' or 'https://api.telegram.org${API_PATHS[option]}'`;
}

function invalid(option: BaseUrlOption, problem: string): InvalidArgumentError {
  return new InvalidArgumentError(
    `${option} ${problem}. Write the server's address with the path the token follows, e.g. ${example(option)}`,
    { parameter: option },
  );
}

/** Parses `url`, or throws an error naming the option; `shown` is what the message may quote. */
function parse(option: BaseUrlOption, url: string, shown: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(option, `is not a valid URL: '${shown}'`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw invalid(option, `must start with http:// or https://, got '${shown}'`);
  }
  return parsed;
}

/**
 * The string form without placeholder, before the token is appended: an origin alone
 * (`http://127.0.0.1:8081`, what grammY and Telegraf call the API root) gets Telegram's path
 * (`/bot`, or `/file/bot` for files), and `.../bot/` loses the slash that would stand between
 * `bot` and the token. Any other path is kept as given, for servers with their own layout.
 */
function completeBase(option: BaseUrlOption, base: string, token: string): string {
  if (base.includes(token)) {
    throw invalid(option, 'contains the bot token, which is appended to it; leave the token out');
  }
  const parsed = parse(option, base, base);
  if (parsed.pathname === '/' && parsed.search === '' && parsed.hash === '' && !base.endsWith('?')) {
    return `${base.replace(/\/+$/, '')}${API_PATHS[option]}`;
  }
  return BOT_PATH_WITH_SLASH.test(base) ? base.replace(BOT_PATH_WITH_SLASH, '/bot') : base;
}

/**
 * The URL that method names (or file paths) follow, e.g. `https://api.telegram.org/bot<token>`,
 * without a trailing slash. Throws an {@link InvalidArgumentError} naming the option when the
 * result is not an http(s) URL; messages never contain the token.
 *
 * @example
 * resolveBaseUrl('baseUrl', 'http://127.0.0.1:8081', token); // 'http://127.0.0.1:8081/bot<token>'
 */
export function resolveBaseUrl(option: BaseUrlOption, base: BaseUrl, token: string): string {
  let url: unknown;
  if (typeof base === 'function') url = base(token);
  else if (typeof base !== 'string') throw invalid(option, 'must be a string or a function of the token');
  else if (base.includes('{token}')) url = base.replaceAll('{token}', token);
  else url = `${completeBase(option, base, token)}${token}`;
  if (typeof url !== 'string') throw invalid(option, 'must give a string');
  const resolved = url.endsWith('/') ? url.slice(0, -1) : url;
  parse(option, resolved, resolved.replaceAll(token, '<token>'));
  return resolved;
}
