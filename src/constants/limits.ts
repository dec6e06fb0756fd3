/**
 * Numeric limits of the Bot API as PTB's `telegram.constants` groups them. Where the spec states a
 * limit (a parameter's length, a field's range), a test holds the value here to the spec's.
 */

/** Lengths of commands and their descriptions, and how many a bot may have. */
export const BotCommandLimit = {
  MIN_COMMAND: 1,
  MAX_COMMAND: 32,
  MIN_DESCRIPTION: 1,
  MAX_DESCRIPTION: 256,
  MAX_COMMAND_NUMBER: 100,
} as const;

/** Lengths of the bot's description and short description. */
export const BotDescriptionLimit = {
  MAX_DESCRIPTION_LENGTH: 512,
  MAX_SHORT_DESCRIPTION_LENGTH: 120,
} as const;

/** Length of the bot's name. */
export const BotNameLimit = { MAX_NAME_LENGTH: 64 } as const;

/** How many items methods that act on several at once (deleteMessages, copyMessages...) take. */
export const BulkRequestLimit = { MIN_LIMIT: 1, MAX_LIMIT: 100 } as const;

/** Limits of business accounts: names, bio, gifts, Stars, and how long a chat counts as active (seconds). */
export const BusinessLimit = {
  CHAT_ACTIVITY_TIMEOUT: 86400,
  MIN_NAME_LENGTH: 1,
  MAX_NAME_LENGTH: 64,
  MAX_USERNAME_LENGTH: 32,
  MAX_BIO_LENGTH: 140,
  MIN_GIFT_RESULTS: 1,
  MAX_GIFT_RESULTS: 100,
  MIN_STAR_COUNT: 1,
  MAX_STAR_COUNT: 10000,
} as const;

/** Length of the notification text of `answerCallbackQuery`. */
export const CallbackQueryLimit = { ANSWER_CALLBACK_QUERY_TEXT_LENGTH: 200 } as const;

/** Member limit and name length of invite links. */
export const ChatInviteLinkLimit = { MIN_MEMBER_LIMIT: 1, MAX_MEMBER_LIMIT: 99999, NAME_LENGTH: 32 } as const;

/** Lengths of chat titles, descriptions and administrator titles. */
export const ChatLimit = {
  CHAT_ADMINISTRATOR_CUSTOM_TITLE_LENGTH: 16,
  CHAT_DESCRIPTION_LENGTH: 255,
  MIN_CHAT_TITLE_LENGTH: 1,
  MAX_CHAT_TITLE_LENGTH: 128,
} as const;

/** Period (seconds) and price (Stars) of subscription invite links. */
export const ChatSubscriptionLimit = {
  SUBSCRIPTION_PERIOD: 2592000,
  MIN_PRICE: 1,
  MAX_PRICE: 10000,
} as const;

/** Dimming and intensity ranges of chat backgrounds. */
export const BackgroundTypeLimit = { MAX_DIMMING: 100, MAX_INTENSITY: 100 } as const;

/** Rotation of gradient background fills, in degrees. */
export const BackgroundFillLimit = { MAX_ROTATION_ANGLE: 359 } as const;

/** Sizes of the small and big chat photo, in pixels. */
export const ChatPhotoSize = { SMALL: 160, BIG: 640 } as const;

/** Size of a contact's vCard, in bytes. */
export const ContactLimit = { VCARD: 2048 } as const;

/** How many custom emoji ids `getCustomEmojiStickers` takes. */
export const CustomEmojiStickerLimit = { CUSTOM_EMOJI_IDENTIFIER_LIMIT: 200 } as const;

/** Ranges of dice values per emoji. */
export const DiceLimit = {
  MIN_VALUE: 1,
  MAX_VALUE_BASKETBALL: 5,
  MAX_VALUE_BOWLING: 6,
  MAX_VALUE_DARTS: 6,
  MAX_VALUE_DICE: 6,
  MAX_VALUE_FOOTBALL: 5,
  MAX_VALUE_SLOT_MACHINE: 64,
} as const;

/**
 * File sizes in bytes: downloads through the cloud API, uploads, uploads to a local Bot API
 * server, photos, and voice notes that show as voice messages. A local server downloads any size.
 */
export const FileSizeLimit = {
  FILESIZE_DOWNLOAD: 20_000_000,
  FILESIZE_UPLOAD: 50_000_000,
  FILESIZE_UPLOAD_LOCAL_MODE: 2_000_000_000,
  FILESIZE_DOWNLOAD_LOCAL_MODE: Number.MAX_SAFE_INTEGER,
  PHOTOSIZE_UPLOAD: 10_000_000,
  VOICE_NOTE_FILE_SIZE: 1_000_000,
} as const;

/** Telegram's rate limits for sending. */
export const FloodLimit = {
  MESSAGES_PER_SECOND_PER_CHAT: 1,
  MESSAGES_PER_SECOND: 30,
  MESSAGES_PER_MINUTE_PER_GROUP: 20,
  PAID_MESSAGES_PER_SECOND: 1000,
} as const;

/** Length of a gift's text. */
export const GiftLimit = { MAX_TEXT_LENGTH: 128 } as const;

/** Most winners of a giveaway. */
export const GiveawayLimit = { MAX_WINNERS: 100 } as const;

/** How many users a `KeyboardButtonRequestUsers` may request. */
export const KeyboardButtonRequestUsersLimit = { MIN_QUANTITY: 1, MAX_QUANTITY: 10 } as const;

/** Sizes of `callback_data` (bytes) and of copy-text buttons. */
export const InlineKeyboardButtonLimit = {
  MIN_CALLBACK_DATA: 1,
  MAX_CALLBACK_DATA: 64,
  MIN_COPY_TEXT: 1,
  MAX_COPY_TEXT: 256,
} as const;

/** Size of an inline keyboard. */
export const InlineKeyboardMarkupLimit = { TOTAL_BUTTON_NUMBER: 100, BUTTONS_PER_ROW: 8 } as const;

/** Lengths and task count of an input checklist. */
export const InputChecklistLimit = {
  MIN_TITLE_LENGTH: 1,
  MAX_TITLE_LENGTH: 255,
  MIN_TEXT_LENGTH: 1,
  MAX_TEXT_LENGTH: 100,
  MIN_TASK_NUMBER: 1,
  MAX_TASK_NUMBER: 30,
} as const;

/** Sizes, dimensions and durations of story content. */
export const InputStoryContentLimit = {
  PHOTOSIZE_UPLOAD: 10_000_000,
  PHOTO_WIDTH: 1080,
  PHOTO_HEIGHT: 1920,
  VIDEOSIZE_UPLOAD: 30_000_000,
  VIDEO_WIDTH: 720,
  VIDEO_HEIGHT: 1080,
  MAX_VIDEO_DURATION: 60,
} as const;

/** Results per answer, and lengths of offsets and queries. */
export const InlineQueryLimit = { RESULTS: 50, MAX_OFFSET_LENGTH: 64, MAX_QUERY_LENGTH: 256 } as const;

/** Length of an inline query result's id, in bytes. */
export const InlineQueryResultLimit = { MIN_ID_LENGTH: 1, MAX_ID_LENGTH: 64 } as const;

/** Length of the start parameter of an inline results button. */
export const InlineQueryResultsButtonLimit = {
  MIN_START_PARAMETER_LENGTH: 1,
  MAX_START_PARAMETER_LENGTH: 64,
} as const;

/** Ranges of locations: address length, accuracy (m), heading (degrees), live period (s), alert radius (m). */
export const LocationLimit = {
  MIN_CHAT_LOCATION_ADDRESS: 1,
  MAX_CHAT_LOCATION_ADDRESS: 64,
  HORIZONTAL_ACCURACY: 1500,
  MIN_HEADING: 1,
  MAX_HEADING: 360,
  MIN_LIVE_PERIOD: 60,
  MAX_LIVE_PERIOD: 86400,
  LIVE_PERIOD_FOREVER: 0x7fffffff,
  MIN_PROXIMITY_ALERT_RADIUS: 1,
  MAX_PROXIMITY_ALERT_RADIUS: 100000,
} as const;

/** Size of an album. */
export const MediaGroupLimit = { MIN_MEDIA_LENGTH: 2, MAX_MEDIA_LENGTH: 10 } as const;

/** Lengths of texts and captions, of deep-link payloads, and how many entities a message carries. */
export const MessageLimit = {
  MAX_TEXT_LENGTH: 4096,
  CAPTION_LENGTH: 1024,
  MIN_TEXT_LENGTH: 1,
  DEEP_LINK_LENGTH: 64,
  MESSAGE_ENTITIES: 100,
} as const;

/** One nanostar in Stars. */
export const Nanostar = { VALUE: 1 / 1_000_000_000 } as const;

/** Range of `nanostar_amount`. */
export const NanostarLimit = { MIN_AMOUNT: -999999999, MAX_AMOUNT: 999999999 } as const;

/** How many messages `getUserPersonalChatMessages` returns. */
export const PersonalChatMessagesLimit = { MIN_LIMIT: 1, MAX_LIMIT: 20 } as const;

/** Range of `getUpdates`'s `limit`. */
export const PollingLimit = { MIN_LIMIT: 1, MAX_LIMIT: 100 } as const;

/** Gifted Telegram Premium: text length, month counts and their prices in Stars. */
export const PremiumSubscription = {
  MAX_TEXT_LENGTH: 128,
  MONTH_COUNT_THREE: 3,
  MONTH_COUNT_SIX: 6,
  MONTH_COUNT_TWELVE: 12,
  STARS_THREE_MONTHS: 1000,
  STARS_SIX_MONTHS: 1500,
  STARS_TWELVE_MONTHS: 2500,
} as const;

/** Length of the input field placeholder of reply keyboards and force replies. */
export const ReplyLimit = { MIN_INPUT_FIELD_PLACEHOLDER: 1, MAX_INPUT_FIELD_PLACEHOLDER: 64 } as const;

/** Range of `getStarTransactions`'s `limit`. */
export const StarTransactionsLimit = { MIN_LIMIT: 1, MAX_LIMIT: 100 } as const;

/** Lengths of sticker set names and titles, emoji and keywords per sticker. */
export const StickerLimit = {
  MIN_NAME_AND_TITLE: 1,
  MAX_NAME_AND_TITLE: 64,
  MIN_STICKER_EMOJI: 1,
  MAX_STICKER_EMOJI: 20,
  MAX_SEARCH_KEYWORDS: 20,
  MAX_KEYWORD_LENGTH: 64,
} as const;

/** Sizes of sticker sets and their thumbnails. */
export const StickerSetLimit = {
  MIN_INITIAL_STICKERS: 1,
  MAX_INITIAL_STICKERS: 50,
  MAX_EMOJI_STICKERS: 200,
  MAX_ANIMATED_STICKERS: 50,
  MAX_STATIC_STICKERS: 120,
  MAX_STATIC_THUMBNAIL_SIZE: 128,
  MAX_ANIMATED_THUMBNAIL_SIZE: 32,
  STATIC_THUMB_DIMENSIONS: 100,
} as const;

/** Rotation of a story area, in degrees. */
export const StoryAreaPositionLimit = { MAX_ROTATION_ANGLE: 360 } as const;

/** How many areas of each kind a story may have. */
export const StoryAreaTypeLimit = {
  MAX_LOCATION_AREAS: 10,
  MAX_SUGGESTED_REACTION_AREAS: 5,
  MAX_LINK_AREAS: 3,
  MAX_WEATHER_AREAS: 3,
  MAX_UNIQUE_GIFT_AREAS: 1,
} as const;

/** Caption length of stories and their active periods, in seconds. */
export const StoryLimit = {
  CAPTION_LENGTH: 2048,
  ACTIVITY_SIX_HOURS: 21600,
  ACTIVITY_TWELVE_HOURS: 43200,
  ACTIVITY_ONE_DAY: 86400,
  ACTIVITY_TWO_DAYS: 172800,
} as const;

/** Prices (Stars, nanotoncoins), send delay (seconds) and comment length of suggested posts. */
export const SuggestedPost = {
  MIN_PRICE_STARS: 5,
  MAX_PRICE_STARS: 100_000,
  MIN_PRICE_NANOTONCOINS: 10_000_000,
  MAX_PRICE_NANOTONCOINS: 10_000_000_000_000,
  MIN_SEND_DATE: 300,
  MAX_SEND_DATE: 2_678_400,
  MAX_COMMENT_LENGTH: 128,
} as const;

/** Lengths, counts and periods of polls. */
export const PollLimit = {
  MIN_QUESTION_LENGTH: 1,
  MAX_QUESTION_LENGTH: 300,
  MIN_OPTION_LENGTH: 1,
  MAX_OPTION_LENGTH: 100,
  MIN_OPTION_NUMBER: 1,
  MAX_OPTION_NUMBER: 12,
  MAX_EXPLANATION_LENGTH: 200,
  MAX_EXPLANATION_LINE_FEEDS: 2,
  MIN_OPEN_PERIOD: 5,
  MAX_OPEN_PERIOD: 2628000,
  MAX_DESCRIPTION_CHARACTERS: 1024,
  MIN_MEMBERSHIP_HOURS: 24,
  MAX_COUNTRY_CODES: 12,
} as const;

/** Lengths of invoice texts and payloads, tips, Star prices and subscription periods (seconds). */
export const InvoiceLimit = {
  MIN_TITLE_LENGTH: 1,
  MAX_TITLE_LENGTH: 32,
  MIN_DESCRIPTION_LENGTH: 1,
  MAX_DESCRIPTION_LENGTH: 255,
  MIN_PAYLOAD_LENGTH: 1,
  MAX_PAYLOAD_LENGTH: 128,
  MAX_TIP_AMOUNTS: 4,
  MIN_STAR_COUNT: 1,
  MAX_STAR_COUNT: 25000,
  SUBSCRIPTION_PERIOD: 2592000,
  SUBSCRIPTION_MAX_PRICE: 10000,
} as const;

/** Range of `getUserProfilePhotos`'s `limit`. */
export const UserProfilePhotosLimit = { MIN_LIMIT: 1, MAX_LIMIT: 100 } as const;

/** Range of `getUserProfileAudios`'s `limit`. */
export const UserProfileAudiosLimit = { MIN_LIMIT: 1, MAX_LIMIT: 100 } as const;

/** Webhook connection count and secret token length. */
export const WebhookLimit = {
  MIN_CONNECTIONS_LIMIT: 1,
  MAX_CONNECTIONS_LIMIT: 100,
  MIN_SECRET_TOKEN_LENGTH: 1,
  MAX_SECRET_TOKEN_LENGTH: 256,
} as const;

/** Length of forum topic names. */
export const ForumTopicLimit = { MIN_NAME_LENGTH: 1, MAX_NAME_LENGTH: 128 } as const;

/** How many users a managed bot's access settings may allow. */
export const ManagedBotAccessLimit = { MAX_ALLOWED_USERS: 10 } as const;

/** Length of a verification's custom description. */
export const VerifyLimit = { MAX_TEXT_LENGTH: 70 } as const;

/** Length of a chat member's tag. */
export const TagLimit = { MAX_TAG_LENGTH: 16 } as const;
