/**
 * Type-level vocabulary of the filters: what an update looks like once a filter let it through.
 * Everything here is a plain mapped or intersection type (no recursion), so combining many filters
 * stays cheap for the type checker.
 */
import type { MessageUpdateType } from '../../constants/message-types.js';
import type { Chat, Message, Update, User } from '../../generated/types.js';
import type {} from '../../objects/update.js';

/** The fields of Update that hold a message; filters only ever pass updates carrying one of them. */
export type MessageSlot = MessageUpdateType;

/**
 * Message fields `K` made present (non-optional), e.g. `Has<'text'>` for `filters.TEXT`.
 *
 * @example type Photo = Message & Has<'photo' | 'caption'>
 */
export type Has<K extends keyof Message> = { readonly [P in K]-?: NonNullable<Message[P]> };

/**
 * An update a filter let through, whose message satisfies `M`.
 *
 * Every filter only passes updates that carry a message (PTB's rule), so `effectiveMessage` and
 * `effectiveChat` are present. An update carries exactly one kind of message, so each message
 * slot (`message`, `edited_message`, `channel_post`, ...) is narrowed too: it may be absent, but
 * when present it is the filtered message. Hence after `filters.TEXT`, `update.message?.text` is a
 * `string` whenever `update.message` exists, and combined with `filters.UpdateType.MESSAGE`,
 * `update.message.text` is a `string`.
 */
export type FilteredUpdate<M extends object = object> = Update & {
  readonly effectiveMessage: Message & M;
  readonly effectiveChat: M extends { readonly chat: infer C } ? C : Chat;
  readonly effectiveUser: M extends { readonly from: infer F } ? F : User | undefined;
} & { readonly [K in MessageSlot]?: Message & M };

/**
 * What a data filter returns when it passes: lists of values by name (PTB's dict of lists), e.g.
 * `{ matches: [match] }` from `filters.Regex`. Handlers copy each entry onto the callback context.
 */
export interface FilterData {
  matches?: RegExpMatchArray[];
  [key: string]: unknown[] | undefined;
}

/** What `checkUpdate` of a filter answers: pass or not, or the data of a passing data filter. */
export type FilterResult = boolean | FilterData;
