/**
 * Shared pieces of the `parse_mode` parsers: the entity shape they produce, the error they throw,
 * offset arithmetic (UTF-16 for entities, UTF-8 bytes for error positions) and entity ordering.
 */

/** The user a `text_mention` points at; the parsers only know the id, the emulator may add more. */
export interface MentionedUserJSON {
  readonly id: number;
  readonly [field: string]: unknown;
}

/** A `MessageEntity` as the Bot API serialises it. Offsets and lengths are in UTF-16 code units. */
export interface MessageEntityJSON {
  type: string;
  offset: number;
  length: number;
  url?: string;
  user?: MentionedUserJSON;
  language?: string;
  custom_emoji_id?: string;
  unix_time?: number;
  date_time_format?: string;
}

/** Text with its entities, the result of parsing formatted text. */
export interface FormattedText {
  text: string;
  entities: MessageEntityJSON[];
}

/**
 * Formatted text Telegram refuses. `description` is the full Bot API error description,
 * e.g. `Bad Request: can't parse entities: Unsupported start tag "foo" at byte offset 0`.
 */
export class EntityParseError extends Error {
  /** HTTP status / `error_code` of the Bot API answer: always 400. */
  readonly code = 400;
  /** The Bot API `description` field. */
  readonly description: string;

  constructor(description: string) {
    super(description);
    this.name = 'EntityParseError';
    this.description = description;
  }
}

/** Throws the error Telegram answers when a parser rejects its input; `reason` as the parser words it. */
export function parseFailure(reason: string): never {
  throw new EntityParseError(`Bad Request: can't parse entities: ${reason}`);
}

/** Length of `text` in UTF-16 code units, the unit of entity offsets (a JS string's `length`). */
export function utf16Length(text: string): number {
  return text.length;
}

/** Position in UTF-8 bytes of the UTF-16 index `index` of `text`; Telegram reports errors in bytes. */
export function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}

/** Code unit at `index`, or 0 past the end: the parsers read ahead the way a C string allows. */
export function codeAt(text: string, index: number): number {
  return index < text.length ? text.charCodeAt(index) : 0;
}

/** Whitespace as Telegram's parsers see it, the end of the input included. */
export function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a || code === 0 || code === 0x0b;
}

/** ASCII-only lower-casing, as Telegram applies to tag names, schemes and hosts. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/** Order among entities sharing offset and length: outer first, as Telegram sorts them. */
function typePriority(entity: MessageEntityJSON): number {
  switch (entity.type) {
    case 'blockquote':
    case 'expandable_blockquote':
      return 0;
    case 'pre':
      return entity.language === undefined ? 11 : 10;
    case 'code':
      return 20;
    case 'date_time':
      return 30;
    case 'text_link':
    case 'text_mention':
      return 49;
    case 'bold':
      return 90;
    case 'italic':
      return 91;
    case 'underline':
      return 92;
    case 'strikethrough':
      return 93;
    case 'spoiler':
      return 94;
    case 'custom_emoji':
      return 99;
    default:
      return 50;
  }
}

/** Sorts in place by offset, then longer first, then outer type first; returns the same array. */
export function sortEntities(entities: MessageEntityJSON[]): MessageEntityJSON[] {
  return entities.sort(
    (a, b) => a.offset - b.offset || b.length - a.length || typePriority(a) - typePriority(b),
  );
}
