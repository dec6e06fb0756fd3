/**
 * Type-level tests: this file is only type-checked (`npm run typecheck`); a regression in the
 * public types makes `tsc` fail. Each `@ts-expect-error` must stay an error.
 */
import type { Bot } from '../../src/bot.js';
import type {
  ChatMember,
  InputMedia,
  MaybeInaccessibleMessage,
  Message,
  MessageOrigin,
  SendMessageOptions,
  Update,
} from '../../src/index.js';
import { ChatMemberAdministrator, InaccessibleMessage, InlineKeyboardButton } from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

declare const bot: Bot;

export function fieldsAndGetters(message: Message): void {
  // Fields built on first read keep plain field types; no symbol key leaks into keyof.
  expectType<Equal<typeof message.chat, Message['chat']>>(true);
  expectType<Equal<Extract<keyof Message, symbol>, never>>(true);
  // @ts-expect-error API fields are read-only
  message.text = 'changed';
}

export async function methods(): Promise<void> {
  // Required parameters positional, optional ones in an options object, settings last.
  const sent = await bot.sendMessage(1, 'hi', { parse_mode: 'HTML' }, { readTimeout: 10 });
  expectType<Equal<typeof sent, Message>>(true);
  const edited = await bot.editMessageText({ chat_id: 1, message_id: 2, text: 'new' });
  expectType<Equal<typeof edited, Message | true>>(true);
  const ok = await bot.deleteMessage('@channel', 5);
  expectType<Equal<typeof ok, true>>(true);
  const updates = await bot.getUpdates({ offset: 10, timeout: 30, allowed_updates: ['message'] });
  expectType<Equal<typeof updates, readonly Update[]>>(true);
  // Plain literals and instances alike.
  await bot.sendMessage(1, 'x', {
    reply_markup: {
      inline_keyboard: [
        [new InlineKeyboardButton({ text: 'a', callback_data: 'b' }), { text: 'c', url: 'https://t.me' }],
      ],
    },
  });
  // Dates or Unix seconds for Unix-time parameters.
  await bot.banChatMember(1, 2, { until_date: new Date() });
  await bot.banChatMember(1, 2, { until_date: 1_800_000_000 });
  // Files: paths, bytes, file ids, URLs.
  await bot.sendPhoto(1, './photo.jpg');
  await bot.sendPhoto(1, new Uint8Array([1, 2, 3]));
  const media: InputMedia[] = [];
  void media;
  // @ts-expect-error text is required
  await bot.sendMessage(1);
  // @ts-expect-error unknown option names are rejected
  await bot.sendMessage(1, 'x', { parse_mod: 'HTML' });
  // @ts-expect-error chat ids are numbers or @usernames
  await bot.sendMessage(true, 'x');
  const options: SendMessageOptions = { disable_notification: true };
  void options;
}

export function unions(member: ChatMember, origin: MessageOrigin, message: MaybeInaccessibleMessage): void {
  if (member.status === 'administrator') {
    expectType<Equal<typeof member, ChatMemberAdministrator>>(true);
    const canPromote: boolean = member.can_promote_members;
    void canPromote;
  }
  if (member instanceof ChatMemberAdministrator) {
    const rights: boolean = member.can_manage_chat;
    void rights;
  }
  if (origin.type === 'channel') {
    const id: number = origin.chat.id;
    void id;
  }
  if (!(message instanceof InaccessibleMessage)) {
    const date: Date = message.date;
    void date;
  }
  // @ts-expect-error only administrators have can_promote_members
  void member.can_promote_members;
}

export function objects(message: Message): void {
  const date: Date = message.date;
  const text: string | undefined = message.text;
  void date;
  void text;
  // @ts-expect-error objects are read-only
  message.text = 'changed';
}
