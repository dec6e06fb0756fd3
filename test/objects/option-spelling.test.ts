/**
 * One spelling per option: the reply shortcuts spell the reply option `allowSendingWithoutReply`
 * (next to `doQuote`), the Bot methods `allow_sending_without_reply`; InlineQuery.answer spells
 * its page offset `currentOffset`, Bot.answerInlineQuery `current_offset`. The other spelling
 * fails before any request, with an error naming the right one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  InlineQuery,
  type InlineQueryResultInit,
  InvalidArgumentError,
  Message,
  type SendMessageOptions,
} from '../../src/index.js';
import '../../src/objects/shortcuts.js';
import { Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await Harness.start();
});
after(async () => {
  await h.close();
});

const group = { id: -100123, type: 'supergroup', title: 'G' };

function message(): Message {
  return Message.fromJSON({ message_id: 42, date: 1_700_000_000, chat: group, text: 'hi' }, h.bot);
}

/** Options as a caller without the compiler's help (JavaScript, or data from elsewhere) passes them. */
function loose(options: Record<string, unknown>): never {
  return options as never;
}

/** Asserts `call` rejects with an InvalidArgumentError about `parameter` whose message says `advice`, and sends nothing. */
async function rejectsNaming(call: () => Promise<unknown>, parameter: string, advice: string): Promise<void> {
  const before = h.calls.length;
  await assert.rejects(call, (error: unknown) => {
    assert.ok(error instanceof InvalidArgumentError);
    assert.equal(error.parameter, parameter);
    assert.ok(error.message.includes(advice), error.message);
    return true;
  });
  assert.equal(h.calls.length, before);
}

describe('reply shortcuts take allowSendingWithoutReply only', () => {
  test('allow_sending_without_reply is rejected, naming the shortcut spelling', async () => {
    await rejectsNaming(
      () => message().replyText('x', loose({ allow_sending_without_reply: true })),
      'allow_sending_without_reply',
      'write allowSendingWithoutReply: true',
    );
    await rejectsNaming(
      () => message().replyPhoto('file-id', loose({ allow_sending_without_reply: false })),
      'allow_sending_without_reply',
      'write allowSendingWithoutReply: false',
    );
  });

  test('both spellings in one call are rejected the same way, not as a reply_parameters conflict', async () => {
    await rejectsNaming(
      () =>
        message().replyText(
          'x',
          loose({ allowSendingWithoutReply: true, allow_sending_without_reply: true, doQuote: true }),
        ),
      'allow_sending_without_reply',
      'allowSendingWithoutReply',
    );
  });

  test('the shortcut spelling still works', async () => {
    await message().replyText('x', { doQuote: true, allowSendingWithoutReply: true });
    assert.deepEqual(h.last().params.reply_parameters, { message_id: 42, allow_sending_without_reply: true });
  });
});

describe('Bot methods take allow_sending_without_reply only', () => {
  test('allowSendingWithoutReply is rejected, naming the API spelling', async () => {
    const options: SendMessageOptions = loose({ reply_to_message_id: 5, allowSendingWithoutReply: true });
    await rejectsNaming(
      () => h.bot.sendMessage(1, 'x', options),
      'allowSendingWithoutReply',
      'write allow_sending_without_reply: true',
    );
  });

  test('the API spelling still works', async () => {
    await h.bot.sendMessage(1, 'x', { reply_to_message_id: 5, allow_sending_without_reply: true });
    assert.deepEqual(h.last().params.reply_parameters, { message_id: 5, allow_sending_without_reply: true });
  });
});

describe('the inline page offset: currentOffset on the shortcut, current_offset on the Bot', () => {
  const results: InlineQueryResultInit[] = [
    { type: 'article', id: '1', title: 't', input_message_content: { message_text: 'm' } },
  ];
  const query = () =>
    InlineQuery.fromJSON(
      { id: 'iq', from: { id: 7, is_bot: false, first_name: 'A' }, query: '', offset: '' },
      h.bot,
    );

  test('InlineQuery.answer rejects current_offset, naming currentOffset', async () => {
    await rejectsNaming(
      () => query().answer(results, loose({ current_offset: '' })),
      'current_offset',
      'write currentOffset: ""',
    );
  });

  test('Bot.answerInlineQuery rejects currentOffset, naming current_offset', async () => {
    await rejectsNaming(
      () => h.bot.answerInlineQuery('iq', results, loose({ currentOffset: '' })),
      'currentOffset',
      'write current_offset: ""',
    );
  });
});
