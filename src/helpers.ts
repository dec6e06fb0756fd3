/**
 * Text helpers for Telegram's formatting modes (PTB's `telegram.helpers`): escaping for HTML and
 * Markdown, user mentions, deep links.
 */
import { InvalidArgumentError } from './errors.js';

/** A version of Telegram's Markdown: 1 is the legacy `Markdown` mode, 2 is `MarkdownV2`. */
export type MarkdownVersion = 1 | 2;

/** Options of {@link escapeMarkdown}. */
export interface EscapeMarkdownOptions {
  /** Markdown version; 1 (legacy) unless given. */
  readonly version?: MarkdownVersion;
  /**
   * In MarkdownV2, the context the text goes into: inside `pre` and `code` only `` ` `` and `\`
   * are escaped, inside the URL part of `text_link` and `custom_emoji` only `)` and `\`.
   * Ignored for version 1.
   */
  readonly entityType?: string;
}

const MARKDOWN_V1 = /[_*`[]/g;
const MARKDOWN_V2 = /[\\_*[\]()~`>#+\-=|{}.!]/g;
const MARKDOWN_V2_CODE = /[\\`]/g;
const MARKDOWN_V2_LINK = /[\\)]/g;
const HTML_SPECIAL = /[&<>"']/g;
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};
const DEEP_LINK_PAYLOAD = /^[A-Za-z0-9_-]+$/;
/** Longest payload a `t.me` start link may carry. */
const DEEP_LINK_LENGTH = 64;

function checkVersion(version: unknown): MarkdownVersion {
  if (version === 1 || version === 2) return version;
  throw new InvalidArgumentError(`Markdown version must be 1 or 2, not ${String(version)}`, {
    parameter: 'version',
  });
}

function htmlEntity(char: string): string {
  return HTML_ENTITIES[char] ?? char;
}

/**
 * Escapes the characters that Telegram's Markdown would read as markup.
 *
 * @example escapeMarkdown('a_b*c') // 'a\\_b\\*c'
 * @example escapeMarkdown('f(x) = 1.', { version: 2 }) // 'f\\(x\\) \\= 1\\.'
 * @example escapeMarkdown('`x`', { version: 2, entityType: 'code' }) // '\\`x\\`'
 */
export function escapeMarkdown(text: string, options: EscapeMarkdownOptions = {}): string {
  const version = checkVersion(options.version ?? 1);
  if (version === 1) return text.replace(MARKDOWN_V1, '\\$&');
  switch (options.entityType) {
    case 'pre':
    case 'code':
      return text.replace(MARKDOWN_V2_CODE, '\\$&');
    case 'text_link':
    case 'custom_emoji':
      return text.replace(MARKDOWN_V2_LINK, '\\$&');
    default:
      return text.replace(MARKDOWN_V2, '\\$&');
  }
}

/**
 * Escapes `&`, `<`, `>`, `"` and `'` for Telegram's HTML mode (as Python's `html.escape`).
 *
 * @example escapeHtml('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, htmlEntity);
}

/**
 * An HTML link that mentions a user by id; `name` is escaped.
 *
 * @example mentionHtml(42, 'Ann & Bob') // '<a href="tg://user?id=42">Ann &amp; Bob</a>'
 */
export function mentionHtml(userId: number | string, name: string): string {
  return `<a href="tg://user?id=${userId}">${escapeHtml(name)}</a>`;
}

/**
 * A Markdown link that mentions a user by id. For version 2 the name is escaped; legacy Markdown
 * (the default, as in PTB) takes the name as it is.
 *
 * @example mentionMarkdown(42, 'the_name', 2) // '[the\\_name](tg://user?id=42)'
 */
export function mentionMarkdown(userId: number | string, name: string, version: MarkdownVersion = 1): string {
  const label = checkVersion(version) === 1 ? name : escapeMarkdown(name, { version });
  return `[${label}](tg://user?id=${userId})`;
}

/**
 * A `t.me` link that opens a chat with the bot and sends `/start payload` (with `group`, one that
 * lets the user add the bot to a group). See https://core.telegram.org/bots/features#deep-linking.
 * The payload holds at most 64 characters out of `A-Z a-z 0-9 _ -`; an empty one gives the plain link.
 *
 * @example createDeepLinkedUrl('my_bot', 'ref-42') // 'https://t.me/my_bot?start=ref-42'
 */
export function createDeepLinkedUrl(botUsername: string, payload?: string | null, group = false): string {
  if (typeof botUsername !== 'string' || botUsername.length < 4) {
    throw new InvalidArgumentError(
      `A bot username has at least 4 characters; got ${JSON.stringify(botUsername ?? null)}`,
      { parameter: 'botUsername' },
    );
  }
  const base = `https://t.me/${botUsername}`;
  if (payload === undefined || payload === null || payload === '') return base;
  if (payload.length > DEEP_LINK_LENGTH) {
    throw new InvalidArgumentError(
      `A deep-link payload is at most ${DEEP_LINK_LENGTH} characters long; this one has ${payload.length}`,
      { parameter: 'payload' },
    );
  }
  if (!DEEP_LINK_PAYLOAD.test(payload)) {
    throw new InvalidArgumentError(
      `A deep-link payload may only use the characters A-Z, a-z, 0-9, _ and -; got ${JSON.stringify(payload)}`,
      { parameter: 'payload' },
    );
  }
  return `${base}?${group ? 'startgroup' : 'start'}=${payload}`;
}
