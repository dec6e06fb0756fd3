/**
 * PTB's `telegram.constants`: the Bot API version, enumerations (parse modes, chat types, entity
 * types, update types...), limits (message lengths, file sizes, flood limits...) and the special
 * values Telegram uses. Each enumeration is a frozen object of literal values with a type of the
 * same name for its values.
 *
 * @example
 * ```ts
 * import { constants } from 'typescript-telegram-bot';
 * await chat.sendMessage('<b>hi</b>', { parse_mode: constants.ParseMode.HTML });
 * if (text.length > constants.MessageLimit.MAX_TEXT_LENGTH) split(text);
 * ```
 */
import { BOT_API_VERSION } from './generated/metadata.js';

export { AccentColor, type AccentColorInfo, ForumIconColor, ProfileAccentColor } from './constants/colors.js';
export * from './constants/enums.js';
export * from './constants/limits.js';
export {
  type ConstantsOf,
  MESSAGE_ATTACHMENT_TYPES,
  MESSAGE_TYPES,
  MessageAttachmentType,
  MessageType,
  UpdateType,
} from './constants/message-types.js';
export { ReactionEmoji } from './constants/reactions.js';
export { BOT_API_VERSION } from './generated/metadata.js';

/** The Bot API version as numbers, like `sys.version_info`: `{ major: 10, minor: 3 }`. */
export interface BotApiVersionInfo {
  readonly major: number;
  readonly minor: number;
}

function versionInfo(version: string): BotApiVersionInfo {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return Object.freeze({ major, minor });
}

/** {@link BOT_API_VERSION} as `{ major, minor }`. */
export const BOT_API_VERSION_INFO: BotApiVersionInfo = versionInfo(BOT_API_VERSION);

/** The Bot API's address; methods are called at `${BASE_URL}<token>/<method>`. */
export const BASE_URL = 'https://api.telegram.org/bot';

/** File downloads are at `${BASE_FILE_URL}<token>/<file_path>`. */
export const BASE_FILE_URL = 'https://api.telegram.org/file/bot';

/** The ports Telegram delivers webhooks to. */
export const SUPPORTED_WEBHOOK_PORTS: readonly [443, 80, 88, 8443] = Object.freeze([
  443, 80, 88, 8443,
] as const);

/** The Unix epoch as a Date: what the API's `date = 0` means (e.g. on inaccessible messages). */
export const ZERO_DATE: Date = new Date(0);
