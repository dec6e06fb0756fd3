/**
 * Type-level tests of the Chat and User shortcuts (only type-checked): each shortcut takes its Bot
 * method's parameters minus the ones it fills, with the method's own options type.
 */
import type { Bot } from '../../src/bot.js';
import type {
  Chat,
  ChatFullInfo,
  CopyMessageOptions,
  DeleteMessageReactionOptions,
  GetChatMenuButtonOptions,
  InlineKeyboardButton,
  Message,
  SendGiftOptions,
  SendMessageOptions,
  SendPollOptions,
  SetChatMenuButtonOptions,
  User,
} from '../../src/index.js';
import type { CallSettings } from '../../src/request/types.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

type Tail<P> = P extends [unknown, ...infer R] ? R : never;
type WithoutSecond<P> = P extends [infer A, unknown, ...infer R] ? [A, ...R] : never;

export function sameParametersAsTheBotMethod(): void {
  // chat_id filled at the front: everything else, options included, is the method's.
  expectType<Equal<Parameters<Chat['sendMessage']>, Tail<Parameters<Bot['sendMessage']>>>>(true);
  expectType<Equal<Parameters<Chat['sendMessage']>[1], SendMessageOptions | undefined>>(true);
  expectType<Equal<Parameters<User['sendPoll']>[2], SendPollOptions | undefined>>(true);
  expectType<Equal<Parameters<ChatFullInfo['banMember']>, Tail<Parameters<Bot['banChatMember']>>>>(true);
  expectType<Equal<ReturnType<Chat['sendMessage']>, Promise<Message>>>(true);
  // from_chat_id filled in the middle.
  expectType<Equal<Parameters<Chat['copyMessage']>, WithoutSecond<Parameters<Bot['copyMessage']>>>>(true);
  expectType<Equal<Parameters<Chat['copyMessage']>[2], CopyMessageOptions | undefined>>(true);
  expectType<
    Equal<Parameters<User['approveJoinRequest']>, WithoutSecond<Parameters<Bot['approveChatJoinRequest']>>>
  >(true);
  // Filled fields inside an options object are taken out of its type.
  expectType<
    Equal<Parameters<Chat['setMenuButton']>[0], Omit<SetChatMenuButtonOptions, 'chat_id'> | undefined>
  >(true);
  expectType<
    Equal<Parameters<User['getMenuButton']>[0], Omit<GetChatMenuButtonOptions, 'chat_id'> | undefined>
  >(true);
  expectType<
    Equal<Parameters<Chat['sendGift']>[1], Omit<SendGiftOptions, 'chat_id' | 'user_id'> | undefined>
  >(true);
  expectType<
    Equal<Parameters<User['deleteReaction']>[2], Omit<DeleteMessageReactionOptions, 'user_id'> | undefined>
  >(true);
  expectType<Equal<Parameters<User['deleteReaction']>[3], CallSettings | undefined>>(true);
}

export async function calls(chat: Chat, user: User): Promise<void> {
  await chat.sendMessage('hi', { parse_mode: 'HTML' }, { readTimeout: 3 });
  await user.sendPhoto('./p.jpg');
  await chat.forwardTo('@other', 5);
  const button: InlineKeyboardButton = user.mentionButton();
  void button;
  const full: string = user.fullName;
  const maybe: string | undefined = chat.fullName;
  void full;
  void maybe;
  // @ts-expect-error the chat id is filled in: a second one is not accepted
  await chat.sendMessage(1, 'hi');
  // @ts-expect-error a filled field cannot be passed in the options
  await chat.setMenuButton({ chat_id: 1 });
  // @ts-expect-error sendGift to a user takes no chat_id
  await user.sendGift('g', { chat_id: 3 });
}
