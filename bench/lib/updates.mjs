// Synthetic but realistic updates, as plain JSON objects (what JSON.parse of a getUpdates answer gives).
// Every implementation receives exactly the same objects.

const BOT_ID = 7_000_000_001;
export const BOT_TOKEN = `${BOT_ID}:AAbenchmarkTokenThatIsNotRealAtAll_x`;
export const BOT_USER = {
  id: BOT_ID,
  is_bot: true,
  first_name: 'Bench',
  username: 'bench_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};

const DATE = 1_764_000_000;

function user(i) {
  return { id: 1000 + (i % 97), is_bot: false, first_name: `User${i % 97}`, language_code: 'en' };
}

function privateChat(i) {
  return { id: 1000 + (i % 97), type: 'private', first_name: `User${i % 97}` };
}

function groupChat(i) {
  return { id: -1_001_000_000_000 - (i % 13), type: 'supergroup', title: `Group ${i % 13}` };
}

function textMessage(i, text) {
  const message = { message_id: i, from: user(i), chat: privateChat(i), date: DATE + i, text };
  if (text.startsWith('/')) {
    const end = text.indexOf(' ');
    message.entities = [{ type: 'bot_command', offset: 0, length: end === -1 ? text.length : end }];
  }
  return message;
}

const TEXTS = [
  'hello there',
  'how are you doing today?',
  'Check https://example.org and tell me',
  'a somewhat longer message that people type when they explain something to a bot, with punctuation.',
  '👍 emoji text',
];

/** The kinds of the realistic mix, in the order they repeat. */
export const MIX_KINDS = [
  'text',
  'start',
  'text',
  'photo',
  'callback',
  'text',
  'help',
  'edited',
  'chat_member',
  'inline',
];

/** One update of the realistic mix: update i has kind MIX_KINDS[i % MIX_KINDS.length]. */
export function mixUpdate(i) {
  const id = 100_000 + i;
  const kind = MIX_KINDS[i % MIX_KINDS.length];
  switch (kind) {
    case 'text':
      return { update_id: id, message: textMessage(i, TEXTS[i % TEXTS.length]) };
    case 'start':
      return { update_id: id, message: textMessage(i, '/start') };
    case 'help':
      return { update_id: id, message: textMessage(i, '/help topic') };
    case 'photo':
      return {
        update_id: id,
        message: {
          message_id: i,
          from: user(i),
          chat: groupChat(i),
          date: DATE + i,
          caption: 'look at this',
          photo: [90, 320, 800].map((side, k) => ({
            file_id: `AgACAgIAAxkBAAI${i}_${k}`,
            file_unique_id: `AQAD${i}${k}`,
            width: side,
            height: Math.round(side * 0.75),
            file_size: side * 40,
          })),
        },
      };
    case 'callback':
      return {
        update_id: id,
        callback_query: {
          id: `cq${i}`,
          from: user(i),
          chat_instance: `-${i}77`,
          data: `item:${i % 50}`,
          message: {
            message_id: i - 1,
            from: BOT_USER,
            chat: privateChat(i),
            date: DATE + i - 5,
            text: 'Pick one',
            reply_markup: {
              inline_keyboard: [
                [
                  { text: 'One', callback_data: 'item:1' },
                  { text: 'Two', callback_data: 'item:2' },
                ],
              ],
            },
          },
        },
      };
    case 'edited':
      return {
        update_id: id,
        edited_message: { ...textMessage(i, 'edited: typo fixed'), edit_date: DATE + i + 30 },
      };
    case 'chat_member':
      return {
        update_id: id,
        chat_member: {
          chat: groupChat(i),
          from: user(i + 1),
          date: DATE + i,
          old_chat_member: { status: 'left', user: user(i) },
          new_chat_member: { status: 'member', user: user(i) },
        },
      };
    default:
      return {
        update_id: id,
        inline_query: { id: `iq${i}`, from: user(i), query: 'cats', offset: '', chat_type: 'sender' },
      };
  }
}

/** `count` distinct updates of the realistic mix. */
export function mixUpdates(count) {
  const updates = [];
  for (let i = 0; i < count; i++) updates.push(mixUpdate(i));
  return updates;
}

/**
 * Updates for the echo scenarios: private text messages only (one in ten `/start`, one in ten
 * `/help`), so every handler set answers each with exactly one sendMessage.
 */
export function echoUpdates(count) {
  const updates = [];
  for (let i = 0; i < count; i++) {
    const text = i % 10 === 1 ? '/start' : i % 10 === 6 ? '/help' : TEXTS[i % TEXTS.length];
    updates.push({ update_id: 1 + i, message: textMessage(i + 1, text) });
  }
  return updates;
}

/** What the handlers are expected to call for one pass over mixUpdates: sendMessage and answerCallbackQuery. */
export function expectedMixCalls(count) {
  const calls = { sendMessage: 0, answerCallbackQuery: 0 };
  for (let i = 0; i < count; i++) {
    const kind = MIX_KINDS[i % MIX_KINDS.length];
    if (kind === 'text' || kind === 'start' || kind === 'help') calls.sendMessage++;
    else if (kind === 'callback') calls.answerCallbackQuery++;
  }
  return calls;
}

/** A canned message, as the Bot API answers sendMessage. */
export function sentMessage(chatId) {
  return {
    message_id: 1,
    from: BOT_USER,
    chat: { id: chatId, type: 'private', first_name: 'User' },
    date: DATE,
    text: 'echo',
  };
}
