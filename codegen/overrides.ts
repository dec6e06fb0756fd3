/**
 * What the generator cannot read from the spec's data: values only the prose states, corrections
 * where reading the descriptions goes wrong, and the few API types the generated code treats
 * specially. Every entry carries its reason; everything else comes from the spec.
 *
 * Fixed string values and forward compatibility: Telegram adds values over time (entity types,
 * chat actions, reaction emoji, ...). A field of an incoming object is typed with the values this
 * version knows, but parsing never checks them: an object carrying a newer value is built as usual
 * and keeps it, so a deployed bot goes on working when Telegram adds one. Parameters the bot sends
 * are strict at the type level only (a typo fails to compile); nothing is rejected at run time.
 */

/** The formatting modes every `parse_mode` accepts (the API describes them in prose). */
export const PARSE_MODES: readonly string[] = ['HTML', 'MarkdownV2', 'Markdown'];

/** How a field's fixed values are decided when reading its description is not enough. */
export type ValuesOverride =
  | { readonly values: readonly string[]; readonly reason: string }
  /** The same values as another field, `Owner.field` (a method or a type). */
  | { readonly sameAs: string; readonly reason: string }
  /** The names of the kinds of update (see {@link UPDATE}). */
  | { readonly updateKinds: true; readonly reason: string }
  /** A plain string although the description seems to fix its values. */
  | { readonly plain: true; readonly reason: string };

/** Overrides by `Owner.field`, where Owner is a type or a method. */
export const FIELD_VALUES: Readonly<Record<string, ValuesOverride>> = {
  'sendChatAction.action': {
    values: [
      'typing',
      'upload_photo',
      'record_video',
      'upload_video',
      'record_voice',
      'upload_voice',
      'upload_document',
      'choose_sticker',
      'find_location',
      'record_video_note',
      'upload_video_note',
    ],
    reason: 'the description names the actions unquoted, inside prose',
  },
  'sendPoll.type': {
    values: ['quiz', 'regular'],
    reason: 'the values are quoted without a listing phrase ("Poll type, ... or ...")',
  },
  'KeyboardButtonPollType.type': {
    values: ['quiz', 'regular'],
    reason: 'the description names the poll types unquoted, in sentences of their own',
  },
  'createNewStickerSet.sticker_type': {
    values: ['regular', 'mask', 'custom_emoji'],
    reason: 'listed after "pass", a word that elsewhere introduces one example ("Pass XTR ...")',
  },
  'InlineQueryResultVideo.mime_type': {
    values: ['text/html', 'video/mp4'],
    reason: 'the values are quoted without a listing phrase',
  },
  'Dice.emoji': {
    sameAs: 'sendDice.emoji',
    reason: 'a dice carries one of the emoji sendDice accepts; only the method lists them',
  },
  'getUpdates.allowed_updates': {
    updateKinds: true,
    reason: 'the entries are the kinds of update, which Update lists as its fields',
  },
  'setWebhook.allowed_updates': {
    updateKinds: true,
    reason: 'the entries are the kinds of update, which Update lists as its fields',
  },
  'WebhookInfo.allowed_updates': {
    updateKinds: true,
    reason: 'the entries are the kinds of update, which Update lists as its fields',
  },
  'RefundedPayment.currency': {
    plain: true,
    reason: '"currently always XTR" describes today, while the field holds any ISO 4217 code',
  },
};

/** Overrides by field name, for every owner: `parse_mode`, `caption_parse_mode`, ... */
export const FIELD_NAME_VALUES: readonly {
  readonly name: RegExp;
  readonly values: readonly string[];
  readonly reason: string;
}[] = [
  {
    name: /^(?:\w+_)?parse_mode$/,
    values: PARSE_MODES,
    reason: 'every parse mode refers to the formatting options, which the spec states in prose',
  },
];

/** The override for a field, if any. */
export function valuesOverride(owner: string, field: string): ValuesOverride | undefined {
  const exact = FIELD_VALUES[`${owner}.${field}`];
  if (exact) return exact;
  const byName = FIELD_NAME_VALUES.find((o) => o.name.test(field));
  return byName ? { values: byName.values, reason: byName.reason } : undefined;
}

/** The update type: its optional fields are the kinds of update (`allowed_updates` values). */
export const UPDATE = {
  type: 'Update',
  idField: 'update_id',
  reason: 'the kinds of update are a fact of the API the spec states only as the fields of Update',
} as const;

/**
 * Types whose nested fields are built in the constructor rather than on first read, although they
 * only arrive from Telegram.
 */
export const EAGER_TYPES: Readonly<Record<string, string>> = {
  Update:
    'a malformed update (a message without a chat) is reported by the updater as a MalformedUpdateError before any handler sees it',
};

/** Unions whose variant is told by a field's value rather than by a discriminator. */
export const UNION_BY_VALUE: Readonly<
  Record<
    string,
    {
      readonly field: string;
      readonly value: number | string;
      readonly member: string;
      readonly otherwise: string;
      readonly reason: string;
    }
  >
> = {
  MaybeInaccessibleMessage: {
    field: 'date',
    value: 0,
    member: 'InaccessibleMessage',
    otherwise: 'Message',
    reason: 'Telegram marks a message the bot can no longer access by a date of 0',
  },
};

/**
 * Identifying fields for `equals()` where they are not simply `id` or `file_unique_id`: the
 * fields python-telegram-bot compares (its `_id_attrs`), so both libraries agree on equality.
 */
export const ID_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Message: ['message_id', 'chat'],
  InaccessibleMessage: ['message_id', 'chat'],
  MessageId: ['message_id'],
  Update: ['update_id'],
  ChatMemberUpdated: ['chat', 'from', 'date', 'old_chat_member', 'new_chat_member'],
  ChatMemberOwner: ['user', 'status'],
  ChatMemberAdministrator: ['user', 'status'],
  ChatMemberMember: ['user', 'status'],
  ChatMemberRestricted: ['user', 'status'],
  ChatMemberLeft: ['user', 'status'],
  ChatMemberBanned: ['user', 'status'],
  ChatJoinRequest: ['chat', 'from', 'date'],
  ChatInviteLink: ['invite_link', 'creator', 'creates_join_request', 'is_primary', 'is_revoked'],
  BotCommand: ['command', 'description'],
  Contact: ['phone_number'],
  Location: ['longitude', 'latitude'],
  Venue: ['location', 'title'],
  Dice: ['value', 'emoji'],
  MessageEntity: ['type', 'offset', 'length'],
  KeyboardButton: ['text'],
  InlineKeyboardButton: ['text', 'url', 'callback_data', 'switch_inline_query', 'pay'],
  InlineKeyboardMarkup: ['inline_keyboard'],
  ReplyKeyboardMarkup: ['keyboard'],
  WebhookInfo: ['url', 'has_custom_certificate', 'pending_update_count'],
  LabeledPrice: ['label', 'amount'],
  Invoice: ['title', 'description', 'start_parameter', 'currency', 'total_amount'],
  SuccessfulPayment: ['telegram_payment_charge_id', 'provider_payment_charge_id'],
  ReactionTypeEmoji: ['emoji'],
  ReactionTypeCustomEmoji: ['custom_emoji_id'],
  ReactionTypePaid: ['type'],
  MessageOriginUser: ['type', 'date', 'sender_user'],
  MessageOriginHiddenUser: ['type', 'date', 'sender_user_name'],
  MessageOriginChat: ['type', 'date', 'sender_chat'],
  MessageOriginChannel: ['type', 'date', 'chat', 'message_id'],
};

/**
 * Array fields whose members may mix in groups the spec cannot state: it lists one array type per
 * member ("Array of A, Array of B, ..."), while the API accepts some of them mixed in one array.
 * Each entry lists the groups: one array type per group, its members mixable.
 */
export const MIXED_ARRAYS: Readonly<
  Record<string, { readonly groups: readonly (readonly string[])[]; readonly reason: string }>
> = {
  'sendMediaGroup.media': {
    groups: [
      ['InputMediaAudio'],
      ['InputMediaDocument'],
      ['InputMediaLivePhoto', 'InputMediaPhoto', 'InputMediaVideo'],
    ],
    reason:
      'an album groups audio only with audio and documents only with documents; photos, live photos and videos mix',
  },
};
