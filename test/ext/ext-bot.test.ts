import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Defaults } from '../../src/ext/defaults.js';
import { ExtBot } from '../../src/ext/ext-bot.js';
import { METHODS } from '../../src/generated/metadata.js';
import { FAKE_TOKEN, FakeApiServer } from '../helpers/fake-api-server.js';
import { TOKEN } from './helpers.js';

const defaults = new Defaults({
  parseMode: 'HTML',
  disableNotification: true,
  protectContent: false,
  linkPreviewOptions: { is_disabled: true },
  allowSendingWithoutReply: true,
});
const bot = new ExtBot(TOKEN, { defaults });

function fill(method: string, params: Record<string, unknown>): Record<string, unknown> {
  const meta = METHODS[method];
  assert.ok(meta);
  return bot.insertDefaults(meta, params);
}

describe('Defaults', () => {
  it('has PTB defaults and validates the time zone', () => {
    const d = new Defaults();
    assert.equal(d.tzinfo, 'UTC');
    assert.equal(d.block, true);
    assert.equal(d.parseMode, undefined);
    assert.ok(new Defaults({ tzinfo: 'Europe/Berlin' }).equals(new Defaults({ tzinfo: 'Europe/Berlin' })));
    assert.ok(!new Defaults({ parseMode: 'HTML' }).equals(new Defaults()));
    assert.throws(() => new Defaults({ tzinfo: 'Mars/Olympus' }), /time zone/);
    assert.ok(Object.isFrozen(d));
  });
});

describe('ExtBot applies Defaults', () => {
  it('fills top-level parameters the method has, keeping what the caller passed', () => {
    const out = fill('sendMessage', {
      chat_id: 1,
      text: 'x',
      parse_mode: 'MarkdownV2',
      protect_content: undefined,
    });
    assert.deepEqual(out, {
      chat_id: 1,
      text: 'x',
      parse_mode: 'MarkdownV2',
      protect_content: false,
      disable_notification: true,
      link_preview_options: { is_disabled: true },
    });
    const photo = fill('sendPhoto', { chat_id: 1, photo: 'id', disable_notification: false });
    assert.equal(photo.parse_mode, 'HTML');
    assert.equal(photo.disable_notification, false);
    assert.equal('link_preview_options' in photo, false, 'sendPhoto has no link_preview_options');
  });

  it('leaves methods without such parameters untouched (the same object)', () => {
    const params = { chat_id: 1 };
    assert.equal(fill('getChat', params), params);
    assert.equal(new ExtBot(TOKEN).insertDefaults(METHODS.sendMessage!, params), params);
  });

  it('puts allow_sending_without_reply into reply_parameters', () => {
    const out = fill('sendMessage', { chat_id: 1, text: 'x', reply_parameters: { message_id: 5 } });
    assert.deepEqual(out.reply_parameters, { message_id: 5, allow_sending_without_reply: true });
    const kept = fill('sendMessage', {
      chat_id: 1,
      text: 'x',
      reply_parameters: { message_id: 5, allow_sending_without_reply: false },
    });
    assert.deepEqual(kept.reply_parameters, { message_id: 5, allow_sending_without_reply: false });
  });

  it('fills parse_mode inside input media, not inside paid media', () => {
    const group = fill('sendMediaGroup', {
      chat_id: 1,
      media: [
        { type: 'photo', media: 'a', caption: '<b>x</b>' },
        { type: 'photo', media: 'b', parse_mode: 'MarkdownV2' },
      ],
    });
    const media = group.media as Array<Record<string, unknown>>;
    assert.equal(media[0]?.parse_mode, 'HTML');
    assert.equal(media[1]?.parse_mode, 'MarkdownV2');
    const paid = fill('sendPaidMedia', { chat_id: 1, star_count: 1, media: [{ type: 'photo', media: 'a' }] });
    assert.equal((paid.media as Array<Record<string, unknown>>)[0]?.parse_mode, undefined);
    assert.equal(paid.parse_mode, 'HTML');
    const edit = fill('editMessageMedia', { media: { type: 'video', media: 'v' } });
    assert.equal((edit.media as Record<string, unknown>).parse_mode, 'HTML');
  });

  it('fills inline results and their input message contents as PTB does', () => {
    const out = fill('answerInlineQuery', {
      inline_query_id: 'q',
      results: [
        { type: 'photo', id: '1', photo_url: 'u', thumbnail_url: 't' },
        { type: 'article', id: '2', title: 'T', input_message_content: { message_text: 'hi' } },
        {
          type: 'article',
          id: '3',
          title: 'L',
          input_message_content: { latitude: 1, longitude: 2 },
        },
      ],
    });
    const results = out.results as Array<Record<string, unknown>>;
    assert.equal(results[0]?.parse_mode, 'HTML');
    assert.deepEqual(results[1]?.input_message_content, {
      message_text: 'hi',
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
    });
    assert.deepEqual(results[2]?.input_message_content, { latitude: 1, longitude: 2 });
  });

  it('fills every parse mode of a poll', () => {
    const out = fill('sendPoll', { chat_id: 1, question: 'q', options: [{ text: 'a' }, { text: 'b' }] });
    assert.equal(out.question_parse_mode, 'HTML');
    assert.equal(out.explanation_parse_mode, 'HTML');
    assert.deepEqual(out.options, [
      { text: 'a', text_parse_mode: 'HTML' },
      { text: 'b', text_parse_mode: 'HTML' },
    ]);
  });

  it('sends the defaults over HTTP, through generated methods and callApi', async () => {
    const bodies: Array<Record<string, unknown>> = [];
    const server = await FakeApiServer.start((exchange) => {
      bodies.push(JSON.parse(String(exchange.recorded.body)) as Record<string, unknown>);
      exchange.json(200, {
        ok: true,
        result: { message_id: 1, date: 1, chat: { id: 1, type: 'private', first_name: 'A' }, text: 'x' },
      });
    });
    try {
      const http = new ExtBot(FAKE_TOKEN, { baseUrl: `${server.origin}/bot`, defaults });
      await http.sendMessage(1, 'x');
      await http.callApi('sendMessage', { chat_id: 1, text: 'y', parse_mode: 'MarkdownV2' });
      await http.shutdown();
    } finally {
      await server.close();
    }
    assert.equal(bodies[0]?.parse_mode, 'HTML');
    assert.equal(bodies[0]?.disable_notification, true);
    assert.equal(bodies[1]?.parse_mode, 'MarkdownV2');
    assert.equal(bodies[1]?.protect_content, false);
  });
});
