/**
 * Type-level tests of fixed string values (only type-checked): parameters and fields whose values
 * the API fixes are unions of literals, so a misspelt value fails to compile while the constants
 * and the correct spellings compile.
 */
import type { Bot } from '../../src/bot.js';
import { ChatAction, MessageEntityType, ParseMode, StickerFormat } from '../../src/constants/enums.js';
import type {
  Chat,
  Dice,
  InlineQuery,
  InputMediaPhotoInit,
  InputStickerInit,
  Message,
  MessageEntity,
  MessageEntityInit,
  Poll,
  SendMessageOptions,
  Sticker,
  UpdateType,
  WebhookInfo,
} from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

export async function parseModes(bot: Bot): Promise<void> {
  await bot.sendMessage(1, 'x', { parse_mode: 'HTML' });
  await bot.sendMessage(1, 'x', { parse_mode: 'MarkdownV2' });
  await bot.sendMessage(1, 'x', { parse_mode: ParseMode.MARKDOWN });
  // @ts-expect-error: a misspelt parse mode
  await bot.sendMessage(1, 'x', { parse_mode: 'HTLM' });
  // @ts-expect-error: parse modes are case-sensitive
  await bot.sendPhoto(1, 'file-id', { parse_mode: 'html' });
  // @ts-expect-error: the caption of a media item too
  const photo: InputMediaPhotoInit = { type: 'photo', media: 'file-id', parse_mode: 'Markdownv2' };
  await bot.sendMediaGroup(1, [photo]);
  expectType<Equal<SendMessageOptions['parse_mode'], 'HTML' | 'MarkdownV2' | 'Markdown' | undefined>>(true);
}

export function chatTypes(chat: Chat, query: InlineQuery): void {
  if (chat.type === 'private') expectType<Equal<typeof chat.type, 'private'>>(true);
  // @ts-expect-error: not a chat type
  if (chat.type === 'privat') return;
  // 'sender' is a chat type of inline queries only.
  // @ts-expect-error: a chat's own type is never 'sender'
  if (chat.type === 'sender') return;
  if (query.chat_type === 'sender') return;
  expectType<Equal<Chat['type'], 'private' | 'group' | 'supergroup' | 'channel'>>(true);
}

export async function chatActions(bot: Bot, message: Message): Promise<void> {
  await bot.sendChatAction(1, 'typing');
  await bot.sendChatAction(1, ChatAction.UPLOAD_VIDEO_NOTE);
  await message.replyChatAction('record_voice');
  // @ts-expect-error: not a chat action
  await bot.sendChatAction(1, 'typeing');
  // @ts-expect-error: the shortcut takes the same values
  await message.replyChatAction('uploading_photo');
}

export function entityTypes(entity: MessageEntity): void {
  const bold: MessageEntityInit = { type: 'bold', offset: 0, length: 1 };
  const link = MessageEntityType.TEXT_LINK;
  const viaConstant: MessageEntityInit = { type: link, offset: 0, length: 1, url: 'x' };
  // @ts-expect-error: not an entity type
  const bad: MessageEntityInit = { type: 'bolt', offset: 0, length: 1 };
  // @ts-expect-error: comparing an entity's type with a value it never has
  if (entity.type === 'hyperlink') return;
  if (entity.type === 'custom_emoji') expectType<Equal<typeof entity.type, 'custom_emoji'>>(true);
  void [bold, viaConstant, bad];
}

export async function stickerFormats(bot: Bot, sticker: Sticker): Promise<void> {
  await bot.uploadStickerFile(1, 'file-id', 'static');
  await bot.uploadStickerFile(1, 'file-id', StickerFormat.VIDEO);
  // @ts-expect-error: not a sticker format
  await bot.uploadStickerFile(1, 'file-id', 'webp');
  const good: InputStickerInit = { sticker: 'file-id', format: 'animated', emoji_list: ['😀'] };
  // @ts-expect-error: the format of an input sticker too
  const bad: InputStickerInit = { sticker: 'file-id', format: 'tgs', emoji_list: ['😀'] };
  await bot.setStickerSetThumbnail('set_by_bot', 1, 'video');
  // @ts-expect-error: nor of a set's thumbnail
  await bot.setStickerSetThumbnail('set_by_bot', 1, 'gif');
  expectType<Equal<Sticker['type'], 'regular' | 'mask' | 'custom_emoji'>>(true);
  void [good, bad, sticker];
}

export async function otherValues(bot: Bot, poll: Poll, dice: Dice, info: WebhookInfo): Promise<void> {
  await bot.sendDice(1, { emoji: '🎯' });
  // @ts-expect-error: not a dice emoji
  await bot.sendDice(1, { emoji: '🃏' });
  await bot.getUpdates({ allowed_updates: ['message', 'callback_query'] });
  // @ts-expect-error: not a kind of update
  await bot.getUpdates({ allowed_updates: ['messages'] });
  await bot.setMessageReaction(1, 2, { reaction: [{ type: 'emoji', emoji: '👍' }] });
  // @ts-expect-error: not an emoji a reaction may carry
  await bot.setMessageReaction(1, 2, { reaction: [{ type: 'emoji', emoji: 'ok' }] });
  expectType<Equal<Poll['type'], 'regular' | 'quiz'>>(true);
  expectType<Equal<Dice['emoji'], '🎲' | '🎯' | '🏀' | '⚽' | '🎳' | '🎰'>>(true);
  expectType<Equal<NonNullable<WebhookInfo['allowed_updates']>[number], UpdateType>>(true);
  void [poll, dice, info];
}

export async function mediaGroups(bot: Bot): Promise<void> {
  // Photos and videos mix in one album; audio and documents only with their own kind.
  await bot.sendMediaGroup(1, [
    { type: 'photo', media: 'file-a' },
    { type: 'video', media: 'file-b' },
  ]);
  await bot.sendMediaGroup(1, [
    { type: 'audio', media: 'file-a' },
    { type: 'audio', media: 'file-b' },
  ]);
  // @ts-expect-error: an audio file cannot share an album with a photo
  await bot.sendMediaGroup(1, [
    { type: 'audio', media: 'file-a' },
    { type: 'photo', media: 'file-b' },
  ]);
}
