/**
 * PTB's derived properties of Message: ids, the `t.me` link, the attachment, accessibility, the
 * text and caption re-rendered as HTML or Markdown from their entities, and entity extraction.
 */
import { MESSAGE_ATTACHMENT_TYPES, type MessageAttachmentType } from '../constants.js';
import { parseEntities, parseEntity } from '../entities/parse.js';
import { renderHtml, renderMarkdown } from '../entities/render.js';
import { InaccessibleMessage, Message, type MessageEntity } from '../generated/types.js';
import { defineBehaviour } from './behaviour.js';

/** What {@link Message.effectiveAttachment} can be: the content of one attachment field. */
export type MessageAttachment = NonNullable<Message[MessageAttachmentType]>;

/** Entity types to select in `parseEntities`: one type or several. */
export type EntityTypes = string | readonly string[];

declare module '../generated/types.js' {
  interface Message {
    /** The id of the chat the message is in (`message.chat.id`). */
    readonly chatId: number;
    /** The message's id (`message.message_id`). */
    readonly id: number;
    /**
     * The `t.me` link of the message in a supergroup or channel: by username when the chat has
     * one, else `t.me/c/<id>` (only members can open it). Replies and forum topic messages link to
     * their thread view (`?thread=<message_thread_id>`). `undefined` in private chats and basic groups.
     */
    readonly link: string | undefined;
    /**
     * The content a user attached, when the message is not plain text: the first present of
     * animation, audio, checklist, contact, dice, document, game, invoice, live photo, location,
     * paid media, passport data, photo (all its sizes), poll, sticker, story, successful payment,
     * video, video note, voice and venue (PTB's order).
     */
    readonly effectiveAttachment: MessageAttachment | undefined;
    /** Always `true`: the bot can read this message (an {@link InaccessibleMessage} says `false`). */
    readonly isAccessible: true;
    /** The text with its entities as Telegram HTML; `undefined` when the message has no text. */
    readonly textHtml: string | undefined;
    /** As {@link textHtml}, with plain URLs turned into links. */
    readonly textHtmlUrled: string | undefined;
    /** The text as legacy Markdown; throws for entities legacy Markdown cannot express. */
    readonly textMarkdown: string | undefined;
    /** As {@link textMarkdown}, with plain URLs turned into links. */
    readonly textMarkdownUrled: string | undefined;
    /** The text with its entities as MarkdownV2. */
    readonly textMarkdownV2: string | undefined;
    /** As {@link textMarkdownV2}, with plain URLs turned into links. */
    readonly textMarkdownV2Urled: string | undefined;
    /** The caption with its entities as Telegram HTML; `undefined` without a caption. */
    readonly captionHtml: string | undefined;
    /** As {@link captionHtml}, with plain URLs turned into links. */
    readonly captionHtmlUrled: string | undefined;
    /** The caption as legacy Markdown; throws for entities legacy Markdown cannot express. */
    readonly captionMarkdown: string | undefined;
    /** As {@link captionMarkdown}, with plain URLs turned into links. */
    readonly captionMarkdownUrled: string | undefined;
    /** The caption with its entities as MarkdownV2. */
    readonly captionMarkdownV2: string | undefined;
    /** As {@link captionMarkdownV2}, with plain URLs turned into links. */
    readonly captionMarkdownV2Urled: string | undefined;
    /**
     * The part of the text an entity covers (offsets count UTF-16 units). Throws when the message
     * has no text.
     */
    parseEntity(entity: MessageEntity): string;
    /**
     * Each text entity (optionally only of the given types) mapped to the text it covers, in the
     * message's order; duplicates count once.
     *
     * @example message.parseEntities(['url', 'text_link'])
     */
    parseEntities(types?: EntityTypes): Map<MessageEntity, string>;
    /** As {@link parseEntity}, on the caption. Throws when the message has no caption. */
    parseCaptionEntity(entity: MessageEntity): string;
    /** As {@link parseEntities}, on the caption and its entities. */
    parseCaptionEntities(types?: EntityTypes): Map<MessageEntity, string>;
  }
  interface InaccessibleMessage {
    /** Always `false`: the message was deleted or is too old for the bot to read. */
    readonly isAccessible: false;
  }
}

const PUBLIC_LINKLESS = new Set(['private', 'group']);

function messageLink(message: Message): string | undefined {
  const chat = message.chat;
  if (PUBLIC_LINKLESS.has(chat.type)) return undefined;
  // Supergroup and channel ids are -100<id>; private links use the part after the prefix.
  const target = chat.username || `c/${String(chat.id).slice(4)}`;
  const link = `https://t.me/${target}/${message.message_id}`;
  const threaded =
    (message.is_topic_message === true || message.reply_to_message !== undefined) &&
    message.message_thread_id !== undefined;
  return threaded ? `${link}?thread=${message.message_thread_id}` : link;
}

function attachmentOf(message: Message): MessageAttachment | undefined {
  for (const field of MESSAGE_ATTACHMENT_TYPES) {
    const value = message[field];
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    return value;
  }
  return undefined;
}

type Format = 'html' | 'markdown' | 'markdownV2';

function render(
  text: string | undefined,
  entities: readonly MessageEntity[] | undefined,
  format: Format,
  urled: boolean,
): string | undefined {
  if (text === undefined) return undefined;
  if (format === 'html') return renderHtml(text, entities, { urled });
  return renderMarkdown(text, entities, { version: format === 'markdown' ? 1 : 2, urled });
}

function requireText(text: string | undefined, what: string): string {
  if (!text) throw new Error(`This Message has no ${what}`);
  return text;
}

defineBehaviour(Message, {
  get chatId() {
    return this.chat.id;
  },
  get id() {
    return this.message_id;
  },
  get link() {
    return messageLink(this);
  },
  get effectiveAttachment() {
    return attachmentOf(this);
  },
  get isAccessible(): true {
    return true;
  },
  get textHtml() {
    return render(this.text, this.entities, 'html', false);
  },
  get textHtmlUrled() {
    return render(this.text, this.entities, 'html', true);
  },
  get textMarkdown() {
    return render(this.text, this.entities, 'markdown', false);
  },
  get textMarkdownUrled() {
    return render(this.text, this.entities, 'markdown', true);
  },
  get textMarkdownV2() {
    return render(this.text, this.entities, 'markdownV2', false);
  },
  get textMarkdownV2Urled() {
    return render(this.text, this.entities, 'markdownV2', true);
  },
  get captionHtml() {
    return render(this.caption, this.caption_entities, 'html', false);
  },
  get captionHtmlUrled() {
    return render(this.caption, this.caption_entities, 'html', true);
  },
  get captionMarkdown() {
    return render(this.caption, this.caption_entities, 'markdown', false);
  },
  get captionMarkdownUrled() {
    return render(this.caption, this.caption_entities, 'markdown', true);
  },
  get captionMarkdownV2() {
    return render(this.caption, this.caption_entities, 'markdownV2', false);
  },
  get captionMarkdownV2Urled() {
    return render(this.caption, this.caption_entities, 'markdownV2', true);
  },
  parseEntity(entity) {
    return parseEntity(requireText(this.text, 'text'), entity);
  },
  parseEntities(types) {
    return parseEntities(this.text ?? '', this.entities, types);
  },
  parseCaptionEntity(entity) {
    return parseEntity(requireText(this.caption, 'caption'), entity);
  },
  parseCaptionEntities(types) {
    return parseEntities(this.caption ?? '', this.caption_entities, types);
  },
});

defineBehaviour(InaccessibleMessage, {
  get isAccessible(): false {
    return false;
  },
});
