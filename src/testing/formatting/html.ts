/**
 * `parse_mode: HTML` as Telegram's server reads it: a small, forgiving subset of HTML where a bare
 * `&` is text, unknown entities stay literal, and only the documented tags are accepted.
 */
import {
  asciiLower,
  byteOffset,
  codeAt,
  type FormattedText,
  isSpaceCode,
  type MessageEntityJSON,
  parseFailure,
  sortEntities,
} from './common.js';
import {
  checkedLink,
  mentionedUserId,
  normalizeDateTimeFormat,
  parseLooseInt32,
  parseStrictInt64,
} from './links.js';

const SUPPORTED_TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  's',
  'strike',
  'del',
  'u',
  'ins',
  'tg-spoiler',
  'tg-emoji',
  'tg-time',
  'span',
  'pre',
  'code',
  'blockquote',
]);

/** Tags whose entity has no argument. */
const SIMPLE_TAGS: Readonly<Record<string, string>> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
};

/** A start tag waiting for its end tag. */
interface OpenTag {
  name: string;
  /** href, language, spoiler class, emoji id, time format or the expandable flag, per tag. */
  argument: string;
  /** `unix` attribute of `tg-time`. */
  unixTime: number;
  /** UTF-16 offset in the output where the tag's content starts. */
  offset: number;
}

/** Result of decoding one character reference. */
interface DecodedReference {
  codePoint: number;
  /** Index just past the reference (and its `;`, when present). */
  end: number;
}

function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isHexDigit(code: number): boolean {
  const lower = code | 0x20;
  return isDigit(code) || (lower >= 0x61 && lower <= 0x66);
}

const NAMED_REFERENCES: Readonly<Record<string, number>> = { lt: 0x3c, gt: 0x3e, amp: 0x26, quot: 0x22 };

/**
 * Decodes the character reference starting with `&` at `start`: `&lt;`, `&gt;`, `&amp;`, `&quot;`,
 * `&#NNN;` or `&#xHH;` (the `;` may be missing). Undefined when it is not one: the `&` is then text.
 */
function decodeReference(text: string, start: number): DecodedReference | undefined {
  let end = start + 1;
  let codePoint = 0;
  if (codeAt(text, end) === 0x23) {
    end++;
    if (codeAt(text, end) === 0x78) {
      end++;
      while (isHexDigit(codeAt(text, end))) {
        codePoint = Math.min(codePoint * 16 + Number.parseInt(text.charAt(end), 16), 0x7fffffff);
        end++;
      }
    } else {
      while (isDigit(codeAt(text, end))) {
        codePoint = Math.min(codePoint * 10 + codeAt(text, end) - 0x30, 0x7fffffff);
        end++;
      }
    }
    if (codePoint === 0 || codePoint >= 0x10ffff || end - start >= 10) return undefined;
  } else {
    while (isAsciiLetter(codeAt(text, end))) end++;
    const named = NAMED_REFERENCES[text.slice(start + 1, end)];
    if (named === undefined) return undefined;
    codePoint = named;
  }
  return { codePoint, end: codeAt(text, end) === 0x3b ? end + 1 : end };
}

/** The text of a decoded code point; a surrogate stays a lone code unit (and fails the parse later). */
function fromCodePoint(codePoint: number): string {
  return codePoint >= 0xd800 && codePoint <= 0xdfff
    ? String.fromCharCode(codePoint)
    : String.fromCodePoint(codePoint);
}

/** Parses a start tag at `start` (the `<`); returns the open tag and the index of its closing `>`. */
function readStartTag(input: string, start: number, offset: number): { tag: OpenTag; end: number } {
  let i = start + 1;
  while (!isSpaceCode(codeAt(input, i)) && codeAt(input, i) !== 0x3e) i++;
  if (codeAt(input, i) === 0) parseFailure(`Unclosed start tag at byte offset ${byteOffset(input, start)}`);
  const name = asciiLower(input.slice(start + 1, i));
  const at = (): string => `at byte offset ${byteOffset(input, start)}`;
  if (!SUPPORTED_TAGS.has(name)) parseFailure(`Unsupported start tag "${name}" ${at()}`);

  let argument = '';
  let unixTime = 0;
  while (codeAt(input, i) !== 0x3e) {
    while (codeAt(input, i) !== 0 && isSpaceCode(codeAt(input, i))) i++;
    if (codeAt(input, i) === 0x3e) break;
    const attributeStart = i;
    while (!isSpaceCode(codeAt(input, i)) && !'=>/"\''.includes(input.charAt(i))) i++;
    const attribute = input.slice(attributeStart, i);
    if (attribute === '') parseFailure(`Empty attribute name in the tag "${name}" ${at()}`);
    while (codeAt(input, i) !== 0 && isSpaceCode(codeAt(input, i))) i++;
    if (codeAt(input, i) !== 0x3d) {
      if (codeAt(input, i) === 0) parseFailure(`Unclosed start tag "${name}" ${at()}`);
      if (name === 'blockquote' && attribute === 'expandable') argument = '1';
      continue;
    }
    i++;
    while (codeAt(input, i) !== 0 && isSpaceCode(codeAt(input, i))) i++;
    if (codeAt(input, i) === 0) parseFailure(`Unclosed start tag "${name}" ${at()}`);

    let value = '';
    const quote = input.charAt(i);
    if (quote !== '"' && quote !== "'") {
      const tokenStart = i;
      while (/[A-Za-z0-9.-]/.test(input.charAt(i))) i++;
      value = asciiLower(input.slice(tokenStart, i));
      if (!isSpaceCode(codeAt(input, i)) && codeAt(input, i) !== 0x3e) {
        parseFailure(`Unexpected end of name token at byte offset ${byteOffset(input, tokenStart)}`);
      }
    } else {
      i++;
      while (i < input.length && input.charAt(i) !== quote && codeAt(input, i) !== 0) {
        const reference = input.charAt(i) === '&' ? decodeReference(input, i) : undefined;
        if (reference !== undefined) {
          value += fromCodePoint(reference.codePoint);
          i = reference.end;
        } else {
          value += input.charAt(i);
          i++;
        }
      }
      if (input.charAt(i) === quote) i++;
    }
    if (codeAt(input, i) === 0) parseFailure(`Unclosed start tag ${at()}`);

    if (name === 'a' && attribute === 'href') argument = value;
    else if (name === 'code' && attribute === 'class' && value.startsWith('language-'))
      argument = value.slice(9);
    else if (name === 'span' && attribute === 'class' && value.startsWith('tg-')) argument = value.slice(3);
    else if (name === 'tg-emoji' && attribute === 'emoji-id') argument = value;
    else if (name === 'blockquote' && attribute === 'expandable') argument = '1';
    else if (name === 'tg-time' && attribute === 'unix') unixTime = parseLooseInt32(value);
    else if (name === 'tg-time' && attribute === 'format') argument = value;
  }
  if (name === 'span' && argument !== 'spoiler') {
    parseFailure(`Tag "span" must have class "tg-spoiler" ${at()}`);
  }
  return { tag: { name, argument, unixTime, offset }, end: i };
}

/** The entity a closed tag makes, or undefined when Telegram drops it. */
function entityFor(tag: OpenTag, content: string, length: number): MessageEntityJSON | undefined {
  const base = { offset: tag.offset, length };
  const simple = SIMPLE_TAGS[tag.name];
  if (simple !== undefined) return { type: simple, ...base };
  switch (tag.name) {
    case 'tg-emoji': {
      const id = parseStrictInt64(tag.argument);
      if (id === undefined || id === 0n) parseFailure('Invalid custom emoji identifier specified');
      return { type: 'custom_emoji', ...base, custom_emoji_id: id.toString() };
    }
    case 'tg-time': {
      const format = normalizeDateTimeFormat(tag.argument);
      if (format === undefined) parseFailure('Invalid date format used');
      if (tag.unixTime <= 0) return undefined;
      return { type: 'date_time', ...base, unix_time: tag.unixTime, date_time_format: format };
    }
    case 'a': {
      const url = tag.argument === '' ? content : tag.argument;
      const userId = mentionedUserId(url);
      if (userId !== undefined) return { type: 'text_mention', ...base, user: { id: userId } };
      const checked = checkedLink(url);
      return checked === undefined ? undefined : { type: 'text_link', ...base, url: checked };
    }
    case 'blockquote':
      return { type: tag.argument === '' ? 'blockquote' : 'expandable_blockquote', ...base };
    default:
      return undefined;
  }
}

/**
 * Parses `parse_mode: HTML` text into plain text and entities.
 * @throws {EntityParseError} for unsupported, unclosed or unmatched tags and invalid arguments.
 */
export function parseHtml(input: string): FormattedText {
  let output = '';
  const entities: MessageEntityJSON[] = [];
  const open: OpenTag[] = [];
  /** `code` entities keep their language until the end, to merge with an enclosing `pre`. */
  const codeLanguages = new Map<MessageEntityJSON, string>();
  let decodedSurrogate = false;

  for (let i = 0; i < input.length; i++) {
    const ch = input.charAt(i);
    if (ch === '&') {
      const reference = decodeReference(input, i);
      if (reference !== undefined) {
        if (reference.codePoint >= 0xd800 && reference.codePoint <= 0xdfff) decodedSurrogate = true;
        output += fromCodePoint(reference.codePoint);
        i = reference.end - 1;
        continue;
      }
    }
    if (ch !== '<') {
      output += ch;
      continue;
    }

    const start = i;
    if (codeAt(input, i + 1) !== 0x2f) {
      const { tag, end } = readStartTag(input, start, output.length);
      open.push(tag);
      i = end;
      continue;
    }

    const tag = open.at(-1);
    if (tag === undefined) parseFailure(`Unexpected end tag at byte offset ${byteOffset(input, start)}`);
    i += 2;
    while (!isSpaceCode(codeAt(input, i)) && codeAt(input, i) !== 0x3e) i++;
    const endName = asciiLower(input.slice(start + 2, i));
    while (codeAt(input, i) !== 0 && isSpaceCode(codeAt(input, i))) i++;
    if (codeAt(input, i) !== 0x3e)
      parseFailure(`Unclosed end tag at byte offset ${byteOffset(input, start)}`);
    if (endName !== '' && endName !== tag.name) {
      parseFailure(
        `Unmatched end tag at byte offset ${byteOffset(input, start)}, expected "</${tag.name}>", found "</${endName}>"`,
      );
    }
    open.pop();

    const length = output.length - tag.offset;
    if (length <= 0) continue;
    const last = entities.at(-1);
    const sameRange = last !== undefined && last.offset === tag.offset && last.length === length;
    if (tag.name === 'pre') {
      const language = last === undefined ? undefined : codeLanguages.get(last);
      if (sameRange && last.type === 'code' && language !== undefined && language !== '') {
        last.type = 'pre';
        last.language = language;
        codeLanguages.delete(last);
      } else {
        entities.push({ type: 'pre', offset: tag.offset, length });
      }
    } else if (tag.name === 'code') {
      if (sameRange && last.type === 'pre' && last.language === undefined && tag.argument !== '') {
        last.language = tag.argument;
      } else {
        const code: MessageEntityJSON = { type: 'code', offset: tag.offset, length };
        codeLanguages.set(code, tag.argument);
        entities.push(code);
      }
    } else {
      const entity = entityFor(tag, output.slice(tag.offset), length);
      if (entity !== undefined) entities.push(entity);
    }
  }

  const unclosed = open.at(-1);
  if (unclosed !== undefined)
    parseFailure(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  if (decodedSurrogate) {
    parseFailure(
      'Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units',
    );
  }
  return { text: output, entities: sortEntities(entities) };
}
