/**
 * PTB-style constructors of the objects a bot builds itself (keyboards, reply parameters, input
 * media): which required fields a constructor takes positionally, in python-telegram-bot's order,
 * and which fields the class fills in. Every generated class also keeps the plain form
 * `new X(init, bot?)`; the classes listed here accept `new X(a, b, options?)` besides.
 */
import type { ClassModel } from './model.js';

export interface ConstructorForm {
  /** Fields given as leading arguments, in PTB's order; the other fields go in a trailing options object. */
  readonly positional: readonly string[];
  /**
   * Fields the class sets when they are not given: a field that only ever holds `true`
   * (`force_reply`), or the class's discriminator (InputMedia's `type`). Optional on input,
   * always present in `toJSON()`.
   */
  readonly filled: readonly string[];
  /** A positional parameter's type where the constructor takes more than the API's form. */
  readonly positionalTypes?: Readonly<Record<string, string>>;
  /**
   * Converters building this class from a nested value also take a bare string as its first
   * positional field: PTB lets keyboard rows hold button texts.
   */
  readonly fromString?: boolean;
  /** Shown in the generated doc comment of the constructor. */
  readonly example: string;
}

const MEDIA = { positional: ['media'], filled: ['type'] } as const;
const LIVE_PHOTO = { positional: ['media', 'photo'], filled: ['type'] } as const;

export const CONSTRUCTOR_FORMS: Readonly<Record<string, ConstructorForm>> = {
  InlineKeyboardMarkup: {
    positional: ['inline_keyboard'],
    filled: [],
    example: "new InlineKeyboardMarkup([[new InlineKeyboardButton('Go', { callback_data: 'go' })]])",
  },
  InlineKeyboardButton: {
    positional: ['text'],
    filled: [],
    example: "new InlineKeyboardButton('Go', { callback_data: 'go' })",
  },
  ReplyKeyboardMarkup: {
    positional: ['keyboard'],
    filled: [],
    positionalTypes: { keyboard: 'readonly (readonly (KeyboardButtonInit | string)[])[]' },
    example: "new ReplyKeyboardMarkup([['Yes', 'No']], { one_time_keyboard: true })",
  },
  KeyboardButton: {
    positional: ['text'],
    filled: [],
    fromString: true,
    example: "new KeyboardButton('Share my number', { request_contact: true })",
  },
  ReplyKeyboardRemove: {
    positional: [],
    filled: ['remove_keyboard'],
    example: 'new ReplyKeyboardRemove({ selective: true })',
  },
  ForceReply: {
    positional: [],
    filled: ['force_reply'],
    example: 'new ForceReply({ selective: true })',
  },
  ReplyParameters: {
    positional: ['message_id'],
    filled: [],
    example: 'new ReplyParameters(message.message_id, { chat_id: message.chat.id })',
  },
  // PTB's first positional argument here is the flag `is_disabled`; a bare `true` says too little
  // to a reader, so LinkPreviewOptions keeps the object form only (with every field optional).
  LinkPreviewOptions: {
    positional: [],
    filled: [],
    example: 'new LinkPreviewOptions({ is_disabled: true })',
  },
  InputMediaPhoto: { ...MEDIA, example: "new InputMediaPhoto('photo.jpg', { caption: 'A photo' })" },
  InputMediaVideo: { ...MEDIA, example: "new InputMediaVideo('video.mp4', { supports_streaming: true })" },
  InputMediaAudio: { ...MEDIA, example: "new InputMediaAudio('song.mp3', { title: 'Song' })" },
  InputMediaDocument: { ...MEDIA, example: "new InputMediaDocument('report.pdf', { caption: 'Report' })" },
  InputMediaAnimation: { ...MEDIA, example: "new InputMediaAnimation('cat.gif', { caption: 'Cat' })" },
  InputMediaLivePhoto: { ...LIVE_PHOTO, example: "new InputMediaLivePhoto('live.mp4', 'live.jpg')" },
  InputPaidMediaPhoto: { ...MEDIA, example: "new InputPaidMediaPhoto('photo.jpg')" },
  InputPaidMediaVideo: { ...MEDIA, example: "new InputPaidMediaVideo('video.mp4', { duration: 30 })" },
  InputPaidMediaLivePhoto: { ...LIVE_PHOTO, example: "new InputPaidMediaLivePhoto('live.mp4', 'live.jpg')" },
  InputSticker: {
    positional: ['sticker', 'emoji_list', 'format'],
    filled: [],
    example: "new InputSticker('sticker.webp', ['🙂'], 'static')",
  },
};

/** The form of a class, checked against the class's fields so a spec change cannot go unnoticed. */
export function constructorFormOf(c: ClassModel): ConstructorForm | undefined {
  const form = CONSTRUCTOR_FORMS[c.name];
  if (form === undefined) return undefined;
  const field = (name: string) => {
    const found = c.fields.find((f) => f.name === name);
    if (found === undefined) throw new Error(`constructor form of ${c.name}: no field ${name}`);
    return found;
  };
  for (const name of form.positional) field(name);
  for (const name of form.filled) {
    const f = field(name);
    const isDiscriminator = c.discriminator?.field === name;
    if (!isDiscriminator && f.ref.kind !== 'boolean' && f.ref.kind !== 'true') {
      throw new Error(`constructor form of ${c.name}: ${name} is neither a flag nor the discriminator`);
    }
    if (form.positional.includes(name))
      throw new Error(`constructor form of ${c.name}: ${name} is positional`);
  }
  return form;
}

/** The JavaScript literal a filled field gets: the discriminator's value, else `true`. */
export function filledValue(c: ClassModel, field: string): string {
  return c.discriminator?.field === field ? `'${c.discriminator.value}'` : 'true';
}
