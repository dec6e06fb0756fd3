/**
 * String enumerations of the Bot API as PTB's `telegram.constants` names them: each is a frozen
 * object of literal values plus a type of the same name for the union of its values. Enumerations
 * that are the discriminators of union types are checked against the generated types with
 * `satisfies`, and against the spec by a test.
 */
import type { BotApi } from '../generated/methods.js';
import type { SendMessageOptions } from '../generated/params.js';
import type {
  BackgroundFill,
  BackgroundType,
  BotCommandScope,
  Chat,
  ChatBoostSource,
  ChatMember,
  Dice,
  InlineQuery,
  InlineQueryResult,
  InputMedia,
  InputPaidMedia,
  InputProfilePhoto,
  InputSticker,
  InputStoryContent,
  KeyboardButton,
  MaskPosition as MaskPositionObject,
  MenuButton,
  MessageEntity,
  MessageOrigin,
  OwnedGift,
  PaidMedia,
  Poll,
  ReactionType as ReactionTypeUnion,
  RevenueWithdrawalState,
  Sticker,
  StoryAreaType,
  SuggestedPostInfo,
  SuggestedPostRefunded as SuggestedPostRefundedObject,
  TransactionPartner,
  TransactionPartnerUser as TransactionPartnerUserObject,
  UniqueGiftInfo,
  UniqueGiftModel,
} from '../generated/types.js';

/** A record of constants whose values are all of type V. */
type Of<V> = Readonly<Record<string, V>>;

/** The values of a constants object, as a union type. */
export type ValueOf<T> = T[keyof T];

/** Formatting modes of `parse_mode`. */
export const ParseMode = {
  MARKDOWN: 'Markdown',
  MARKDOWN_V2: 'MarkdownV2',
  HTML: 'HTML',
} as const satisfies Of<NonNullable<SendMessageOptions['parse_mode']>>;
/** One of {@link ParseMode}'s values. */
export type ParseMode = ValueOf<typeof ParseMode>;

/** Kinds of chat (`Chat.type`); `sender` is the chat type of inline queries sent from a private chat with the bot. */
export const ChatType = {
  SENDER: 'sender',
  PRIVATE: 'private',
  GROUP: 'group',
  SUPERGROUP: 'supergroup',
  CHANNEL: 'channel',
} as const satisfies Of<Chat['type'] | NonNullable<InlineQuery['chat_type']>>;
/** One of {@link ChatType}'s values. */
export type ChatType = ValueOf<typeof ChatType>;

/** Statuses shown by `sendChatAction`. */
export const ChatAction = {
  CHOOSE_STICKER: 'choose_sticker',
  FIND_LOCATION: 'find_location',
  RECORD_VOICE: 'record_voice',
  RECORD_VIDEO: 'record_video',
  RECORD_VIDEO_NOTE: 'record_video_note',
  TYPING: 'typing',
  UPLOAD_VOICE: 'upload_voice',
  UPLOAD_DOCUMENT: 'upload_document',
  UPLOAD_PHOTO: 'upload_photo',
  UPLOAD_VIDEO: 'upload_video',
  UPLOAD_VIDEO_NOTE: 'upload_video_note',
} as const satisfies Of<Parameters<BotApi['sendChatAction']>[1]>;
/** One of {@link ChatAction}'s values. */
export type ChatAction = ValueOf<typeof ChatAction>;

/** A chat member's `status`; PTB's names: the creator is `OWNER`, a banned user `BANNED`. */
export const ChatMemberStatus = {
  ADMINISTRATOR: 'administrator',
  OWNER: 'creator',
  BANNED: 'kicked',
  LEFT: 'left',
  MEMBER: 'member',
  RESTRICTED: 'restricted',
} as const satisfies Readonly<Record<string, ChatMember['status']>>;
/** One of {@link ChatMemberStatus}'s values. */
export type ChatMemberStatus = ValueOf<typeof ChatMemberStatus>;

/** Kinds of message entity (`MessageEntity.type`). */
export const MessageEntityType = {
  BLOCKQUOTE: 'blockquote',
  BOLD: 'bold',
  BOT_COMMAND: 'bot_command',
  CASHTAG: 'cashtag',
  CODE: 'code',
  CUSTOM_EMOJI: 'custom_emoji',
  DATE_TIME: 'date_time',
  EMAIL: 'email',
  EXPANDABLE_BLOCKQUOTE: 'expandable_blockquote',
  HASHTAG: 'hashtag',
  ITALIC: 'italic',
  MENTION: 'mention',
  PHONE_NUMBER: 'phone_number',
  PRE: 'pre',
  SPOILER: 'spoiler',
  STRIKETHROUGH: 'strikethrough',
  TEXT_LINK: 'text_link',
  TEXT_MENTION: 'text_mention',
  UNDERLINE: 'underline',
  URL: 'url',
} as const satisfies Of<MessageEntity['type']>;
/** One of {@link MessageEntityType}'s values. */
export type MessageEntityType = ValueOf<typeof MessageEntityType>;

/** Display formats of a `date_time` entity (`MessageEntity.date_time_format`). */
export const MessageEntityDateTimeFormats = {
  RELATIVE: 'r',
  LOCALIZED_WEEKDAY: 'w',
  SHORT_DATE: 'd',
  LONG_DATE: 'D',
  SHORT_TIME: 't',
  LONG_TIME: 'T',
  LOCALIZED_WEEKDAY_SHORT_DATE: 'wd',
  LOCALIZED_WEEKDAY_LONG_DATE: 'wD',
  LOCALIZED_WEEKDAY_SHORT_TIME: 'wt',
  LOCALIZED_WEEKDAY_LONG_TIME: 'wT',
  LOCALIZED_WEEKDAY_SHORT_DATE_SHORT_TIME: 'wdt',
  LOCALIZED_WEEKDAY_SHORT_DATE_LONG_TIME: 'wdT',
  LOCALIZED_WEEKDAY_LONG_DATE_SHORT_TIME: 'wDt',
  LOCALIZED_WEEKDAY_LONG_DATE_LONG_TIME: 'wDT',
  SHORT_DATE_SHORT_TIME: 'dt',
  SHORT_DATE_LONG_TIME: 'dT',
  LONG_DATE_SHORT_TIME: 'Dt',
  LONG_DATE_LONG_TIME: 'DT',
} as const;
/** One of {@link MessageEntityDateTimeFormats}'s values. */
export type MessageEntityDateTimeFormats = ValueOf<typeof MessageEntityDateTimeFormats>;

/** Emoji that `sendDice` accepts. */
export const DiceEmoji = {
  DICE: '🎲',
  DARTS: '🎯',
  BASKETBALL: '🏀',
  FOOTBALL: '⚽',
  SLOT_MACHINE: '🎰',
  BOWLING: '🎳',
} as const satisfies Of<Dice['emoji']>;
/** One of {@link DiceEmoji}'s values. */
export type DiceEmoji = ValueOf<typeof DiceEmoji>;

/** Formats of sticker files. */
export const StickerFormat = { STATIC: 'static', ANIMATED: 'animated', VIDEO: 'video' } as const satisfies Of<
  InputSticker['format']
>;
/** One of {@link StickerFormat}'s values. */
export type StickerFormat = ValueOf<typeof StickerFormat>;

/** Kinds of sticker (`Sticker.type`). */
export const StickerType = {
  REGULAR: 'regular',
  MASK: 'mask',
  CUSTOM_EMOJI: 'custom_emoji',
} as const satisfies Of<Sticker['type']>;
/** One of {@link StickerType}'s values. */
export type StickerType = ValueOf<typeof StickerType>;

/** Face parts a mask sticker is placed on (`MaskPosition.point`). */
export const MaskPosition = {
  FOREHEAD: 'forehead',
  EYES: 'eyes',
  MOUTH: 'mouth',
  CHIN: 'chin',
} as const satisfies Of<MaskPositionObject['point']>;
/** One of {@link MaskPosition}'s values. */
export type MaskPosition = ValueOf<typeof MaskPosition>;

/** Kinds of poll. */
export const PollType = { REGULAR: 'regular', QUIZ: 'quiz' } as const satisfies Of<Poll['type']>;
/** One of {@link PollType}'s values. */
export type PollType = ValueOf<typeof PollType>;

/** Kinds of `InputMedia` an album or an edit takes. */
export const InputMediaType = {
  ANIMATION: 'animation',
  DOCUMENT: 'document',
  AUDIO: 'audio',
  PHOTO: 'photo',
  VIDEO: 'video',
  LIVE_PHOTO: 'live_photo',
} as const satisfies Readonly<Record<string, InputMedia['type']>>;
/** One of {@link InputMediaType}'s values. */
export type InputMediaType = ValueOf<typeof InputMediaType>;

/** Kinds of `InputPaidMedia`. */
export const InputPaidMediaType = {
  PHOTO: 'photo',
  VIDEO: 'video',
  LIVE_PHOTO: 'live_photo',
} as const satisfies Readonly<Record<string, InputPaidMedia['type']>>;
/** One of {@link InputPaidMediaType}'s values. */
export type InputPaidMediaType = ValueOf<typeof InputPaidMediaType>;

/** Kinds of `PaidMedia`. */
export const PaidMediaType = {
  PREVIEW: 'preview',
  VIDEO: 'video',
  PHOTO: 'photo',
  LIVE_PHOTO: 'live_photo',
} as const satisfies Readonly<Record<string, PaidMedia['type']>>;
/** One of {@link PaidMediaType}'s values. */
export type PaidMediaType = ValueOf<typeof PaidMediaType>;

/** Kinds of `InputProfilePhoto`. */
export const InputProfilePhotoType = {
  STATIC: 'static',
  ANIMATED: 'animated',
} as const satisfies Readonly<Record<string, InputProfilePhoto['type']>>;
/** One of {@link InputProfilePhotoType}'s values. */
export type InputProfilePhotoType = ValueOf<typeof InputProfilePhotoType>;

/** Kinds of `InputStoryContent`. */
export const InputStoryContentType = {
  PHOTO: 'photo',
  VIDEO: 'video',
} as const satisfies Readonly<Record<string, InputStoryContent['type']>>;
/** One of {@link InputStoryContentType}'s values. */
export type InputStoryContentType = ValueOf<typeof InputStoryContentType>;

/** Kinds of inline query result (cached and uncached results share a kind). */
export const InlineQueryResultType = {
  AUDIO: 'audio',
  DOCUMENT: 'document',
  GIF: 'gif',
  MPEG4GIF: 'mpeg4_gif',
  PHOTO: 'photo',
  STICKER: 'sticker',
  VIDEO: 'video',
  VOICE: 'voice',
  ARTICLE: 'article',
  CONTACT: 'contact',
  GAME: 'game',
  LOCATION: 'location',
  VENUE: 'venue',
} as const satisfies Readonly<Record<string, InlineQueryResult['type']>>;
/** One of {@link InlineQueryResultType}'s values. */
export type InlineQueryResultType = ValueOf<typeof InlineQueryResultType>;

/** Kinds of menu button. */
export const MenuButtonType = {
  COMMANDS: 'commands',
  WEB_APP: 'web_app',
  DEFAULT: 'default',
} as const satisfies Readonly<Record<string, MenuButton['type']>>;
/** One of {@link MenuButtonType}'s values. */
export type MenuButtonType = ValueOf<typeof MenuButtonType>;

/** Scopes of bot commands. */
export const BotCommandScopeType = {
  DEFAULT: 'default',
  ALL_PRIVATE_CHATS: 'all_private_chats',
  ALL_GROUP_CHATS: 'all_group_chats',
  ALL_CHAT_ADMINISTRATORS: 'all_chat_administrators',
  CHAT: 'chat',
  CHAT_ADMINISTRATORS: 'chat_administrators',
  CHAT_MEMBER: 'chat_member',
} as const satisfies Readonly<Record<string, BotCommandScope['type']>>;
/** One of {@link BotCommandScopeType}'s values. */
export type BotCommandScopeType = ValueOf<typeof BotCommandScopeType>;

/** Kinds of message origin (`forward_origin.type`). */
export const MessageOriginType = {
  USER: 'user',
  HIDDEN_USER: 'hidden_user',
  CHAT: 'chat',
  CHANNEL: 'channel',
} as const satisfies Readonly<Record<string, MessageOrigin['type']>>;
/** One of {@link MessageOriginType}'s values. */
export type MessageOriginType = ValueOf<typeof MessageOriginType>;

/** Kinds of reaction. */
export const ReactionType = {
  EMOJI: 'emoji',
  CUSTOM_EMOJI: 'custom_emoji',
  PAID: 'paid',
} as const satisfies Readonly<Record<string, ReactionTypeUnion['type']>>;
/** One of {@link ReactionType}'s values. */
export type ReactionType = ValueOf<typeof ReactionType>;

/** Sources of a chat boost (`ChatBoostSource.source`). */
export const ChatBoostSources = {
  GIFT_CODE: 'gift_code',
  GIVEAWAY: 'giveaway',
  PREMIUM: 'premium',
} as const satisfies Readonly<Record<string, ChatBoostSource['source']>>;
/** One of {@link ChatBoostSources}'s values. */
export type ChatBoostSources = ValueOf<typeof ChatBoostSources>;

/** Kinds of Star transaction partner. */
export const TransactionPartnerType = {
  AFFILIATE_PROGRAM: 'affiliate_program',
  CHAT: 'chat',
  FRAGMENT: 'fragment',
  OTHER: 'other',
  TELEGRAM_ADS: 'telegram_ads',
  TELEGRAM_API: 'telegram_api',
  USER: 'user',
} as const satisfies Readonly<Record<string, TransactionPartner['type']>>;
/** One of {@link TransactionPartnerType}'s values. */
export type TransactionPartnerType = ValueOf<typeof TransactionPartnerType>;

/** Kinds of transaction with a user (`TransactionPartnerUser.transaction_type`). */
export const TransactionPartnerUser = {
  INVOICE_PAYMENT: 'invoice_payment',
  PAID_MEDIA_PAYMENT: 'paid_media_payment',
  GIFT_PURCHASE: 'gift_purchase',
  PREMIUM_PURCHASE: 'premium_purchase',
  BUSINESS_ACCOUNT_TRANSFER: 'business_account_transfer',
} as const satisfies Of<TransactionPartnerUserObject['transaction_type']>;
/** One of {@link TransactionPartnerUser}'s values. */
export type TransactionPartnerUser = ValueOf<typeof TransactionPartnerUser>;

/** States of a revenue withdrawal. */
export const RevenueWithdrawalStateType = {
  PENDING: 'pending',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
} as const satisfies Readonly<Record<string, RevenueWithdrawalState['type']>>;
/** One of {@link RevenueWithdrawalStateType}'s values. */
export type RevenueWithdrawalStateType = ValueOf<typeof RevenueWithdrawalStateType>;

/** Kinds of chat background. */
export const BackgroundTypeType = {
  FILL: 'fill',
  WALLPAPER: 'wallpaper',
  PATTERN: 'pattern',
  CHAT_THEME: 'chat_theme',
} as const satisfies Readonly<Record<string, BackgroundType['type']>>;
/** One of {@link BackgroundTypeType}'s values. */
export type BackgroundTypeType = ValueOf<typeof BackgroundTypeType>;

/** Kinds of background fill. */
export const BackgroundFillType = {
  SOLID: 'solid',
  GRADIENT: 'gradient',
  FREEFORM_GRADIENT: 'freeform_gradient',
} as const satisfies Readonly<Record<string, BackgroundFill['type']>>;
/** One of {@link BackgroundFillType}'s values. */
export type BackgroundFillType = ValueOf<typeof BackgroundFillType>;

/** Kinds of owned gift. */
export const OwnedGiftType = {
  REGULAR: 'regular',
  UNIQUE: 'unique',
} as const satisfies Readonly<Record<string, OwnedGift['type']>>;
/** One of {@link OwnedGiftType}'s values. */
export type OwnedGiftType = ValueOf<typeof OwnedGiftType>;

/** Kinds of clickable story area. */
export const StoryAreaTypeType = {
  LOCATION: 'location',
  SUGGESTED_REACTION: 'suggested_reaction',
  LINK: 'link',
  WEATHER: 'weather',
  UNIQUE_GIFT: 'unique_gift',
} as const satisfies Readonly<Record<string, StoryAreaType['type']>>;
/** One of {@link StoryAreaTypeType}'s values. */
export type StoryAreaTypeType = ValueOf<typeof StoryAreaTypeType>;

/** How a unique gift was obtained (`UniqueGiftInfo.origin`). */
export const UniqueGiftInfoOrigin = {
  GIFTED_UPGRADE: 'gifted_upgrade',
  OFFER: 'offer',
  RESALE: 'resale',
  TRANSFER: 'transfer',
  UPGRADE: 'upgrade',
} as const satisfies Of<UniqueGiftInfo['origin']>;
/** One of {@link UniqueGiftInfoOrigin}'s values. */
export type UniqueGiftInfoOrigin = ValueOf<typeof UniqueGiftInfoOrigin>;

/** Rarities of a unique gift model. */
export const UniqueGiftModelRarity = {
  UNCOMMON: 'uncommon',
  RARE: 'rare',
  EPIC: 'epic',
  LEGENDARY: 'legendary',
} as const satisfies Of<NonNullable<UniqueGiftModel['rarity']>>;
/** One of {@link UniqueGiftModelRarity}'s values. */
export type UniqueGiftModelRarity = ValueOf<typeof UniqueGiftModelRarity>;

/** Colours of a keyboard button (`style`); BLUE, GREEN and RED are PTB's aliases. */
export const KeyboardButtonStyle = {
  PRIMARY: 'primary',
  SUCCESS: 'success',
  DANGER: 'danger',
  BLUE: 'primary',
  GREEN: 'success',
  RED: 'danger',
} as const satisfies Of<NonNullable<KeyboardButton['style']>>;
/** One of {@link KeyboardButtonStyle}'s values. */
export type KeyboardButtonStyle = ValueOf<typeof KeyboardButtonStyle>;

/** States of a suggested post (`SuggestedPostInfo.state`). */
export const SuggestedPostInfoState = {
  PENDING: 'pending',
  APPROVED: 'approved',
  DECLINED: 'declined',
} as const satisfies Of<SuggestedPostInfo['state']>;
/** One of {@link SuggestedPostInfoState}'s values. */
export type SuggestedPostInfoState = ValueOf<typeof SuggestedPostInfoState>;

/** Why a suggested post's payment was refunded (`SuggestedPostRefunded.reason`). */
export const SuggestedPostRefunded = {
  POST_DELETED: 'post_deleted',
  PAYMENT_REFUNDED: 'payment_refunded',
} as const satisfies Of<SuggestedPostRefundedObject['reason']>;
/** One of {@link SuggestedPostRefunded}'s values. */
export type SuggestedPostRefunded = ValueOf<typeof SuggestedPostRefunded>;

/** Chat ids with a special meaning. */
export const ChatID = {
  /** The sender of messages that anonymous group administrators send (`@GroupAnonymousBot`). */
  ANONYMOUS_ADMIN: 1087968824,
  /** Telegram's service notifications chat. */
  SERVICE_CHAT: 777000,
  /** The sender of messages posted on behalf of channels in their discussion groups (`@Channel_Bot`). */
  FAKE_CHANNEL: 136817688,
} as const;
/** One of {@link ChatID}'s values. */
export type ChatID = ValueOf<typeof ChatID>;
