/**
 * Builders of updates for handler and filter tests: plain JSON through `Update.fromJSON`, with
 * small defaults (a private chat with Alice) that each test overrides.
 */
import type { MessageSlot } from '../../src/ext/filters/types.js';
import { TYPES } from '../../src/generated/metadata.js';
import { Update } from '../../src/index.js';
import { sampleOf } from './samples.js';

export const ALICE = { id: 1, is_bot: false, first_name: 'Alice', username: 'alice', language_code: 'en-US' };
export const BOB = { id: 2, is_bot: false, first_name: 'Bob', username: 'bob' };
export const PRIVATE_CHAT = { id: 1, type: 'private', first_name: 'Alice', username: 'alice' };
export const GROUP = { id: -100, type: 'group', title: 'Group' };
export const SUPERGROUP = { id: -1001, type: 'supergroup', title: 'Super', username: 'supergroup' };
export const CHANNEL = { id: -1002, type: 'channel', title: 'Channel', username: 'channel' };

/** JSON of a message in the private chat with Alice, with `fields` on top. */
export function messageJson(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { message_id: 7, date: 1_700_000_000, chat: PRIVATE_CHAT, from: ALICE, ...fields };
}

/** An update carrying a message with `fields`, in slot `kind` (`message` by default). */
export function messageUpdate(fields: Record<string, unknown> = {}, kind: MessageSlot = 'message'): Update {
  return Update.fromJSON({ update_id: 1, [kind]: messageJson(fields) });
}

/** An update with a text message; a leading `/word` gets its bot_command entity. */
export function textUpdate(
  text: string,
  fields: Record<string, unknown> = {},
  kind: MessageSlot = 'message',
): Update {
  const command = /^\/\S+/.exec(text);
  const entities =
    command === null ? undefined : [{ type: 'bot_command', offset: 0, length: command[0].length }];
  return messageUpdate({ text, ...(entities === undefined ? {} : { entities }), ...fields }, kind);
}

/** An update of any kind from raw JSON fields (`update_id` added). */
export function rawUpdate(fields: Record<string, unknown>): Update {
  return Update.fromJSON({ update_id: 1, ...fields });
}

/** A callback query update whose button sits under an accessible message. */
export function callbackQueryUpdate(): Update {
  return rawUpdate({
    callback_query: { id: 'q', from: ALICE, chat_instance: 'c', data: 'd', message: messageJson() },
  });
}

/** A sample value for a field of Message, built from the generated metadata. */
export function messageFieldSample(name: string): unknown {
  const field = TYPES.Message?.fields.find((f) => f.name === name);
  if (field === undefined) throw new Error(`Message has no field ${name}`);
  const type = field.types[0] as string;
  const element = type.startsWith('Array of ') ? type.slice(9) : type;
  let value: unknown;
  switch (element) {
    case 'Integer':
      value = 42;
      break;
    case 'String':
      value = `${name} value`;
      break;
    case 'Boolean':
    case 'True':
      value = true;
      break;
    default:
      value = sampleOf(element);
  }
  return element === type ? value : [value];
}
