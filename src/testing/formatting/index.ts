/**
 * What Telegram's server does with formatted text, in two stages:
 * - {@link parseFormattedText}: `parse_mode` parsing (HTML, MarkdownV2, legacy Markdown) into
 *   plain text and `MessageEntity` objects, or the Bot API error Telegram would answer;
 * - {@link normalizeFormattedText}: what happens to any message text before it is stored
 *   (cleaning, nesting repair, trimming, detection of mentions, commands, URLs...).
 *
 * @example
 * ```ts
 * parseFormattedText('<b>Hi</b> 👋', 'HTML');
 * // { text: 'Hi 👋', entities: [{ type: 'bold', offset: 0, length: 2 }] }
 * normalizeFormattedText(parseFormattedText(' /start <i>now</i>\n', 'HTML'));
 * // { text: '/start now', entities: [{ type: 'bot_command', offset: 0, length: 6 },
 * //                                 { type: 'italic', offset: 7, length: 3 }] }
 * ```
 */
import { asciiLower, EntityParseError, type FormattedText } from './common.js';
import { parseHtml } from './html.js';
import { parseMarkdown } from './markdown.js';
import { parseMarkdownV2 } from './markdownv2.js';

export {
  EntityParseError,
  type FormattedText,
  type MentionedUserJSON,
  type MessageEntityJSON,
  sortEntities,
  utf16Length,
} from './common.js';
export { type DetectOptions, findTextEntities, mergeDetectedEntities } from './detect.js';
export { fixEntities } from './fix.js';
export { parseHtml } from './html.js';
export { checkedLink, mentionedUserId } from './links.js';
export { parseMarkdown } from './markdown.js';
export { parseMarkdownV2 } from './markdownv2.js';
export { type NormalizeOptions, normalizeFormattedText } from './normalize.js';

/** The parse modes of the Bot API, as documented; any casing of them is accepted. */
export type ParseMode = 'HTML' | 'MarkdownV2' | 'Markdown';

/**
 * Parses `text` the way the Bot API does for `parse_mode` (compared case-insensitively; an empty
 * mode or `none` leaves the text as it is, and so does an empty text).
 * Entities come sorted by offset, the enclosing one first.
 * @throws {EntityParseError} `Bad Request: unsupported parse_mode` for an unknown mode, or
 * `Bad Request: can't parse entities: ...` for text the mode rejects.
 */
export function parseFormattedText(text: string, parseMode: ParseMode | (string & {})): FormattedText {
  const mode = asciiLower(parseMode);
  if (text === '' || mode === '' || mode === 'none') return { text, entities: [] };
  switch (mode) {
    case 'html':
      return parseHtml(text);
    case 'markdownv2':
      return parseMarkdownV2(text);
    case 'markdown':
      return parseMarkdown(text);
    default:
      throw new EntityParseError('Bad Request: unsupported parse_mode');
  }
}
