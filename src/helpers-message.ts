/**
 * PTB's `effective_message_type`: what kind of message a message (or an update's effective message)
 * is, as one of the `MessageType` values.
 */
import { MESSAGE_TYPES, type MessageType } from './constants/message-types.js';
import { Message, Update } from './generated/types.js';
import './objects/index.js';

/** Whether a message field counts as present: set, and not empty, zero, false or an empty list. */
function present(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

/**
 * The first `MessageType` whose field the message has (PTB's order: `'animation'`, `'audio'`,
 * ... `'text'` ...), for a Message or for an Update's effective message; `undefined` when the
 * update has no message or the message none of those fields. Throws a TypeError for anything else.
 *
 * @example effectiveMessageType(update) // 'photo'
 */
export function effectiveMessageType(entity: Message | Update): MessageType | undefined {
  let message: Message | undefined;
  if (entity instanceof Message) message = entity;
  else if (entity instanceof Update) message = entity.effectiveMessage;
  else throw new TypeError(`effectiveMessageType takes a Message or an Update, not ${describe(entity)}`);
  if (message === undefined) return undefined;
  for (const type of MESSAGE_TYPES) {
    if (present(message[type])) return type;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'an object';
  return typeof value;
}
