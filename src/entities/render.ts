/**
 * Turns a text and its entities back into HTML or Markdown markup, the way PTB's
 * `Message.text_html`, `text_markdown`, `text_markdown_v2` and their `_urled` forms do.
 */
import { InvalidArgumentError } from '../errors.js';
import { escapeHtml, escapeMarkdown, type MarkdownVersion } from '../helpers.js';
import type { EntityLike } from './types.js';

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /** Also turn `url` entities into `<a href>` links (PTB's `text_html_urled`). */
  readonly urled?: boolean;
}

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** 1 for legacy Markdown (the default, as PTB's `text_markdown`), 2 for MarkdownV2. */
  readonly version?: MarkdownVersion;
  /** Also turn `url` entities into `[text](url)` links (PTB's `text_markdown_urled`). */
  readonly urled?: boolean;
}

/** How one markup language escapes plain text and wraps an entity around its rendered content. */
interface Markup {
  /** Escapes text outside of any entity markup. */
  plain(text: string): string;
  /** The markup of `entity`: `inner` is its rendered content, `raw` its unescaped text. */
  wrap(entity: EntityLike, inner: string, raw: string): string;
  /** Whether entities inside entities are an error (legacy Markdown). */
  readonly flat: boolean;
}

/** Entity types legacy Markdown cannot express, in the order PTB checks them, with their names. */
const MARKDOWN_V1_UNSUPPORTED: ReadonlyArray<readonly [string, string]> = [
  ['expandable_blockquote', 'Expandable Blockquote'],
  ['blockquote', 'Blockquote'],
  ['custom_emoji', 'Custom Emoji'],
  ['spoiler', 'Spoiler'],
  ['strikethrough', 'Strikethrough'],
  ['underline', 'Underline'],
  ['date_time', 'Date Time'],
];

/** Whether `code` ends a line for Python's `str.splitlines` (`\r\n` is handled by the caller). */
function isLineBreak(code: number): boolean {
  return (
    (code >= 0x0a && code <= 0x0d) ||
    (code >= 0x1c && code <= 0x1e) ||
    code === 0x85 ||
    code === 0x2028 ||
    code === 0x2029
  );
}

function unixSeconds(time: number | Date): number {
  return typeof time === 'number' ? time : Math.floor(time.getTime() / 1000);
}

/**
 * `>` before every line, as PTB builds a MarkdownV2 block quote from Python's `splitlines()`:
 * every line boundary becomes `\n>`, and a boundary at the very end is dropped.
 */
function quoteLines(text: string): string {
  let end = text.length;
  if (end > 0 && isLineBreak(text.charCodeAt(end - 1))) {
    end -= text.charCodeAt(end - 1) === 0x0a && end > 1 && text.charCodeAt(end - 2) === 0x0d ? 2 : 1;
  }
  let out = '>';
  let from = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isLineBreak(code)) continue;
    out += `${text.slice(from, i)}\n>`;
    if (code === 0x0d && i + 1 < end && text.charCodeAt(i + 1) === 0x0a) i++;
    from = i + 1;
  }
  return out + text.slice(from, end);
}

const HTML: Markup = {
  plain: escapeHtml,
  flat: false,
  wrap(entity, inner) {
    switch (entity.type) {
      case 'text_link':
        return entity.url === undefined ? inner : `<a href="${entity.url}">${inner}</a>`;
      case 'text_mention':
        return entity.user === undefined ? inner : `<a href="tg://user?id=${entity.user.id}">${inner}</a>`;
      case 'blockquote':
        return `<blockquote>${inner}</blockquote>`;
      case 'expandable_blockquote':
        return `<blockquote expandable>${inner}</blockquote>`;
      case 'bold':
        return `<b>${inner}</b>`;
      case 'italic':
        return `<i>${inner}</i>`;
      case 'code':
        return `<code>${inner}</code>`;
      case 'pre':
        return entity.language
          ? `<pre><code class="${entity.language}">${inner}</code></pre>`
          : `<pre>${inner}</pre>`;
      case 'underline':
        return `<u>${inner}</u>`;
      case 'strikethrough':
        return `<s>${inner}</s>`;
      case 'spoiler':
        return `<span class="tg-spoiler">${inner}</span>`;
      case 'custom_emoji':
        return entity.custom_emoji_id === undefined
          ? inner
          : `<tg-emoji emoji-id="${entity.custom_emoji_id}">${inner}</tg-emoji>`;
      case 'date_time': {
        if (entity.unix_time === undefined) return inner;
        const format = entity.date_time_format ? ` format="${entity.date_time_format}"` : '';
        return `<tg-time unix="${unixSeconds(entity.unix_time)}"${format}>${inner}</tg-time>`;
      }
      default:
        return inner;
    }
  },
};

const HTML_URLED: Markup = {
  ...HTML,
  wrap(entity, inner, raw) {
    return entity.type === 'url' ? `<a href="${inner}">${inner}</a>` : HTML.wrap(entity, inner, raw);
  },
};

function markdownMarkup(version: MarkdownVersion, urled: boolean): Markup {
  const v2 = version === 2;
  const plainOptions = { version } as const;
  const codeOptions = { version, entityType: 'code' } as const;
  const preOptions = { version, entityType: 'pre' } as const;
  const linkOptions = { version, entityType: 'text_link' } as const;
  const emojiOptions = { version, entityType: 'custom_emoji' } as const;
  return {
    plain: (text) => escapeMarkdown(text, plainOptions),
    flat: !v2,
    wrap(entity, inner, raw) {
      switch (entity.type) {
        case 'text_link': {
          if (entity.url === undefined) return inner;
          return `[${inner}](${v2 ? escapeMarkdown(entity.url, linkOptions) : entity.url})`;
        }
        case 'text_mention':
          return entity.user === undefined ? inner : `[${inner}](tg://user?id=${entity.user.id})`;
        case 'url':
          return urled ? `[${v2 ? inner : raw}](${raw})` : inner;
        case 'bold':
          return `*${inner}*`;
        case 'italic':
          return `_${inner}_`;
        case 'code':
          return `\`${escapeMarkdown(raw, codeOptions)}\``;
        case 'pre': {
          const code = escapeMarkdown(raw, preOptions);
          const opening = entity.language
            ? `\`\`\`${entity.language}\n`
            : code.startsWith('\\')
              ? '```'
              : '```\n';
          return `${opening}${code}\`\`\``;
        }
        case 'underline':
          return `__${inner}__`;
        case 'strikethrough':
          return `~${inner}~`;
        case 'spoiler':
          return `||${inner}||`;
        case 'blockquote':
          return quoteLines(inner);
        case 'expandable_blockquote':
          return `${quoteLines(inner)}||`;
        case 'custom_emoji':
          return entity.custom_emoji_id === undefined
            ? inner
            : `![${inner}](tg://emoji?id=${escapeMarkdown(entity.custom_emoji_id, emojiOptions)})`;
        case 'date_time': {
          if (entity.unix_time === undefined) return inner;
          const format = entity.date_time_format ? `&format=${entity.date_time_format}` : '';
          return `![${inner}](tg://time?unix=${unixSeconds(entity.unix_time)}${format})`;
        }
        default:
          return inner;
      }
    },
  };
}

const MARKDOWN: Readonly<Record<string, Markup>> = {
  '1': markdownMarkup(1, false),
  '1u': markdownMarkup(1, true),
  '2': markdownMarkup(2, false),
  '2u': markdownMarkup(2, true),
};

/**
 * The entities ordered for rendering: by offset, an enclosing entity before the entities it
 * starts together with (longer first), otherwise in their given order; entities equal by type,
 * offset and length are kept once.
 */
function order(entities: readonly EntityLike[]): EntityLike[] {
  const sorted = entities.slice().sort((a, b) => a.offset - b.offset || b.length - a.length);
  let write = 0;
  for (let read = 0; read < sorted.length; read++) {
    const entity = sorted[read]!;
    let duplicate = false;
    for (let k = write - 1; k >= 0; k--) {
      const kept = sorted[k]!;
      if (kept.offset !== entity.offset || kept.length !== entity.length) break;
      if (kept.type === entity.type) {
        duplicate = true;
        break;
      }
    }
    if (!duplicate) sorted[write++] = entity;
  }
  sorted.length = write;
  return sorted;
}

/**
 * Renders `text.slice(start, end)` with `entities` (ordered, all inside that range). An entity's
 * content is rendered with the entities it encloses; text between entities is escaped. Entities
 * that cross each other without nesting are rendered one after the other, as PTB does.
 */
function renderRange(
  text: string,
  entities: readonly EntityLike[],
  start: number,
  end: number,
  markup: Markup,
): string {
  let out = '';
  let cursor = start;
  let enclosed: Set<EntityLike> | undefined;
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i]!;
    if (enclosed?.has(entity)) continue;
    const entityEnd = entity.offset + entity.length;
    let inside: EntityLike[] | undefined;
    for (let j = i + 1; j < entities.length; j++) {
      const other = entities[j]!;
      if (other.offset > entityEnd) break;
      if (other.offset + other.length <= entityEnd) {
        if (inside === undefined) inside = [];
        inside.push(other);
        if (enclosed === undefined) enclosed = new Set();
        enclosed.add(other);
      }
    }
    const raw = text.slice(entity.offset, entityEnd);
    let inner: string;
    if (inside === undefined) {
      inner = markup.plain(raw);
    } else if (markup.flat) {
      throw new Error('Nested entities are not supported for Markdown version 1');
    } else {
      inner = renderRange(text, inside, entity.offset, entityEnd, markup);
    }
    out += markup.plain(text.slice(cursor, entity.offset)) + markup.wrap(entity, inner, raw);
    cursor = entityEnd;
  }
  return out + markup.plain(text.slice(cursor, end));
}

/**
 * The text with its entities as Telegram HTML (PTB's `text_html`; with `urled`, `text_html_urled`).
 * Use it for captions with the caption entities the same way.
 *
 * @example renderHtml('Hi you', [{ type: 'bold', offset: 3, length: 3 }]) // 'Hi <b>you</b>'
 */
export function renderHtml(
  text: string,
  entities: readonly EntityLike[] | undefined,
  options: RenderHtmlOptions = {},
): string {
  if (entities === undefined || entities.length === 0) return escapeHtml(text);
  return renderRange(text, order(entities), 0, text.length, options.urled ? HTML_URLED : HTML);
}

/**
 * The text with its entities as Telegram Markdown: legacy Markdown for version 1 (PTB's
 * `text_markdown`), MarkdownV2 for version 2 (`text_markdown_v2`); `urled` also links `url`
 * entities. Legacy Markdown has no underline, strikethrough, spoiler, block quote, custom emoji or
 * date-time markup and no nesting: such entities make it throw an `Error` naming them.
 *
 * @example renderMarkdown('Hi you', [{ type: 'bold', offset: 3, length: 3 }], { version: 2 }) // 'Hi *you*'
 */
export function renderMarkdown(
  text: string,
  entities: readonly EntityLike[] | undefined,
  options: RenderMarkdownOptions = {},
): string {
  const version = options.version ?? 1;
  const markup = MARKDOWN[`${version}${options.urled ? 'u' : ''}`];
  if (markup === undefined) {
    throw new InvalidArgumentError(`Markdown version must be 1 or 2, not ${String(version)}`, {
      parameter: 'version',
    });
  }
  if (entities === undefined || entities.length === 0) return markup.plain(text);
  if (markup.flat) {
    const present = new Set<string>();
    for (const entity of entities) present.add(entity.type);
    for (const [type, name] of MARKDOWN_V1_UNSUPPORTED) {
      if (present.has(type)) throw new Error(`${name} entities are not supported for Markdown version 1`);
    }
  }
  return renderRange(text, order(entities), 0, text.length, markup);
}
