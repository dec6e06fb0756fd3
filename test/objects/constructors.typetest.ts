/**
 * Type test (checked by `npm run typecheck`, never run): the PTB-style constructor forms compile
 * with the fields they take, and wrong forms do not.
 */
import type { Bot } from '../../src/bot.js';
import {
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  InputFile,
  InputMediaDocument,
  InputMediaLivePhoto,
  InputMediaPhoto,
  InputMediaVideo,
  InputPaidMediaPhoto,
  InputSticker,
  KeyboardButton,
  LinkPreviewOptions,
  type PhotoSize,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  ReplyParameters,
} from '../../src/index.js';

declare const bot: Bot;
declare const size: PhotoSize;

export function forms(): unknown[] {
  const go = new InlineKeyboardButton('Go', { callback_data: 'go' });
  const text: string = go.text;
  return [
    text,
    new ReplyKeyboardRemove(),
    new ReplyKeyboardRemove({ selective: true }),
    new ForceReply(),
    new ForceReply({ selective: true, input_field_placeholder: 'Name' }),
    new ForceReply({ force_reply: true }, bot),
    new InlineKeyboardMarkup([[go, { text: 'Plain', url: 'https://t.me' }]]),
    new InlineKeyboardMarkup({ inline_keyboard: [[go]] }, bot),
    new InlineKeyboardButton('Only text'),
    new ReplyKeyboardMarkup([['Yes', 'No'], [new KeyboardButton('Share', { request_contact: true })]], {
      one_time_keyboard: true,
      resize_keyboard: true,
    }),
    new ReplyKeyboardMarkup([[{ text: 'Plain' }]]),
    new ReplyParameters(42, { chat_id: '@channel', quote: 'hi' }),
    new ReplyParameters({ message_id: 42 }),
    new LinkPreviewOptions({ is_disabled: true }),
    new InputMediaPhoto('file-id', { caption: 'A photo', has_spoiler: true }),
    new InputMediaPhoto(new InputFile('photo.jpg')),
    new InputMediaPhoto(size),
    new InputMediaPhoto({ media: 'file-id' }),
    new InputMediaPhoto({ type: 'photo', media: 'file-id' }),
    new InputMediaVideo(new Uint8Array(4), { supports_streaming: true }),
    new InputMediaDocument('doc-id', { disable_content_type_detection: true }),
    new InputMediaLivePhoto('video-id', 'photo-id', { caption: 'Live' }),
    new InputPaidMediaPhoto('photo-id'),
    new InputSticker('sticker.webp', ['🙂'], 'static', { keywords: ['smile'] }),
  ];
}

// The class fills its discriminator and flags in: they read as their fixed values.
export const photoType: 'photo' = new InputMediaPhoto('id').type;
export const forced: boolean = new ForceReply().force_reply;

export function wrongForms(): unknown[] {
  return [
    // @ts-expect-error a button's text is a string
    new InlineKeyboardButton(42),
    // @ts-expect-error an option the button does not have
    new InlineKeyboardButton('Go', { callback_dta: 'go' }),
    // @ts-expect-error the text is given positionally, not again among the options
    new InlineKeyboardButton('Go', { text: 'Again' }),
    // @ts-expect-error a button needs its text
    new InlineKeyboardButton(),
    // @ts-expect-error the fields form still needs the text
    new InlineKeyboardButton({ callback_data: 'go' }),
    // @ts-expect-error rows are arrays of buttons
    new InlineKeyboardMarkup(['Go']),
    // @ts-expect-error reply keyboard rows hold texts or buttons
    new ReplyKeyboardMarkup([[42]]),
    // @ts-expect-error an option ForceReply does not have
    new ForceReply({ selectiv: true }),
    // @ts-expect-error the PTB form takes no bot
    new InlineKeyboardButton('Go', { callback_data: 'go' }, bot),
    // @ts-expect-error the message id is a number
    new ReplyParameters('42'),
    // @ts-expect-error the class fixes the type: the options do not take it
    new InputMediaPhoto('id', { type: 'photo' }),
    // @ts-expect-error a photo's type is 'photo'
    new InputMediaPhoto({ type: 'video', media: 'id' }),
    // @ts-expect-error media first
    new InputMediaPhoto({ caption: 'no media' }),
    // @ts-expect-error a sticker needs its emoji list and format
    new InputSticker('sticker.webp'),
  ];
}

// The plain shapes that method parameters take keep their required fields: a markup without its
// flag or a media without its type would reach Telegram as it is, so neither compiles.
export async function parameters(): Promise<void> {
  // @ts-expect-error a plain ForceReply object needs force_reply
  await bot.sendMessage(1, 'x', { reply_markup: { selective: true } });
  // @ts-expect-error a plain media object needs its type
  await bot.sendMediaGroup(1, [{ media: 'id' }]);
  await bot.sendMessage(1, 'x', { reply_markup: new ForceReply({ selective: true }) });
  await bot.sendMediaGroup(1, [new InputMediaPhoto('id'), new InputMediaPhoto(size, { caption: 'two' })]);
}
