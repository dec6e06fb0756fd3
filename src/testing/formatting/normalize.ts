/**
 * What Telegram does to a text and its entities when a message is sent, after `parse_mode`
 * parsing: control characters cleaned, entities made consistent (no partial overlaps, formatting
 * split at the bounds of other entities, nothing formatted inside code), whitespace trimmed.
 */
import {
  byteOffset,
  EntityParseError,
  type FormattedText,
  type MessageEntityJSON,
  sortEntities,
} from './common.js';
import { findTextEntities, mergeDetectedEntities } from './detect.js';
import { fixEntities } from './fix.js';

/** Rejects entity bounds Telegram rejects, in the Bot API's wording. */
function badEntities(reason: string): never {
  throw new EntityParseError(`Bad Request: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`);
}

/** Checks that offsets and lengths are sane numbers, before any repair. */
function checkNumbers(entities: readonly MessageEntityJSON[]): void {
  for (const { offset, length } of entities) {
    if (!Number.isInteger(offset) || offset < 0 || offset > 1_000_000) {
      badEntities(`Receive an entity with incorrect offset ${offset}`);
    }
    if (!Number.isInteger(length) || length < 0 || length > 1_000_000) {
      badEntities(`Receive an entity with incorrect length ${length}`);
    }
  }
}

/** Whether UTF-16 index `index` of `text` falls between the halves of a surrogate pair. */
function splitsPair(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Checks that (repaired, sorted) entities lie within the text and do not cut a character in two. */
function checkBounds(text: string, entities: readonly MessageEntityJSON[]): void {
  for (const entity of entities) {
    const end = entity.offset + entity.length;
    if (entity.offset > text.length) {
      badEntities(`Entity begins after the end of the text at UTF-16 offset ${entity.offset}`);
    }
    if (splitsPair(text, entity.offset)) {
      badEntities(
        `Entity begins in a middle of a UTF-16 symbol at byte offset ${byteOffset(text, entity.offset + 1)}`,
      );
    }
    if (end > text.length) {
      badEntities(
        `Entity beginning at UTF-16 offset ${entity.offset} ends after the end of the text at UTF-16 offset ${end}`,
      );
    }
    if (splitsPair(text, end)) {
      badEntities(
        `Entity beginning at UTF-16 offset ${entity.offset} ends in a middle of a UTF-16 symbol at byte offset ${byteOffset(text, end + 1)}`,
      );
    }
  }
}

/** Code units Telegram deletes from message text: `\r`, some bidi controls, some combining marks. */
function isDeleted(code: number): boolean {
  return (
    code === 0x0d ||
    (code >= 0x2028 && code <= 0x202e) ||
    code === 0x0333 ||
    code === 0x033f ||
    code === 0x030a
  );
}

/** Cleans the text and moves the entities over the deleted code units. */
function cleanText(formatted: FormattedText): FormattedText {
  const { text } = formatted;
  const deletedBefore = new Int32Array(text.length + 1);
  let output = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const deleted = isDeleted(code);
    deletedBefore[i + 1] = deletedBefore[i]! + (deleted ? 1 : 0);
    if (deleted) continue;
    output += code < 0x20 && code !== 0x0a ? ' ' : text.charAt(i);
  }
  // In a run of left-to-right / right-to-left marks all but the last become zero-width non-joiners.
  output = output.replace(/[\u200e\u200f]+(?=[\u200e\u200f])/g, (run) => '\u200c'.repeat(run.length));
  const entities = formatted.entities.map((entity) => {
    const from = entity.offset;
    const to = entity.offset + entity.length;
    const offset = from - deletedBefore[from]!;
    return { ...entity, offset, length: to - deletedBefore[to]! - offset };
  });
  return { text: output, entities };
}

/** Characters Telegram counts as spaces when deciding whether a text is visible at all. */
const SPACE_LIKE = /[\u1680\u180e\u2000-\u200a\u202e\u202f\u205f\u2800\u3000\ufffc]|\udb40[\udc00\udc01]/g;

/** Whether `text` shows nothing: space-like characters, then only invisible marks between them. */
function isInvisible(text: string): boolean {
  const inner = text.replace(SPACE_LIKE, ' ').replace(/^[ \t\r\n\v\0]+|[ \t\r\n\v\0]+$/g, '');
  return /^[\u200b-\u200f\u202e\ufeff\u00a0]*$/.test(inner);
}

/** Options of {@link normalizeFormattedText}. */
export interface NormalizeOptions {
  /** Whether a text that is empty after trimming is accepted (captions); default false. */
  readonly allowEmpty?: boolean;
  /** Whether leading and trailing spaces and line breaks are removed; default true. */
  readonly trim?: boolean;
  /** Whether mentions, commands, hashtags, URLs... are detected and added; default true. */
  readonly detectEntities?: boolean;
  /** Whether detection includes `/commands`; default true (as for messages of bots). */
  readonly botCommands?: boolean;
}

/**
 * Applies what Telegram does to message text before storing it: control characters become
 * spaces, `\r` and a few invisible characters are deleted, entities are repaired
 * ({@link fixEntities}), leading/trailing spaces and line breaks are trimmed (leading ones only
 * up to the first entity) with entities clipped, and entities Telegram detects by itself are
 * added ({@link findTextEntities}).
 * @throws {EntityParseError} `Bad Request: text must be non-empty` when only whitespace or
 * invisible characters remain and `allowEmpty` is not set; Telegram's errors for entities with
 * bad numbers, beyond the text or cutting a surrogate pair in two.
 */
export function normalizeFormattedText(
  formatted: FormattedText,
  options: NormalizeOptions = {},
): FormattedText {
  checkNumbers(formatted.entities);
  const repaired = fixEntities(formatted.entities);
  checkBounds(formatted.text, repaired);
  const cleaned = cleanText({ text: formatted.text, entities: repaired });
  let text = cleaned.text;
  let keep = text.length;
  while (keep > 0 && (text.charAt(keep - 1) === ' ' || text.charAt(keep - 1) === '\n')) keep--;
  if (keep === 0) {
    if (options.allowEmpty === true) return { text: '', entities: [] };
    throw new EntityParseError('Bad Request: text must be non-empty');
  }
  let entities = fixEntities(cleaned.entities);

  if (options.trim !== false) {
    text = text.slice(0, keep);
    entities = entities
      .filter((entity) => entity.offset < keep)
      .map((entity) =>
        entity.offset + entity.length > keep ? { ...entity, length: keep - entity.offset } : entity,
      );
    const firstEntity = entities.length === 0 ? text.length : Math.min(...entities.map((e) => e.offset));
    let lead = 0;
    while (lead < firstEntity && (text.charAt(lead) === ' ' || text.charAt(lead) === '\n')) lead++;
    if (lead > 0) {
      text = text.slice(lead);
      entities = entities.map((entity) => ({ ...entity, offset: entity.offset - lead }));
    }
    entities = sortEntities(entities);
  }
  if (isInvisible(text)) {
    if (options.allowEmpty === true) return { text: '', entities: [] };
    throw new EntityParseError('Bad Request: text must be non-empty');
  }
  if (options.detectEntities !== false) {
    const detected = findTextEntities(text, options.botCommands === false ? { botCommands: false } : {});
    entities = mergeDetectedEntities(entities, detected);
  }
  return { text, entities };
}
