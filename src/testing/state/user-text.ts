/**
 * What Telegram's apps do to the text of a message or caption a user sends, before it leaves the
 * device: control characters cleaned, leading and trailing spaces and line breaks trimmed, and
 * the entities moved with the text (an entity's leading whitespace is dropped from it, an entity
 * of whitespace only vanishes, one reaching into the trimmed tail is cut), then mentions,
 * commands, links and the like detected.
 */
import { ApiError, badRequest } from '../errors.js';
import type { FormattedText, MessageEntityJSON } from '../formatting/index.js';
import { EntityParseError, normalizeFormattedText } from '../formatting/index.js';

/** Spaces, line breaks and the control characters the cleaning turns into spaces (or deletes). */
function isBlank(code: number): boolean {
  return code <= 0x20;
}

/**
 * Moves the start of each entity past whitespace and drops entities holding whitespace only, as
 * Telegram does before trimming; then trimming the text's head cuts no entity.
 */
function tightenEntities(text: string, entities: readonly MessageEntityJSON[]): MessageEntityJSON[] {
  const out: MessageEntityJSON[] = [];
  for (const entity of entities) {
    const { offset, length } = entity;
    // Malformed numbers are left for the normalizer, which answers Telegram's error for them.
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0) {
      out.push({ ...entity });
      continue;
    }
    const end = offset + length;
    let start = offset;
    while (start < end && start < text.length && isBlank(text.charCodeAt(start))) start++;
    if (start < end) out.push({ ...entity, offset: start, length: end - start });
  }
  return out;
}

/**
 * Formats a text a user sends: trimmed, entities adjusted and detected. An empty result is an
 * error for message texts (`message text is empty`), and an empty string for captions.
 */
export function userText(text: string, entities: unknown, kind: 'text' | 'caption'): FormattedText {
  const given = Array.isArray(entities) ? (entities as MessageEntityJSON[]) : [];
  try {
    const formatted = normalizeFormattedText(
      { text, entities: tightenEntities(text, given) },
      { allowEmpty: true },
    );
    if (formatted.text === '' && kind === 'text') throw badRequest('message text is empty');
    return formatted;
  } catch (error) {
    if (error instanceof EntityParseError) throw new ApiError(error.code, error.description);
    throw error;
  }
}
