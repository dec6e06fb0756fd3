/**
 * Entities Telegram finds by itself in message text: `@mentions`, `/commands`, `#hashtags`,
 * `$CASHTAGS`, URLs and e-mail addresses. An approximation of the server's detection, close
 * enough for bots under test (see the notes on {@link findTextEntities}).
 */
import type { MessageEntityJSON } from './common.js';
import { fixEntities } from './fix.js';

/** Letters, digits and `_`: what may not touch a mention or a command. */
function isWordChar(ch: string): boolean {
  return /^[\p{L}\p{N}_]$/u.test(ch);
}

/** What a hashtag is made of: letters, decimal digits, `_` and a few joiners. */
function isHashtagChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === '_' || code === 0x200c || code === 0xb7 || (code >= 0xd80 && code <= 0xdff)) return true;
  return /^[\p{L}\p{Nd}]$/u.test(ch);
}

/** The code point ending just before UTF-16 index `index`, '' at the start. */
function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text.charAt(index - 1);
}

/** The code point starting at UTF-16 index `index`, '' at the end. */
function charAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** Length of the run of `[A-Za-z0-9_]` starting at `index`. */
function asciiWordLength(text: string, index: number): number {
  let i = index;
  while (i < text.length && /[A-Za-z0-9_]/.test(text.charAt(i))) i++;
  return i - index;
}

/** Usernames shorter than four characters that are still mentions. */
const SHORT_USERNAMES = new Set(['gif', 'nft', 'pic', 'ufc', 'vid']);

function findMentions(text: string, found: MessageEntityJSON[]): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (isWordChar(charBefore(text, at))) continue;
    const length = asciiWordLength(text, at + 1);
    if (length < 2 || length > 32 || isWordChar(charAt(text, at + 1 + length))) continue;
    if (length < 4 && !SHORT_USERNAMES.has(text.slice(at + 1, at + 1 + length).toLowerCase())) continue;
    found.push({ type: 'mention', offset: at, length: length + 1 });
  }
}

function findBotCommands(text: string, found: MessageEntityJSON[]): void {
  const bounds = (ch: string): boolean => isWordChar(ch) || ch === '/' || ch === '<' || ch === '>';
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    if (bounds(charBefore(text, slash))) continue;
    const name = asciiWordLength(text, slash + 1);
    if (name < 1 || name > 64) continue;
    let stop = slash + 1 + name;
    if (text.charAt(stop) === '@') {
      const bot = asciiWordLength(text, stop + 1);
      if (bot < 3 || bot > 32) continue;
      stop += 1 + bot;
    }
    if (bounds(charAt(text, stop))) continue;
    found.push({ type: 'bot_command', offset: slash, length: stop - slash });
  }
}

function findHashtags(text: string, found: MessageEntityJSON[]): void {
  for (let hash = text.indexOf('#'); hash >= 0; hash = text.indexOf('#', hash + 1)) {
    if (isHashtagChar(charBefore(text, hash))) continue;
    let i = hash + 1;
    let count = 0;
    let stop = -1;
    let hasLetter = false;
    for (let ch = charAt(text, i); ch !== '' && isHashtagChar(ch); ch = charAt(text, i)) {
      i += ch.length;
      if (count < 256) {
        hasLetter ||= /^\p{L}$/u.test(ch);
        count++;
        if (count === 256) stop = i;
      }
    }
    if (count === 0) continue;
    if (stop < 0) stop = i;
    if (stop === i && text.charAt(i) === '@') {
      const username = Math.min(asciiWordLength(text, i + 1), 32);
      if (username >= 3) {
        i += 1 + username;
        stop = i;
      }
    }
    if (text.charAt(i) === '#' || !hasLetter) continue;
    found.push({ type: 'hashtag', offset: hash, length: stop - hash });
  }
}

function findCashtags(text: string, found: MessageEntityJSON[]): void {
  for (let dollar = text.indexOf('$'); dollar >= 0; dollar = text.indexOf('$', dollar + 1)) {
    const before = charBefore(text, dollar);
    if (isHashtagChar(before) || before === '$') continue;
    let i = dollar + 1;
    if (text.startsWith('1INCH', i)) i += 5;
    else while (/[A-Z]/.test(text.charAt(i))) i++;
    if (i - dollar - 1 < 1 || i - dollar - 1 > 8) continue;
    if (text.charAt(i) === '@') {
      const username = asciiWordLength(text, i + 1);
      if (username >= 3 && username <= 32) i += 1 + username;
    }
    const after = charAt(text, i);
    if (isHashtagChar(after) || after === '$') continue;
    found.push({ type: 'cashtag', offset: dollar, length: i - dollar });
  }
}

/** Top-level domains recognised without an explicit `http://`: a common subset. */
const COMMON_TLDS = new Set(
  (
    'com net org info biz name pro mobi asia tel travel jobs museum aero coop int edu gov mil arpa ' +
    'io me co ai app dev xyz online site tech store blog shop cloud news live link page club top ' +
    'ru su ua by kz uz am ge az md kg tj tm de uk us ca fr it es pt nl be lu ch at li pl cz sk hu ro ' +
    'bg rs hr si ba mk al gr tr cy il ir iq sa ae qa kw om bh jo lb sy eg ma dz tn ly ng ke za et gh ' +
    'in pk bd lk np cn hk tw jp kr kp vn th my sg id ph au nz br ar cl pe uy py bo ec ve mx cu do ' +
    'se no fi dk is ie ee lv lt eu tv cc ws fm gg im je to ly vc gl'
  ).split(' '),
);

const BAD_PATH_END = ".:;,('?!`";

/**
 * The part of a URL path Telegram links: up to the first unbalanced closing bracket, without
 * trailing punctuation; a lone `?` or `#` is not part of the URL.
 */
function trimPath(path: string): string {
  const balance: Record<string, number> = { '(': 0, '[': 0, '{': 0 };
  const opening: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let cut = path.length;
  for (let i = 0; i < path.length; i++) {
    const ch = path.charAt(i);
    const open = opening[ch];
    if (ch in balance) balance[ch] = (balance[ch] ?? 0) + 1;
    else if (open !== undefined) {
      balance[open] = (balance[open] ?? 0) - 1;
      if ((balance[open] ?? 0) < 0) {
        cut = i;
        break;
      }
    }
  }
  let end = cut;
  while (end > 0 && BAD_PATH_END.includes(path.charAt(end - 1))) end--;
  const trimmed = path.slice(0, end);
  return trimmed.length <= 1 && trimmed !== '/' ? '' : trimmed;
}

/** Whether `domain` is a host Telegram links: an IPv4 address or labels ending in a real TLD. */
function validDomain(domain: string, hasProtocol: boolean): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (labels.some((label) => label === '' || label.length >= 64 || label.endsWith('-'))) return false;
  const isIpv4 =
    labels.length === 4 && labels.every((label) => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(label));
  if (isIpv4) return true;
  if (labels.every((label) => /^\d+$/.test(label))) return false;
  const tld = labels.at(-1)!.toLowerCase();
  if ([...tld].length <= 1) return false;
  if (tld.startsWith('xn--')) {
    if (tld.length <= 5 || !/^[a-z0-9]+$/.test(tld.slice(4))) return false;
  } else if (/[_-]/.test(tld) || (!hasProtocol && !COMMON_TLDS.has(tld))) {
    return false;
  }
  return !labels.at(-2)!.includes('_');
}

/**
 * Whether `address` is an e-mail address Telegram highlights: a local part of up to eleven
 * `.`/`+`-separated pieces, a domain of two to seven labels ending in a 2-8 letter TLD.
 */
function isEmail(address: string): boolean {
  const at = address.indexOf('@');
  if (at < 0 || address.indexOf('@', at + 1) >= 0) return false;
  const pieces = address.slice(0, at).split(/[.+]/);
  const last = pieces.at(-1) ?? '';
  if (pieces.length > 11 || last.length < 1 || last.length > 35) return false;
  if (
    !pieces.every(
      (piece, k) => /^[A-Za-z0-9_-]*$/.test(piece) && (k === pieces.length - 1 || piece.length <= 26),
    )
  ) {
    return false;
  }
  const labels = address.slice(at + 1).split('.');
  const tld = labels.pop() ?? '';
  if (labels.length < 1 || labels.length > 6 || !/^[A-Za-z]{2,8}$/.test(tld)) return false;
  return labels.every(
    (label) => label.length <= 30 && /^[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?$/.test(label),
  );
}

const URL_CANDIDATE =
  /(?:([\p{L}\p{N}+-]+):\/\/)?(?:([^\s/[\]{}()'`<>"@«»]+)@)?((?:[\p{L}\p{N}_~-]+\.)+[\p{L}\p{N}_~-]+)(?::(\d{1,5})(?!\d))?([/?#][^\s<>"«»]*)?/gu;

function findUrls(text: string, found: MessageEntityJSON[]): void {
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const [whole, protocol, userinfo, domain = '', port, rawPath] = match;
    const start = match.index;
    const before = charBefore(text, start);
    if (protocol === undefined && before !== '' && (isWordChar(before) || '/#@'.includes(before))) continue;
    if (protocol !== undefined && !['http', 'https', 'ftp', 'tonsite'].includes(protocol.toLowerCase()))
      continue;
    if (userinfo !== undefined && protocol === undefined && port === undefined && rawPath === undefined) {
      if (isEmail(`${userinfo}@${domain}`)) {
        found.push({ type: 'email', offset: start, length: whole.length });
        continue;
      }
    }
    if (!validDomain(domain, protocol !== undefined)) continue;
    if (port !== undefined && Number(port) > 65535) continue;
    const path = rawPath === undefined ? '' : trimPath(rawPath);
    const length = whole.length - (rawPath?.length ?? 0) + path.length;
    found.push({ type: 'url', offset: start, length });
  }
  for (const match of text.matchAll(/(?:tg|ton|tonsite):\/\/[A-Za-z0-9_-]{1,253}([/?#][^\s<>"«»]*)?/giu)) {
    const rawPath = match[1] ?? '';
    const path = rawPath === '' ? '' : trimPath(rawPath);
    found.push({ type: 'url', offset: match.index, length: match[0].length - rawPath.length + path.length });
  }
}

/** Options of {@link findTextEntities}. */
export interface DetectOptions {
  /** Whether `/commands` are detected; default true (Telegram skips them in some chats). */
  readonly botCommands?: boolean;
}

/**
 * Finds the entities Telegram detects in plain text, sorted, none overlapping. Mentions, bot
 * commands, hashtags and cashtags follow Telegram's rules closely; URLs without a scheme are only
 * recognised for a list of common top-level domains, and phone and bank card numbers are not
 * detected.
 */
export function findTextEntities(text: string, options: DetectOptions = {}): MessageEntityJSON[] {
  const found: MessageEntityJSON[] = [];
  findMentions(text, found);
  if (options.botCommands !== false) findBotCommands(text, found);
  findHashtags(text, found);
  findCashtags(text, found);
  findUrls(text, found);
  found.sort((a, b) => a.offset - b.offset || b.length - a.length);
  const kept: MessageEntityJSON[] = [];
  let lastEnd = 0;
  for (const entity of found) {
    if (entity.offset < lastEnd) continue;
    kept.push(entity);
    lastEnd = entity.offset + entity.length;
  }
  return kept;
}

/**
 * Adds detected entities to existing ones the way Telegram does: a detected entity is dropped when
 * it touches a link, code or other non-formatting entity, or crosses a quotation's bound.
 */
export function mergeDetectedEntities(
  entities: readonly MessageEntityJSON[],
  detected: readonly MessageEntityJSON[],
): MessageEntityJSON[] {
  const overlaps = (a: MessageEntityJSON, b: MessageEntityJSON): boolean =>
    a.offset < b.offset + b.length && b.offset < a.offset + a.length;
  const formatting = new Set(['bold', 'italic', 'underline', 'strikethrough', 'spoiler']);
  const quotes = entities.filter((e) => e.type === 'blockquote' || e.type === 'expandable_blockquote');
  const solid = entities.filter((e) => !formatting.has(e.type) && !quotes.includes(e));
  const added = detected.filter(
    (entity) =>
      !solid.some((old) => overlaps(old, entity)) &&
      quotes.every(
        (q) =>
          !overlaps(q, entity) ||
          (q.offset <= entity.offset && entity.offset + entity.length <= q.offset + q.length),
      ),
  );
  return fixEntities([...entities, ...added]);
}
