/**
 * PTB's class-level aliases of constants: `Chat.PRIVATE`, `MessageEntity.BOLD`,
 * `ChatMember.ADMINISTRATOR`, `Dice.DARTS`, `Update.MESSAGE`, `Update.ALL_TYPES`... Each is the
 * value of the matching enumeration in `constants`, installed as a read-only static property and
 * typed through a namespace merged with the class. Unions carry them on their runtime base
 * (`MessageOrigin.USER` is `MessageOriginBase.USER`).
 */

import { UpdateType } from '../constants/message-types.js';
import {
  BackgroundFillType,
  BackgroundTypeType,
  BotCommandScopeType,
  ChatBoostSources,
  ChatMemberStatus,
  ChatPhotoSize,
  ChatType,
  DiceEmoji,
  DiceLimit,
  InlineKeyboardButtonLimit,
  InlineQueryLimit,
  MaskPosition as MaskPoint,
  MenuButtonType,
  MessageEntityType,
  MessageOriginType,
  OwnedGiftType,
  PaidMediaType,
  PollLimit,
  PollType,
  ReactionType as ReactionTypeConst,
  RevenueWithdrawalStateType,
  StickerType,
  StoryAreaTypeType,
  TransactionPartnerType,
} from '../constants.js';
import { UPDATE_TYPES } from '../generated/metadata.js';
import {
  BackgroundFillBase,
  BackgroundTypeBase,
  BotCommandScopeBase,
  Chat,
  ChatBoostSourceBase,
  ChatMemberBase,
  ChatPhoto,
  Dice,
  InlineKeyboardButton,
  InlineQuery,
  MenuButtonBase,
  MessageEntity,
  MessageOriginBase,
  OwnedGiftBase,
  PaidMediaBase,
  Poll,
  ReactionTypeBase,
  RevenueWithdrawalStateBase,
  Sticker,
  StoryAreaTypeBase,
  TransactionPartnerBase,
  Update,
} from '../generated/types.js';

/** Every message entity type, in `MessageEntityType`'s order. */
const ALL_ENTITY_TYPES: readonly MessageEntityType[] = Object.freeze(Object.values(MessageEntityType));
/** Every dice emoji. */
const ALL_DICE_EMOJI: readonly DiceEmoji[] = Object.freeze(Object.values(DiceEmoji));

declare module '../generated/types.js' {
  /** Constants kept on {@link Chat} itself, as PTB keeps them on the class. */
  namespace Chat {
    /** `'sender'`. */
    const SENDER: typeof ChatType.SENDER;
    /** `'private'`. */
    const PRIVATE: typeof ChatType.PRIVATE;
    /** `'group'`. */
    const GROUP: typeof ChatType.GROUP;
    /** `'supergroup'`. */
    const SUPERGROUP: typeof ChatType.SUPERGROUP;
    /** `'channel'`. */
    const CHANNEL: typeof ChatType.CHANNEL;
  }
  /** Constants kept on {@link MessageEntity} itself, as PTB keeps them on the class. */
  namespace MessageEntity {
    /** Every entity type. */
    const ALL_TYPES: readonly MessageEntityType[];
    /** `'blockquote'`. */
    const BLOCKQUOTE: typeof MessageEntityType.BLOCKQUOTE;
    /** `'bold'`. */
    const BOLD: typeof MessageEntityType.BOLD;
    /** `'bot_command'`. */
    const BOT_COMMAND: typeof MessageEntityType.BOT_COMMAND;
    /** `'cashtag'`. */
    const CASHTAG: typeof MessageEntityType.CASHTAG;
    /** `'code'`. */
    const CODE: typeof MessageEntityType.CODE;
    /** `'custom_emoji'`. */
    const CUSTOM_EMOJI: typeof MessageEntityType.CUSTOM_EMOJI;
    /** `'date_time'`. */
    const DATE_TIME: typeof MessageEntityType.DATE_TIME;
    /** `'email'`. */
    const EMAIL: typeof MessageEntityType.EMAIL;
    /** `'expandable_blockquote'`. */
    const EXPANDABLE_BLOCKQUOTE: typeof MessageEntityType.EXPANDABLE_BLOCKQUOTE;
    /** `'hashtag'`. */
    const HASHTAG: typeof MessageEntityType.HASHTAG;
    /** `'italic'`. */
    const ITALIC: typeof MessageEntityType.ITALIC;
    /** `'mention'`. */
    const MENTION: typeof MessageEntityType.MENTION;
    /** `'phone_number'`. */
    const PHONE_NUMBER: typeof MessageEntityType.PHONE_NUMBER;
    /** `'pre'`. */
    const PRE: typeof MessageEntityType.PRE;
    /** `'spoiler'`. */
    const SPOILER: typeof MessageEntityType.SPOILER;
    /** `'strikethrough'`. */
    const STRIKETHROUGH: typeof MessageEntityType.STRIKETHROUGH;
    /** `'text_link'`. */
    const TEXT_LINK: typeof MessageEntityType.TEXT_LINK;
    /** `'text_mention'`. */
    const TEXT_MENTION: typeof MessageEntityType.TEXT_MENTION;
    /** `'underline'`. */
    const UNDERLINE: typeof MessageEntityType.UNDERLINE;
    /** `'url'`. */
    const URL: typeof MessageEntityType.URL;
  }
  /** Constants kept on {@link ChatMemberBase} itself, as PTB keeps them on the class. */
  namespace ChatMemberBase {
    /** `'administrator'`. */
    const ADMINISTRATOR: typeof ChatMemberStatus.ADMINISTRATOR;
    /** `'creator'`. */
    const OWNER: typeof ChatMemberStatus.OWNER;
    /** `'kicked'`. */
    const BANNED: typeof ChatMemberStatus.BANNED;
    /** `'left'`. */
    const LEFT: typeof ChatMemberStatus.LEFT;
    /** `'member'`. */
    const MEMBER: typeof ChatMemberStatus.MEMBER;
    /** `'restricted'`. */
    const RESTRICTED: typeof ChatMemberStatus.RESTRICTED;
  }
  /** Constants kept on {@link Dice} itself, as PTB keeps them on the class. */
  namespace Dice {
    /** Every dice emoji. */
    const ALL_EMOJI: readonly DiceEmoji[];
    /** 🎲 */
    const DICE: typeof DiceEmoji.DICE;
    /** 🎯 */
    const DARTS: typeof DiceEmoji.DARTS;
    /** 🏀 */
    const BASKETBALL: typeof DiceEmoji.BASKETBALL;
    /** ⚽ */
    const FOOTBALL: typeof DiceEmoji.FOOTBALL;
    /** 🎰 */
    const SLOT_MACHINE: typeof DiceEmoji.SLOT_MACHINE;
    /** 🎳 */
    const BOWLING: typeof DiceEmoji.BOWLING;
    /** Lowest value of any dice: 1. */
    const MIN_VALUE: typeof DiceLimit.MIN_VALUE;
    /** Highest value of 🏀. */
    const MAX_VALUE_BASKETBALL: typeof DiceLimit.MAX_VALUE_BASKETBALL;
    /** Highest value of 🎳. */
    const MAX_VALUE_BOWLING: typeof DiceLimit.MAX_VALUE_BOWLING;
    /** Highest value of 🎯. */
    const MAX_VALUE_DARTS: typeof DiceLimit.MAX_VALUE_DARTS;
    /** Highest value of 🎲. */
    const MAX_VALUE_DICE: typeof DiceLimit.MAX_VALUE_DICE;
    /** Highest value of ⚽. */
    const MAX_VALUE_FOOTBALL: typeof DiceLimit.MAX_VALUE_FOOTBALL;
    /** Highest value of 🎰. */
    const MAX_VALUE_SLOT_MACHINE: typeof DiceLimit.MAX_VALUE_SLOT_MACHINE;
  }
  /** Constants kept on {@link Sticker} itself, as PTB keeps them on the class. */
  namespace Sticker {
    /** `'regular'`. */
    const REGULAR: typeof StickerType.REGULAR;
    /** `'mask'`. */
    const MASK: typeof StickerType.MASK;
    /** `'custom_emoji'`. */
    const CUSTOM_EMOJI: typeof StickerType.CUSTOM_EMOJI;
    /** Mask point `'forehead'`. */
    const FOREHEAD: typeof MaskPoint.FOREHEAD;
    /** Mask point `'eyes'`. */
    const EYES: typeof MaskPoint.EYES;
    /** Mask point `'mouth'`. */
    const MOUTH: typeof MaskPoint.MOUTH;
    /** Mask point `'chin'`. */
    const CHIN: typeof MaskPoint.CHIN;
  }
  /** Constants kept on {@link Update} itself, as PTB keeps them on the class. */
  namespace Update {
    /** Every update kind, in the spec's order (the `allowed_updates` values). */
    const ALL_TYPES: typeof UPDATE_TYPES;
    /** `'message'`. */
    const MESSAGE: typeof UpdateType.MESSAGE;
    /** `'edited_message'`. */
    const EDITED_MESSAGE: typeof UpdateType.EDITED_MESSAGE;
    /** `'channel_post'`. */
    const CHANNEL_POST: typeof UpdateType.CHANNEL_POST;
    /** `'edited_channel_post'`. */
    const EDITED_CHANNEL_POST: typeof UpdateType.EDITED_CHANNEL_POST;
    /** `'business_connection'`. */
    const BUSINESS_CONNECTION: typeof UpdateType.BUSINESS_CONNECTION;
    /** `'business_message'`. */
    const BUSINESS_MESSAGE: typeof UpdateType.BUSINESS_MESSAGE;
    /** `'edited_business_message'`. */
    const EDITED_BUSINESS_MESSAGE: typeof UpdateType.EDITED_BUSINESS_MESSAGE;
    /** `'deleted_business_messages'`. */
    const DELETED_BUSINESS_MESSAGES: typeof UpdateType.DELETED_BUSINESS_MESSAGES;
    /** `'guest_message'`. */
    const GUEST_MESSAGE: typeof UpdateType.GUEST_MESSAGE;
    /** `'message_reaction'`. */
    const MESSAGE_REACTION: typeof UpdateType.MESSAGE_REACTION;
    /** `'message_reaction_count'`. */
    const MESSAGE_REACTION_COUNT: typeof UpdateType.MESSAGE_REACTION_COUNT;
    /** `'inline_query'`. */
    const INLINE_QUERY: typeof UpdateType.INLINE_QUERY;
    /** `'chosen_inline_result'`. */
    const CHOSEN_INLINE_RESULT: typeof UpdateType.CHOSEN_INLINE_RESULT;
    /** `'callback_query'`. */
    const CALLBACK_QUERY: typeof UpdateType.CALLBACK_QUERY;
    /** `'shipping_query'`. */
    const SHIPPING_QUERY: typeof UpdateType.SHIPPING_QUERY;
    /** `'pre_checkout_query'`. */
    const PRE_CHECKOUT_QUERY: typeof UpdateType.PRE_CHECKOUT_QUERY;
    /** `'purchased_paid_media'`. */
    const PURCHASED_PAID_MEDIA: typeof UpdateType.PURCHASED_PAID_MEDIA;
    /** `'poll'`. */
    const POLL: typeof UpdateType.POLL;
    /** `'poll_answer'`. */
    const POLL_ANSWER: typeof UpdateType.POLL_ANSWER;
    /** `'my_chat_member'`. */
    const MY_CHAT_MEMBER: typeof UpdateType.MY_CHAT_MEMBER;
    /** `'chat_member'`. */
    const CHAT_MEMBER: typeof UpdateType.CHAT_MEMBER;
    /** `'chat_join_request'`. */
    const CHAT_JOIN_REQUEST: typeof UpdateType.CHAT_JOIN_REQUEST;
    /** `'chat_boost'`. */
    const CHAT_BOOST: typeof UpdateType.CHAT_BOOST;
    /** `'removed_chat_boost'`. */
    const REMOVED_CHAT_BOOST: typeof UpdateType.REMOVED_CHAT_BOOST;
    /** `'managed_bot'`. */
    const MANAGED_BOT: typeof UpdateType.MANAGED_BOT;
    /** `'subscription'`. */
    const SUBSCRIPTION: typeof UpdateType.SUBSCRIPTION;
    /** `'stopped_message_generation'`. */
    const STOPPED_MESSAGE_GENERATION: typeof UpdateType.STOPPED_MESSAGE_GENERATION;
  }
  /** Constants kept on {@link Poll} itself, as PTB keeps them on the class. */
  namespace Poll {
    /** `'regular'`. */
    const REGULAR: typeof PollType.REGULAR;
    /** `'quiz'`. */
    const QUIZ: typeof PollType.QUIZ;
    /** Shortest question. */
    const MIN_QUESTION_LENGTH: typeof PollLimit.MIN_QUESTION_LENGTH;
    /** Longest question. */
    const MAX_QUESTION_LENGTH: typeof PollLimit.MAX_QUESTION_LENGTH;
    /** Shortest option text. */
    const MIN_OPTION_LENGTH: typeof PollLimit.MIN_OPTION_LENGTH;
    /** Longest option text. */
    const MAX_OPTION_LENGTH: typeof PollLimit.MAX_OPTION_LENGTH;
    /** Fewest options. */
    const MIN_OPTION_NUMBER: typeof PollLimit.MIN_OPTION_NUMBER;
    /** Most options. */
    const MAX_OPTION_NUMBER: typeof PollLimit.MAX_OPTION_NUMBER;
    /** Longest quiz explanation. */
    const MAX_EXPLANATION_LENGTH: typeof PollLimit.MAX_EXPLANATION_LENGTH;
    /** Most line feeds in a quiz explanation. */
    const MAX_EXPLANATION_LINE_FEEDS: typeof PollLimit.MAX_EXPLANATION_LINE_FEEDS;
    /** Shortest `open_period` (seconds). */
    const MIN_OPEN_PERIOD: typeof PollLimit.MIN_OPEN_PERIOD;
    /** Longest `open_period` (seconds). */
    const MAX_OPEN_PERIOD: typeof PollLimit.MAX_OPEN_PERIOD;
  }
  /** Constants kept on {@link MessageOriginBase} itself, as PTB keeps them on the class. */
  namespace MessageOriginBase {
    /** `'user'`. */
    const USER: typeof MessageOriginType.USER;
    /** `'hidden_user'`. */
    const HIDDEN_USER: typeof MessageOriginType.HIDDEN_USER;
    /** `'chat'`. */
    const CHAT: typeof MessageOriginType.CHAT;
    /** `'channel'`. */
    const CHANNEL: typeof MessageOriginType.CHANNEL;
  }
  /** Constants kept on {@link ReactionTypeBase} itself, as PTB keeps them on the class. */
  namespace ReactionTypeBase {
    /** `'emoji'`. */
    const EMOJI: typeof ReactionTypeConst.EMOJI;
    /** `'custom_emoji'`. */
    const CUSTOM_EMOJI: typeof ReactionTypeConst.CUSTOM_EMOJI;
    /** `'paid'`. */
    const PAID: typeof ReactionTypeConst.PAID;
  }
  /** Constants kept on {@link MenuButtonBase} itself, as PTB keeps them on the class. */
  namespace MenuButtonBase {
    /** `'commands'`. */
    const COMMANDS: typeof MenuButtonType.COMMANDS;
    /** `'web_app'`. */
    const WEB_APP: typeof MenuButtonType.WEB_APP;
    /** `'default'`. */
    const DEFAULT: typeof MenuButtonType.DEFAULT;
  }
  /** Constants kept on {@link BotCommandScopeBase} itself, as PTB keeps them on the class. */
  namespace BotCommandScopeBase {
    /** `'default'`. */
    const DEFAULT: typeof BotCommandScopeType.DEFAULT;
    /** `'all_private_chats'`. */
    const ALL_PRIVATE_CHATS: typeof BotCommandScopeType.ALL_PRIVATE_CHATS;
    /** `'all_group_chats'`. */
    const ALL_GROUP_CHATS: typeof BotCommandScopeType.ALL_GROUP_CHATS;
    /** `'all_chat_administrators'`. */
    const ALL_CHAT_ADMINISTRATORS: typeof BotCommandScopeType.ALL_CHAT_ADMINISTRATORS;
    /** `'chat'`. */
    const CHAT: typeof BotCommandScopeType.CHAT;
    /** `'chat_administrators'`. */
    const CHAT_ADMINISTRATORS: typeof BotCommandScopeType.CHAT_ADMINISTRATORS;
    /** `'chat_member'`. */
    const CHAT_MEMBER: typeof BotCommandScopeType.CHAT_MEMBER;
  }
  /** Constants kept on {@link ChatBoostSourceBase} itself, as PTB keeps them on the class. */
  namespace ChatBoostSourceBase {
    /** `'premium'`. */
    const PREMIUM: typeof ChatBoostSources.PREMIUM;
    /** `'gift_code'`. */
    const GIFT_CODE: typeof ChatBoostSources.GIFT_CODE;
    /** `'giveaway'`. */
    const GIVEAWAY: typeof ChatBoostSources.GIVEAWAY;
  }
  /** Constants kept on {@link OwnedGiftBase} itself, as PTB keeps them on the class. */
  namespace OwnedGiftBase {
    /** `'regular'`. */
    const REGULAR: typeof OwnedGiftType.REGULAR;
    /** `'unique'`. */
    const UNIQUE: typeof OwnedGiftType.UNIQUE;
  }
  /** Constants kept on {@link PaidMediaBase} itself, as PTB keeps them on the class. */
  namespace PaidMediaBase {
    /** `'preview'`. */
    const PREVIEW: typeof PaidMediaType.PREVIEW;
    /** `'photo'`. */
    const PHOTO: typeof PaidMediaType.PHOTO;
    /** `'video'`. */
    const VIDEO: typeof PaidMediaType.VIDEO;
    /** `'live_photo'`. */
    const LIVE_PHOTO: typeof PaidMediaType.LIVE_PHOTO;
  }
  /** Constants kept on {@link TransactionPartnerBase} itself, as PTB keeps them on the class. */
  namespace TransactionPartnerBase {
    /** `'affiliate_program'`. */
    const AFFILIATE_PROGRAM: typeof TransactionPartnerType.AFFILIATE_PROGRAM;
    /** `'chat'`. */
    const CHAT: typeof TransactionPartnerType.CHAT;
    /** `'fragment'`. */
    const FRAGMENT: typeof TransactionPartnerType.FRAGMENT;
    /** `'other'`. */
    const OTHER: typeof TransactionPartnerType.OTHER;
    /** `'telegram_ads'`. */
    const TELEGRAM_ADS: typeof TransactionPartnerType.TELEGRAM_ADS;
    /** `'telegram_api'`. */
    const TELEGRAM_API: typeof TransactionPartnerType.TELEGRAM_API;
    /** `'user'`. */
    const USER: typeof TransactionPartnerType.USER;
  }
  /** Constants kept on {@link RevenueWithdrawalStateBase} itself, as PTB keeps them on the class. */
  namespace RevenueWithdrawalStateBase {
    /** `'pending'`. */
    const PENDING: typeof RevenueWithdrawalStateType.PENDING;
    /** `'succeeded'`. */
    const SUCCEEDED: typeof RevenueWithdrawalStateType.SUCCEEDED;
    /** `'failed'`. */
    const FAILED: typeof RevenueWithdrawalStateType.FAILED;
  }
  /** Constants kept on {@link StoryAreaTypeBase} itself, as PTB keeps them on the class. */
  namespace StoryAreaTypeBase {
    /** `'location'`. */
    const LOCATION: typeof StoryAreaTypeType.LOCATION;
    /** `'suggested_reaction'`. */
    const SUGGESTED_REACTION: typeof StoryAreaTypeType.SUGGESTED_REACTION;
    /** `'link'`. */
    const LINK: typeof StoryAreaTypeType.LINK;
    /** `'weather'`. */
    const WEATHER: typeof StoryAreaTypeType.WEATHER;
    /** `'unique_gift'`. */
    const UNIQUE_GIFT: typeof StoryAreaTypeType.UNIQUE_GIFT;
  }
  /** Constants kept on {@link BackgroundTypeBase} itself, as PTB keeps them on the class. */
  namespace BackgroundTypeBase {
    /** `'fill'`. */
    const FILL: typeof BackgroundTypeType.FILL;
    /** `'wallpaper'`. */
    const WALLPAPER: typeof BackgroundTypeType.WALLPAPER;
    /** `'pattern'`. */
    const PATTERN: typeof BackgroundTypeType.PATTERN;
    /** `'chat_theme'`. */
    const CHAT_THEME: typeof BackgroundTypeType.CHAT_THEME;
  }
  /** Constants kept on {@link BackgroundFillBase} itself, as PTB keeps them on the class. */
  namespace BackgroundFillBase {
    /** `'solid'`. */
    const SOLID: typeof BackgroundFillType.SOLID;
    /** `'gradient'`. */
    const GRADIENT: typeof BackgroundFillType.GRADIENT;
    /** `'freeform_gradient'`. */
    const FREEFORM_GRADIENT: typeof BackgroundFillType.FREEFORM_GRADIENT;
  }
  /** Constants kept on {@link InlineQuery} itself, as PTB keeps them on the class. */
  namespace InlineQuery {
    /** Most results one answer may carry. */
    const MAX_RESULTS: typeof InlineQueryLimit.RESULTS;
    /** Longest `next_offset`. */
    const MAX_OFFSET_LENGTH: typeof InlineQueryLimit.MAX_OFFSET_LENGTH;
    /** Longest query text. */
    const MAX_QUERY_LENGTH: typeof InlineQueryLimit.MAX_QUERY_LENGTH;
  }
  /** Constants kept on {@link InlineKeyboardButton} itself, as PTB keeps them on the class. */
  namespace InlineKeyboardButton {
    /** Shortest `callback_data`, in bytes. */
    const MIN_CALLBACK_DATA: typeof InlineKeyboardButtonLimit.MIN_CALLBACK_DATA;
    /** Longest `callback_data`, in bytes. */
    const MAX_CALLBACK_DATA: typeof InlineKeyboardButtonLimit.MAX_CALLBACK_DATA;
  }
  /** Constants kept on {@link ChatPhoto} itself, as PTB keeps them on the class. */
  namespace ChatPhoto {
    /** Side of the small chat photo, in pixels. */
    const SIZE_SMALL: typeof ChatPhotoSize.SMALL;
    /** Side of the big chat photo, in pixels. */
    const SIZE_BIG: typeof ChatPhotoSize.BIG;
  }
}

/** Installs `values` as read-only static properties of `target`. */
function statics(target: object, values: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(values)) {
    if (Object.hasOwn(target, key))
      throw new Error(`${String((target as { name?: unknown }).name)}.${key} is defined twice`);
    Object.defineProperty(target, key, { value, enumerable: true, writable: false, configurable: false });
  }
}

statics(Chat, ChatType);
statics(MessageEntity, { ...MessageEntityType, ALL_TYPES: ALL_ENTITY_TYPES });
statics(ChatMemberBase, ChatMemberStatus);
statics(Dice, {
  ...DiceEmoji,
  ALL_EMOJI: ALL_DICE_EMOJI,
  MIN_VALUE: DiceLimit.MIN_VALUE,
  MAX_VALUE_BASKETBALL: DiceLimit.MAX_VALUE_BASKETBALL,
  MAX_VALUE_BOWLING: DiceLimit.MAX_VALUE_BOWLING,
  MAX_VALUE_DARTS: DiceLimit.MAX_VALUE_DARTS,
  MAX_VALUE_DICE: DiceLimit.MAX_VALUE_DICE,
  MAX_VALUE_FOOTBALL: DiceLimit.MAX_VALUE_FOOTBALL,
  MAX_VALUE_SLOT_MACHINE: DiceLimit.MAX_VALUE_SLOT_MACHINE,
});
statics(Sticker, { ...StickerType, ...MaskPoint });
statics(Update, { ...UpdateType, ALL_TYPES: UPDATE_TYPES });
statics(Poll, {
  ...PollType,
  MIN_QUESTION_LENGTH: PollLimit.MIN_QUESTION_LENGTH,
  MAX_QUESTION_LENGTH: PollLimit.MAX_QUESTION_LENGTH,
  MIN_OPTION_LENGTH: PollLimit.MIN_OPTION_LENGTH,
  MAX_OPTION_LENGTH: PollLimit.MAX_OPTION_LENGTH,
  MIN_OPTION_NUMBER: PollLimit.MIN_OPTION_NUMBER,
  MAX_OPTION_NUMBER: PollLimit.MAX_OPTION_NUMBER,
  MAX_EXPLANATION_LENGTH: PollLimit.MAX_EXPLANATION_LENGTH,
  MAX_EXPLANATION_LINE_FEEDS: PollLimit.MAX_EXPLANATION_LINE_FEEDS,
  MIN_OPEN_PERIOD: PollLimit.MIN_OPEN_PERIOD,
  MAX_OPEN_PERIOD: PollLimit.MAX_OPEN_PERIOD,
});
statics(MessageOriginBase, MessageOriginType);
statics(ReactionTypeBase, ReactionTypeConst);
statics(MenuButtonBase, MenuButtonType);
statics(BotCommandScopeBase, BotCommandScopeType);
statics(ChatBoostSourceBase, ChatBoostSources);
statics(OwnedGiftBase, OwnedGiftType);
statics(PaidMediaBase, PaidMediaType);
statics(TransactionPartnerBase, TransactionPartnerType);
statics(RevenueWithdrawalStateBase, RevenueWithdrawalStateType);
statics(StoryAreaTypeBase, StoryAreaTypeType);
statics(BackgroundTypeBase, BackgroundTypeType);
statics(BackgroundFillBase, BackgroundFillType);
statics(InlineQuery, {
  MAX_RESULTS: InlineQueryLimit.RESULTS,
  MAX_OFFSET_LENGTH: InlineQueryLimit.MAX_OFFSET_LENGTH,
  MAX_QUERY_LENGTH: InlineQueryLimit.MAX_QUERY_LENGTH,
});
statics(InlineKeyboardButton, {
  MIN_CALLBACK_DATA: InlineKeyboardButtonLimit.MIN_CALLBACK_DATA,
  MAX_CALLBACK_DATA: InlineKeyboardButtonLimit.MAX_CALLBACK_DATA,
});
statics(ChatPhoto, { SIZE_SMALL: ChatPhotoSize.SMALL, SIZE_BIG: ChatPhotoSize.BIG });
