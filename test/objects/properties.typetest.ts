/**
 * Type-level tests of the derived properties, constants and class aliases (only type-checked):
 * literal types survive, presets are static methods, and accessibility narrows.
 */
import {
  type ChatType,
  type MessageType,
  ParseMode,
  type ReactionEmoji,
  type UpdateType,
} from '../../src/constants.js';
import { effectiveMessageType } from '../../src/helpers-message.js';
import {
  Birthdate,
  BusinessOpeningHours,
  type Chat,
  ChatAdministratorRights,
  type ChatMember,
  type ChatMemberUpdated,
  ChatPermissions,
  type Dice,
  type MaybeInaccessibleMessage,
  type Message,
  type MessageEntity,
  type PhotoSize,
  type UPDATE_TYPES,
  type Update,
  type User,
} from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

export function literals(): void {
  expectType<Equal<typeof ParseMode.MARKDOWN_V2, 'MarkdownV2'>>(true);
  expectType<Equal<ParseMode, 'Markdown' | 'MarkdownV2' | 'HTML'>>(true);
  expectType<Equal<typeof UpdateType.CALLBACK_QUERY, 'callback_query'>>(true);
  expectType<Equal<typeof ChatType.PRIVATE, 'private'>>(true);
  expectType<Equal<typeof MessageType.TEXT, 'text'>>(true);
  expectType<Equal<typeof ReactionEmoji.THUMBS_UP, '👍'>>(true);
  // @ts-expect-error constants are read-only
  ParseMode.HTML = 'x';
}

export function classAliases(): void {
  expectType<Equal<typeof Chat.PRIVATE, 'private'>>(true);
  expectType<Equal<typeof MessageEntity.BOLD, 'bold'>>(true);
  expectType<Equal<typeof ChatMember.ADMINISTRATOR, 'administrator'>>(true);
  expectType<Equal<typeof Dice.MAX_VALUE_DARTS, 6>>(true);
  expectType<Equal<typeof Update.ALL_TYPES, typeof UPDATE_TYPES>>(true);
  const all: ChatPermissions = ChatPermissions.allPermissions();
  const none: ChatAdministratorRights = ChatAdministratorRights.noRights();
  void all;
  void none;
}

export function derived(
  message: Message,
  maybe: MaybeInaccessibleMessage,
  update: ChatMemberUpdated,
  hours: BusinessOpeningHours,
  birthdate: Birthdate,
): void {
  const link: string | undefined = message.link;
  const html: string | undefined = message.captionHtmlUrled;
  const id: number = message.chatId;
  void [link, html, id];
  const attachment = message.effectiveAttachment;
  if (Array.isArray(attachment)) {
    const sizes: readonly PhotoSize[] = attachment;
    void sizes;
  }
  if (maybe.isAccessible) {
    expectType<Equal<typeof maybe, Message>>(true);
  }
  const diff = update.difference();
  const status: readonly [string | undefined, string | undefined] | undefined = diff.status;
  const user: readonly [User | undefined, User | undefined] | undefined = diff.user;
  void [status, user];
  // @ts-expect-error not a ChatMember field
  void diff.no_such_field;
  const open: boolean = hours.isOpen(new Date());
  const day: Date = birthdate.toDate(2030);
  void [open, day];
  const kind: MessageType | undefined = effectiveMessageType(message);
  void kind;
  void BusinessOpeningHours;
  void Birthdate;
}
