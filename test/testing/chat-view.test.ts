import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chatEntryLines, messageWithButton, replyKeyboardLines } from '../../src/testing/chat-view.js';
import type { MessageJSON, TranscriptEntryJSON } from '../../src/testing/index.js';
import { Transcript } from '../../src/testing/index.js';

let seq = 0;
function entry(
  fields: Partial<TranscriptEntryJSON> & Pick<TranscriptEntryJSON, 'summary'>,
): TranscriptEntryJSON {
  seq += 1;
  return {
    seq,
    kind: 'message',
    from_id: 7,
    from_bot: true,
    from_name: '@demo_bot',
    message_id: seq,
    message: null,
    ...fields,
  };
}

function message(id: number, text: string, buttons?: string[][]): MessageJSON {
  return {
    message_id: id,
    date: 0,
    chat: { id: 1, type: 'private' },
    text,
    ...(buttons === undefined
      ? {}
      : {
          reply_markup: {
            inline_keyboard: buttons.map((row) => row.map((t) => ({ text: t, callback_data: t }))),
          },
        }),
  };
}

test('chat view: senders, multi-line texts and inline keyboards indented under their message', () => {
  const menu = entry({
    summary: 'Pick one\nor two',
    message: message(2, 'Pick one\nor two', [['A', 'B'], ['C']]),
  });
  assert.deepEqual(chatEntryLines(entry({ from_bot: false, from_name: 'Alice', summary: '/start' })), [
    'Alice: /start',
  ]);
  assert.deepEqual(chatEntryLines(menu), [
    '@demo_bot: Pick one',
    '           or two',
    '           [A] [B]',
    '           [C]',
  ]);
  assert.deepEqual(chatEntryLines(entry({ kind: 'edit', summary: 'Done', message: message(2, 'Done') })), [
    '@demo_bot (edited): Done',
  ]);
  assert.deepEqual(
    chatEntryLines(entry({ summary: 'a\n\nb' })),
    ['@demo_bot: a', '', '           b'],
    'no trailing spaces',
  );
});

test('chat view: notifications and alerts show, silent answers and chat actions do not', () => {
  assert.deepEqual(chatEntryLines(entry({ kind: 'callback_answer', summary: 'notification: Saved' })), [
    '@demo_bot (notification): Saved',
  ]);
  assert.deepEqual(chatEntryLines(entry({ kind: 'callback_answer', summary: 'alert: Sure? Yes: really' })), [
    '@demo_bot (alert): Sure? Yes: really',
  ]);
  assert.deepEqual(chatEntryLines(entry({ kind: 'callback_answer', summary: 'notification: ' })), []);
  assert.deepEqual(chatEntryLines(entry({ kind: 'chat_action', summary: 'typing' })), []);
  assert.deepEqual(chatEntryLines(entry({ kind: 'delete', summary: 'deleted message 3' })), [
    '@demo_bot deleted a message',
  ]);
});

test('chat view: reply keyboards, collapsed ones, and their removal', () => {
  const keyboard = { keyboard: [['Boy', { text: 'Girl' }], ['Other']] };
  assert.deepEqual(replyKeyboardLines({ keyboard, collapsed: false }), [
    'keyboard: [Boy] [Girl]',
    '          [Other]',
  ]);
  assert.deepEqual(
    replyKeyboardLines({ keyboard, collapsed: true })[0],
    'keyboard (collapsed): [Boy] [Girl]',
  );
  assert.deepEqual(replyKeyboardLines(undefined), ['keyboard removed']);
});

test('messageWithButton: the latest message showing the button as last edited', () => {
  const entries = [
    entry({ summary: 'one', message: message(1, 'one', [['Go']]) }),
    entry({ summary: 'two', message: message(2, 'two', [['Go', 'Stop']]) }),
    entry({ kind: 'edit', summary: 'two', message: message(2, 'two', [['Stop']]) }),
    entry({ from_bot: false, from_name: 'Alice', summary: 'Go', message: message(3, 'Go', [['Go']]) }),
  ];
  assert.equal(
    messageWithButton(entries, 'Go')?.message_id,
    1,
    'message 2 no longer shows Go; users are not bots',
  );
  assert.equal(messageWithButton(entries, 'Stop')?.message_id, 2);
  assert.equal(messageWithButton(entries, 'Nope'), undefined);
});

test('Transcript#toChat draws the whole chat', () => {
  const transcript = new Transcript([
    entry({ from_bot: false, from_name: 'Alice', summary: 'hi' }),
    entry({ summary: 'Choose', message: message(9, 'Choose', [['X']]) }),
    entry({ kind: 'chat_action', summary: 'typing' }),
  ]);
  assert.equal(transcript.toChat(), 'Alice: hi\n@demo_bot: Choose\n           [X]');
});

test('chat view: polls show their question and options, inline results their bot', () => {
  const poll: MessageJSON = {
    message_id: 4,
    date: 0,
    chat: { id: 1, type: 'private' },
    poll: { question: 'Tea?', options: [{ text: 'Yes' }, { text: 'No' }] },
  };
  assert.deepEqual(chatEntryLines(entry({ summary: '[poll]', message: poll })), [
    '@demo_bot: [poll] Tea? (Yes) (No)',
  ]);
  const viaBot = {
    ...message(5, 'HI'),
    via_bot: { id: 7, is_bot: true, first_name: 'Demo', username: 'demo_bot' },
  };
  assert.deepEqual(
    chatEntryLines(entry({ from_bot: false, from_name: 'Alice', summary: 'HI', message: viaBot })),
    ['Alice (via @demo_bot): HI'],
  );
});
