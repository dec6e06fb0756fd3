/**
 * Default values for parameters of outgoing requests and for handlers (PTB's `Defaults`).
 */
import type { ParseMode } from '../constants/enums.js';
import type { LinkPreviewOptionsInit } from '../generated/types.js';

/** Options of {@link Defaults}; each one applies only where a call or handler did not set it. */
export interface DefaultsOptions {
  /** `parse_mode` (also `caption`/`explanation`/`question`/poll option parse modes, media and inline results). */
  readonly parseMode?: ParseMode | undefined;
  readonly disableNotification?: boolean | undefined;
  readonly protectContent?: boolean | undefined;
  readonly linkPreviewOptions?: LinkPreviewOptionsInit | undefined;
  /** Put into `reply_parameters` when a call gives them without it. */
  readonly allowSendingWithoutReply?: boolean | undefined;
  /** Whether `message.reply*()` shortcuts quote the message they answer. */
  readonly doQuote?: boolean | undefined;
  /** IANA time zone for times given without one (jobs); default `UTC`. */
  readonly tzinfo?: string | undefined;
  /** Default `block` of handlers and error handlers that do not set it; default `true`. */
  readonly block?: boolean | undefined;
}

/**
 * Defaults for an application's bot and handlers.
 *
 * @example
 * ```ts
 * const app = Application.builder().token(token)
 *   .defaults(new Defaults({ parseMode: 'HTML', protectContent: true }))
 *   .build();
 * await app.bot.sendMessage(chatId, '<b>bold</b>'); // sent with parse_mode HTML
 * ```
 */
export class Defaults {
  readonly parseMode: ParseMode | undefined;
  readonly disableNotification: boolean | undefined;
  readonly protectContent: boolean | undefined;
  readonly linkPreviewOptions: LinkPreviewOptionsInit | undefined;
  readonly allowSendingWithoutReply: boolean | undefined;
  readonly doQuote: boolean | undefined;
  readonly tzinfo: string;
  readonly block: boolean;

  constructor(options: DefaultsOptions = {}) {
    this.parseMode = options.parseMode;
    this.disableNotification = options.disableNotification;
    this.protectContent = options.protectContent;
    this.linkPreviewOptions =
      options.linkPreviewOptions === undefined ? undefined : Object.freeze({ ...options.linkPreviewOptions });
    this.allowSendingWithoutReply = options.allowSendingWithoutReply;
    this.doQuote = options.doQuote;
    this.tzinfo = options.tzinfo ?? 'UTC';
    try {
      new Intl.DateTimeFormat('en', { timeZone: this.tzinfo });
    } catch {
      throw new RangeError(`Defaults: unknown time zone ${JSON.stringify(this.tzinfo)}`);
    }
    this.block = options.block ?? true;
    Object.freeze(this);
  }

  /** The request parameters these defaults fill, by API parameter name (absent when unset). */
  get apiDefaults(): Readonly<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    if (this.parseMode !== undefined) {
      for (const name of PARSE_MODE_PARAMS) out[name] = this.parseMode;
    }
    if (this.disableNotification !== undefined) out.disable_notification = this.disableNotification;
    if (this.protectContent !== undefined) out.protect_content = this.protectContent;
    if (this.linkPreviewOptions !== undefined) out.link_preview_options = this.linkPreviewOptions;
    return out;
  }

  /** Equal when every value is equal. */
  equals(other: unknown): boolean {
    if (!(other instanceof Defaults)) return false;
    return (
      this.parseMode === other.parseMode &&
      this.disableNotification === other.disableNotification &&
      this.protectContent === other.protectContent &&
      JSON.stringify(this.linkPreviewOptions) === JSON.stringify(other.linkPreviewOptions) &&
      this.allowSendingWithoutReply === other.allowSendingWithoutReply &&
      this.doQuote === other.doQuote &&
      this.tzinfo === other.tzinfo &&
      this.block === other.block
    );
  }
}

/** Parameters and fields that take the default parse mode. */
export const PARSE_MODE_PARAMS = [
  'parse_mode',
  'explanation_parse_mode',
  'question_parse_mode',
  'text_parse_mode',
] as const;
