/**
 * The link rules behind formatted text: which URLs make a `text_link` (and how Telegram rewrites
 * them), which make a `text_mention`, and the `tg://emoji` / `tg://time` links of MarkdownV2.
 */
import { isIPv6 } from 'node:net';
import { asciiLower, isSpaceCode } from './common.js';

/** Largest user identifier Telegram accepts in a mention link. */
const MAX_USER_ID = 2 ** 40 - 1;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Parses a canonical decimal (no `+`, no leading zeros, no `-0`) within the int64 range. */
export function parseStrictInt64(value: string): bigint | undefined {
  if (!/^-?\d+$/.test(value)) return undefined;
  const parsed = BigInt(value);
  if (parsed.toString() !== value || parsed < INT64_MIN || parsed > INT64_MAX) return undefined;
  return parsed;
}

/** Parses a canonical decimal within the int32 range. */
export function parseStrictInt32(value: string): number | undefined {
  const parsed = parseStrictInt64(value);
  if (parsed === undefined || parsed < -(2n ** 31n) || parsed >= 2n ** 31n) return undefined;
  return Number(parsed);
}

/** Lenient int32 reading: optional `-`, leading digits, the rest ignored, wrapping on overflow. */
export function parseLooseInt32(value: string): number {
  const match = /^(-?)(\d*)/.exec(value);
  const digits = match?.[2] ?? '';
  let parsed = digits === '' ? 0n : BigInt(digits);
  if (match?.[1] === '-') parsed = -parsed;
  return Number(BigInt.asIntN(32, parsed));
}

/** Splits `key=value&key2=value2` into pairs; a parameter without `=` has an empty value. */
function queryParameters(query: string): Array<[string, string]> {
  return query.split('&').map((parameter) => {
    const eq = parameter.indexOf('=');
    return eq < 0 ? [parameter, ''] : [parameter.slice(0, eq), parameter.slice(eq + 1)];
  });
}

/**
 * The query of a `tg://<host>?...` link (without `#fragment`), or a reason it is not one.
 * The scheme and host are compared case-insensitively.
 */
function tgLinkQuery(url: string, host: string): { query: string } | { error: string } {
  let lower = asciiLower(url);
  let rest = url;
  if (!lower.startsWith('tg:')) return { error: 'URL must have scheme tg' };
  lower = lower.slice(3);
  rest = rest.slice(3);
  if (rest.startsWith('//')) {
    lower = lower.slice(2);
    rest = rest.slice(2);
  }
  if (!lower.startsWith(host) || (rest.length > host.length && !'/?#'.includes(rest.charAt(host.length)))) {
    return { error: `URL must have host "${host}"` };
  }
  rest = rest.slice(host.length);
  if (rest.startsWith('/')) rest = rest.slice(1);
  if (!rest.startsWith('?')) return { error: 'URL must have parameters' };
  rest = rest.slice(1);
  const hash = rest.indexOf('#');
  return { query: hash < 0 ? rest : rest.slice(0, hash) };
}

/** The user id of a `tg://user?id=<id>` link, or undefined when the link is not a valid mention. */
export function mentionedUserId(url: string): number | undefined {
  const found = tgLinkQuery(asciiLower(url), 'user');
  if ('error' in found) return undefined;
  for (const [key, value] of queryParameters(found.query)) {
    if (key !== 'id') continue;
    const id = parseStrictInt64(value);
    if (id === undefined || id <= 0n || id > BigInt(MAX_USER_ID)) return undefined;
    return Number(id);
  }
  return undefined;
}

/** The custom emoji id of a `tg://emoji?id=<id>` link, or the reason it is not valid. */
export function customEmojiIdFromLink(url: string): { id: string } | { error: string } {
  const found = tgLinkQuery(url, 'emoji');
  if ('error' in found) return found;
  for (const [key, value] of queryParameters(found.query)) {
    if (key !== 'id') continue;
    const id = parseStrictInt64(value);
    if (id === undefined || id === 0n) return { error: 'Invalid custom emoji identifier specified' };
    return { id: id.toString() };
  }
  return { error: 'Custom emoji URL must have an emoji identifier' };
}

/**
 * Normalises a `date_time` format (`r`, or any of `w`, `d`/`D`, `t`/`T`) into the form the Bot API
 * returns: `r`, or `w`, then the date letter, then the time letter. Undefined when invalid.
 */
export function normalizeDateTimeFormat(format: string): string | undefined {
  if (format === 'r' || format === 'R') return 'r';
  let weekday = false;
  let shortDate = false;
  let longDate = false;
  let shortTime = false;
  let longTime = false;
  for (const letter of format) {
    if (letter === 'w' || letter === 'W') weekday = true;
    else if (letter === 'd') shortDate = true;
    else if (letter === 'D') longDate = true;
    else if (letter === 't') shortTime = true;
    else if (letter === 'T') longTime = true;
    else return undefined;
  }
  const date = shortDate ? 'd' : longDate ? 'D' : '';
  const time = shortTime ? 't' : longTime ? 'T' : '';
  return `${weekday ? 'w' : ''}${date}${time}`;
}

/** Unix time and normalised format of a `tg://time?unix=<t>&format=<f>` link, or why it is invalid. */
export function dateTimeFromLink(url: string): { unixTime: number; format: string } | { error: string } {
  const found = tgLinkQuery(url, 'time');
  if ('error' in found) return found;
  let unixTime = 0;
  let format = '';
  for (const [key, value] of queryParameters(found.query)) {
    if (key === 'unix') {
      const parsed = parseStrictInt32(value);
      if (parsed === undefined || parsed <= 0) return { error: 'Invalid Unix time specified' };
      unixTime = parsed;
    }
    if (key === 'format') format = value;
  }
  if (unixTime === 0) return { error: 'URL must have the corresponding Unix time' };
  const normalized = normalizeDateTimeFormat(format);
  if (normalized === undefined) return { error: 'Invalid date format used' };
  return { unixTime, format: normalized };
}

/** Parts of an HTTP(S)-like URL after Telegram's loose parsing. */
interface ParsedUrl {
  https: boolean;
  userinfo: string;
  host: string;
  isIpv6: boolean;
  specifiedPort: number;
  /** Path, query and fragment, always starting with `/`. */
  query: string;
}

/** Characters allowed in a URL host or userinfo besides letters, digits, `%XX` and non-ASCII. */
const URL_PART_SYMBOLS = ".-_!$,~*'();&+=";

function urlPartValid(part: string, allowColon: boolean): boolean {
  for (let i = 0; i < part.length; i++) {
    const ch = part.charAt(i);
    if (/[A-Za-z0-9]/.test(ch) || URL_PART_SYMBOLS.includes(ch) || (allowColon && ch === ':')) continue;
    if (ch === '%') {
      if (/^[0-9A-Fa-f]{2}$/.test(part.slice(i + 1, i + 3))) {
        i += 2;
        continue;
      }
      return false;
    }
    if (part.charCodeAt(i) >= 128) continue;
    return false;
  }
  return true;
}

/** `[https?://][userinfo@]host[:port][/path?query#fragment]`, read as leniently as Telegram does. */
function parseUrl(url: string): ParsedUrl | undefined {
  let rest = url;
  let https = false;
  const protocolEnd = url.search(/[:/?#@[\]]/);
  if (protocolEnd >= 0 && url.startsWith('://', protocolEnd)) {
    const protocol = asciiLower(url.slice(0, protocolEnd));
    if (protocol === 'https') https = true;
    else if (protocol !== 'http') return undefined;
    rest = url.slice(protocolEnd + 3);
  }
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  let query = authorityEnd < 0 ? '' : rest.slice(authorityEnd);

  let port = 0;
  let userinfoHost = authority;
  let colon = authority.length - 1;
  while (colon > 0 && !':]@'.includes(authority.charAt(colon))) colon--;
  if (colon > 0 && authority.charAt(colon) === ':') {
    const portText = authority.slice(colon + 1).replace(/^0+(?=.)/, '');
    const parsed = parseStrictInt32(portText);
    port = parsed === undefined || parsed === 0 ? -1 : parsed;
    userinfoHost = authority.slice(0, colon);
  }
  if (port < 0 || port > 65535) return undefined;

  const at = userinfoHost.lastIndexOf('@');
  const userinfo = at < 0 ? '' : userinfoHost.slice(0, at);
  const host = userinfoHost.slice(at + 1);
  let isIpv6 = false;
  if (host.startsWith('[') && host.endsWith(']') && host.length >= 2) {
    if (!isIPv6(host.slice(1, -1))) return undefined;
    isIpv6 = true;
  }
  if (host === '' || host === '.') return undefined;

  let end = query.length;
  while (end > 0 && isSpaceCode(query.charCodeAt(end - 1))) end--;
  query = query.slice(0, end);
  if (query === '') query = '/';
  let escaped = query.startsWith('/') ? '' : '/';
  for (const ch of query) {
    const code = ch.charCodeAt(0);
    escaped += code <= 0x20 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : ch;
  }

  const lowerHost = asciiLower(host);
  if (isIpv6) {
    if (!/^\[[0-9a-f:.]*\]$/.test(lowerHost)) return undefined;
  } else if (!urlPartValid(lowerHost, false) || !urlPartValid(userinfo, true)) {
    return undefined;
  }
  return { https, userinfo, host: lowerHost, isIpv6, specifiedPort: port, query: escaped };
}

/**
 * The URL Telegram stores for a `text_link`, or undefined when it refuses the link (the entity is
 * then silently dropped). HTTP(S) links get an explicit scheme and path (`example.com` becomes
 * `http://example.com/`); `tg:`, `ton:` and `tonsite:` links are kept in a canonical form.
 */
export function checkedLink(link: string): string | undefined {
  let rest = link;
  let scheme: 'tg' | 'ton' | 'tonsite' | undefined;
  const lower = asciiLower(link);
  for (const candidate of ['tg', 'ton', 'tonsite'] as const) {
    if (lower.startsWith(`${candidate}:`)) {
      scheme = candidate;
      rest = link.slice(candidate.length + 1);
      break;
    }
  }
  if (scheme !== undefined && rest.startsWith('//')) rest = rest.slice(2);
  const url = parseUrl(rest);
  if (url === undefined) return undefined;
  if (scheme !== undefined) {
    if (asciiLower(rest).startsWith('http://') || url.https || url.userinfo !== '') return undefined;
    if (url.specifiedPort !== 0 || url.isIpv6) return undefined;
    const hostPattern = scheme === 'tonsite' ? /^[A-Za-z0-9_.-]*$/ : /^[A-Za-z0-9_-]*$/;
    if (!hostPattern.test(url.host)) return undefined;
    const query = url.query.startsWith('/?') ? url.query.slice(1) : url.query;
    return `${scheme}://${url.host}${query}`;
  }
  if (!url.host.includes('.') && !url.isIpv6) return undefined;
  const userinfo = url.userinfo === '' ? '' : `${url.userinfo}@`;
  const port = url.specifiedPort > 0 ? `:${url.specifiedPort}` : '';
  return `${url.https ? 'https' : 'http'}://${userinfo}${url.host}${port}${url.query}`;
}
