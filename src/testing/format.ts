/** The one place where `parse_mode` markup turns into text and entities. */
import { badRequest } from './errors.js';

/** A message entity as JSON. */
export interface EntityJSON {
  type: string;
  offset: number;
  length: number;
  url?: string;
  user?: unknown;
  language?: string;
  custom_emoji_id?: string;
  date_time_format?: string;
  unix_time?: number;
}

/** Formatted text: the visible text and its entities. */
export interface FormattedText {
  readonly text: string;
  readonly entities: EntityJSON[];
}

const MODES = new Set(['html', 'markdownv2', 'markdown']);

/**
 * Applies `parse_mode` (or the explicit entities) to a text the way Telegram does before storing
 * a message. Markup is kept as plain text until the shared entity parser is available.
 */
export function formatText(text: string, parseMode: unknown, entities: unknown): FormattedText {
  if (parseMode !== undefined && parseMode !== null && parseMode !== '') {
    if (typeof parseMode !== 'string' || !MODES.has(parseMode.toLowerCase())) {
      throw badRequest(`unsupported parse_mode`);
    }
    return { text, entities: [] };
  }
  return { text, entities: Array.isArray(entities) ? (entities as EntityJSON[]) : [] };
}
