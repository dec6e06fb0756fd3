/**
 * Keyboard builders (PTB's `InlineKeyboardMarkup.from_button/from_row/from_column` and the same on
 * `ReplyKeyboardMarkup`) and `InlineKeyboardButton.updateCallbackData()`.
 *
 * The static builders are declared by merging a namespace into each generated class (inside
 * `declare module`), so `InlineKeyboardMarkup.fromRow(...)` type-checks like a static method; they
 * are installed on the class constructors below as non-enumerable properties.
 */
import {
  InlineKeyboardButton,
  type InlineKeyboardButtonInit,
  InlineKeyboardMarkup,
  type KeyboardButton,
  type KeyboardButtonInit,
  ReplyKeyboardMarkup,
  type ReplyKeyboardMarkupInit,
} from '../generated/types.js';
import { defineBehaviour } from './behaviour.js';

/** A button of a reply keyboard: a `KeyboardButton`, its plain-object form, or just its text. */
export type KeyboardButtonLike = string | KeyboardButton | KeyboardButtonInit;

/** A button of an inline keyboard: an `InlineKeyboardButton` or its plain-object form. */
export type InlineKeyboardButtonLike = InlineKeyboardButton | InlineKeyboardButtonInit;

/**
 * The fields of a reply keyboard besides its buttons, as the builders and the PTB-style constructor
 * `new ReplyKeyboardMarkup(rows, options)` take them.
 */
export type ReplyKeyboardOptions = Omit<ReplyKeyboardMarkupInit, 'keyboard'>;

declare module '../generated/types.js' {
  interface InlineKeyboardButton {
    /**
     * A copy of this button with `callback_data` replaced (buttons are frozen, so this never
     * changes the button itself).
     *
     * @example const fresh = button.updateCallbackData('page:2');
     */
    updateCallbackData(callbackData: string): InlineKeyboardButton;
  }

  /** Static builders of {@link InlineKeyboardMarkup}. */
  namespace InlineKeyboardMarkup {
    /**
     * A keyboard of one button.
     *
     * @example InlineKeyboardMarkup.fromButton({ text: 'Open', url: 'https://t.me' })
     */
    function fromButton(button: InlineKeyboardButtonLike): InlineKeyboardMarkup;
    /** A keyboard of one row of buttons. */
    function fromRow(buttons: readonly InlineKeyboardButtonLike[]): InlineKeyboardMarkup;
    /** A keyboard of one column of buttons (one button per row). */
    function fromColumn(buttons: readonly InlineKeyboardButtonLike[]): InlineKeyboardMarkup;
  }

  /** Static builders of {@link ReplyKeyboardMarkup}. */
  namespace ReplyKeyboardMarkup {
    /**
     * A reply keyboard from rows of buttons, where a plain string is a button with that text: the
     * same as `new ReplyKeyboardMarkup(keyboard, options)`.
     *
     * @example ReplyKeyboardMarkup.fromGrid([['Yes', 'No'], ['Maybe']], { one_time_keyboard: true })
     */
    function fromGrid(
      keyboard: readonly (readonly KeyboardButtonLike[])[],
      options?: ReplyKeyboardOptions,
    ): ReplyKeyboardMarkup;
    /**
     * A reply keyboard of one button.
     *
     * @example ReplyKeyboardMarkup.fromButton('Share contact', { resize_keyboard: true })
     */
    function fromButton(button: KeyboardButtonLike, options?: ReplyKeyboardOptions): ReplyKeyboardMarkup;
    /** A reply keyboard of one row of buttons. */
    function fromRow(
      buttons: readonly KeyboardButtonLike[],
      options?: ReplyKeyboardOptions,
    ): ReplyKeyboardMarkup;
    /** A reply keyboard of one column of buttons (one button per row). */
    function fromColumn(
      buttons: readonly KeyboardButtonLike[],
      options?: ReplyKeyboardOptions,
    ): ReplyKeyboardMarkup;
  }
}

function defineStatics(target: object, members: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(members)) {
    if (Object.hasOwn(target, key)) throw new Error(`static ${key} is defined twice`);
    Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
  }
}

// The constructors take rows of buttons, plain objects or (reply keyboards) texts as they are.
function inlineKeyboard(rows: readonly (readonly InlineKeyboardButtonLike[])[]): InlineKeyboardMarkup {
  return new InlineKeyboardMarkup(rows);
}

function replyKeyboard(
  rows: readonly (readonly KeyboardButtonLike[])[],
  options?: ReplyKeyboardOptions,
): ReplyKeyboardMarkup {
  return new ReplyKeyboardMarkup(rows, options);
}

defineStatics(InlineKeyboardMarkup, {
  fromButton: (button: InlineKeyboardButtonLike) => inlineKeyboard([[button]]),
  fromRow: (buttons: readonly InlineKeyboardButtonLike[]) => inlineKeyboard([buttons]),
  fromColumn: (buttons: readonly InlineKeyboardButtonLike[]) => inlineKeyboard(buttons.map((b) => [b])),
});

defineStatics(ReplyKeyboardMarkup, {
  fromGrid: replyKeyboard,
  fromButton: (button: KeyboardButtonLike, options?: ReplyKeyboardOptions) =>
    replyKeyboard([[button]], options),
  fromRow: (buttons: readonly KeyboardButtonLike[], options?: ReplyKeyboardOptions) =>
    replyKeyboard([buttons], options),
  fromColumn: (buttons: readonly KeyboardButtonLike[], options?: ReplyKeyboardOptions) =>
    replyKeyboard(
      buttons.map((b) => [b]),
      options,
    ),
});

defineBehaviour(InlineKeyboardButton, {
  updateCallbackData(this: InlineKeyboardButton, callbackData: string): InlineKeyboardButton {
    return new InlineKeyboardButton({ ...this, callback_data: callbackData, apiKwargs: this.apiKwargs });
  },
});
