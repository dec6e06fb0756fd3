/**
 * Chat and ChatFullInfo: PTB's derived names, links and mentions, plus every shortcut that fills
 * in the chat's id (sending, copying, administration, invite links, forum topics).
 */
import { Chat, ChatFullInfo } from '../generated/types.js';
import { escapeHtml, escapeMarkdown, mentionHtml, mentionMarkdown } from '../helpers.js';
import { defineBehaviour } from './behaviour.js';
import { type ChatAdminShortcuts, chatAdminMembers } from './chat-admin.js';
import { type ChatSendShortcuts, chatSendMembers } from './chat-send.js';
import { fullNameOf, linkOf } from './naming.js';

/** Names, links and mentions of a chat, on both Chat and ChatFullInfo. */
export interface ChatNaming {
  /** The title of a group or channel, else the full name of a private chat's user. */
  readonly effectiveName: string | undefined;
  /** `first_name last_name` of a private chat; `undefined` for groups and channels. */
  readonly fullName: string | undefined;
  /** `https://t.me/<username>` when the chat has a username. */
  readonly link: string | undefined;
  /**
   * An HTML mention: a `tg://user` link for a private chat, a `t.me` link for a public group or
   * channel. `name` defaults to the full name or title. Throws a TypeError for private groups and
   * for chats without a name to show.
   *
   * @example chat.mentionHtml() // '<a href="https://t.me/news">News</a>'
   */
  mentionHtml(name?: string): string;
  /** As {@link mentionHtml}, in legacy Markdown (the name is not escaped). */
  mentionMarkdown(name?: string): string;
  /** As {@link mentionHtml}, in MarkdownV2 (the name is escaped). */
  mentionMarkdownV2(name?: string): string;
}

declare module '../generated/types.js' {
  interface Chat extends ChatNaming, ChatSendShortcuts, ChatAdminShortcuts {}
  interface ChatFullInfo extends ChatNaming, ChatSendShortcuts, ChatAdminShortcuts {}
}

/** The fields of a chat the naming rules read. */
type ChatLike = Chat | ChatFullInfo;

type Format = 'html' | 'markdown' | 'markdownV2';

function mention(chat: ChatLike, format: Format, name: string | undefined): string {
  if (chat.type === 'private') {
    const label = name || fullNameOf(chat);
    if (!label) throw new TypeError('Can not mention a private chat without a first name');
    if (format === 'html') return mentionHtml(chat.id, label);
    return mentionMarkdown(chat.id, label, format === 'markdown' ? 1 : 2);
  }
  const link = linkOf(chat);
  if (link === undefined) throw new TypeError('Can not mention a group or channel that has no username');
  const label = name || chat.title;
  if (!label) throw new TypeError('Can not mention a public chat without a title');
  if (format === 'html') return `<a href="${link}">${escapeHtml(label)}</a>`;
  if (format === 'markdown') return `[${label}](${link})`;
  return `[${escapeMarkdown(label, { version: 2 })}](${link})`;
}

for (const target of [Chat, ChatFullInfo]) {
  defineBehaviour<ChatLike, keyof ChatNaming>(target, {
    get effectiveName() {
      return this.title ?? fullNameOf(this);
    },
    get fullName() {
      return fullNameOf(this);
    },
    get link() {
      return linkOf(this);
    },
    mentionHtml(name) {
      return mention(this, 'html', name);
    },
    mentionMarkdown(name) {
      return mention(this, 'markdown', name);
    },
    mentionMarkdownV2(name) {
      return mention(this, 'markdownV2', name);
    },
  });
  defineBehaviour<ChatLike, keyof ChatSendShortcuts>(target, chatSendMembers);
  defineBehaviour<ChatLike, keyof ChatAdminShortcuts>(target, chatAdminMembers);
}
