/**
 * Type tests of arbitrary callback data: any value goes in through `callbackButton` (a kind of
 * InlineKeyboardButton), the core button types stay `string` for everybody, and the data that comes
 * back reads as `unknown` through `callbackDataOf`.
 * Only type-checked (`npm run typecheck`); each `@ts-expect-error` must stay an error.
 */
import {
  Application,
  type CallbackDataButton,
  CallbackDataCache,
  CallbackQueryHandler,
  callbackButton,
  callbackDataOf,
  type ExtBot,
  InvalidCallbackData,
} from '../../../src/ext/index.js';
import type { PersistedCallbackData } from '../../../src/ext/persistence/base.js';
import { type CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup } from '../../../src/index.js';

declare const bot: ExtBot;
declare const query: CallbackQuery;

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

export async function sending(): Promise<void> {
  const button = callbackButton('Buy', { item: 42, sizes: [1, 2] });
  const asCore: InlineKeyboardButton = button;
  const markup = new InlineKeyboardMarkup([[button, asCore]]);
  await bot.sendMessage(1, 'Menu', { reply_markup: markup });
  await bot.sendMessage(1, 'Menu', { reply_markup: { inline_keyboard: [[callbackButton('A', [1, 'a'])]] } });
  await bot.editMessageReplyMarkup({ chat_id: 1, message_id: 2, reply_markup: markup });
  InlineKeyboardMarkup.fromColumn([1, 2].map((i) => callbackButton(String(i), i)));
  // @ts-expect-error the core button's callback_data stays a string
  new InlineKeyboardButton('A', { callback_data: { item: 1 } });
  // @ts-expect-error the data is the second argument of callbackButton
  callbackButton('A', 1, { callback_data: 'x' });
  expectType<Equals<CallbackDataButton['value'], unknown>>(true);
}

export function receiving(): void {
  const data = callbackDataOf(query);
  expectType<Equals<typeof data, unknown>>(true);
  if (data instanceof InvalidCallbackData) {
    expectType<Equals<typeof data.callbackData, string | undefined>>(true);
  }
  expectType<Equals<typeof bot.callbackDataCache, CallbackDataCache | undefined>>(true);
  expectType<Equals<CallbackDataCache['persistenceData'], PersistedCallbackData>>(true);
}

export function handlersAndBuilder(): void {
  class Payload {}
  new CallbackQueryHandler(async () => {}, { pattern: InvalidCallbackData });
  new CallbackQueryHandler(async () => {}, { pattern: Payload });
  new CallbackQueryHandler(async () => {}, { pattern: (data: unknown) => Array.isArray(data) });
  Application.builder().arbitraryCallbackData(true);
  Application.builder().arbitraryCallbackData(2048);
  // @ts-expect-error true, false or a maxsize
  Application.builder().arbitraryCallbackData('yes');
  new CallbackDataCache(bot, { maxsize: 16 }).clearCallbackData(new Date());
}
