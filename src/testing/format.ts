/** The one place where `parse_mode` markup turns into text and entities. */
import { ApiError } from './errors.js';
import type { MessageEntityJSON } from './formatting/index.js';
import {
  EntityParseError,
  findTextEntities,
  normalizeFormattedText,
  parseFormattedText,
} from './formatting/index.js';

/** A message entity as JSON. */
export type EntityJSON = MessageEntityJSON;

/** Formatted text: the visible text and its entities. */
export interface FormattedText {
  readonly text: string;
  readonly entities: EntityJSON[];
}

function rethrow(error: unknown): never {
  if (error instanceof EntityParseError) throw new ApiError(error.code, error.description);
  throw error;
}

/**
 * Applies `parse_mode` (or the explicit entities) to a text the way Telegram does before storing
 * a message: markup parsed, text cleaned and trimmed, links, mentions and commands detected.
 * A text that is empty afterwards comes back empty; callers decide whether that is an error.
 */
export function formatText(text: string, parseMode: unknown, entities: unknown): FormattedText {
  try {
    const parsed =
      typeof parseMode === 'string' && parseMode !== ''
        ? parseFormattedText(text, parseMode)
        : {
            text,
            entities: Array.isArray(entities) ? (entities as EntityJSON[]).map((e) => ({ ...e })) : [],
          };
    return normalizeFormattedText(parsed, { allowEmpty: true });
  } catch (error) {
    rethrow(error);
  }
}

/** The entities Telegram detects in text a user typed (commands, mentions, links, hashtags). */
export function detectEntities(text: string): EntityJSON[] {
  return findTextEntities(text);
}
