import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BotInfo, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { drain, fails, nextUpdate, ok } from './helpers.js';

type Update = Record<string, unknown>;

describe('forum topics, inline messages and generic methods', () => {
  let emu: Emulator;
  let bot: BotInfo;
  let alice: SimulatedUser;
  before(async () => {
    emu = await Emulator.start();
    bot = await emu.createBot({ username: 'extras_bot' });
    alice = await emu.createUser({ firstName: 'Alice' });
  });
  after(() => emu.stop());

  test('forum topics: create, post in, close and reopen', async () => {
    const forum = await emu.createSupergroup({
      title: 'Forum',
      owner: alice,
      adminBots: [bot],
      isForum: true,
    });
    const topic = await ok(emu, bot.token, 'createForumTopic', { chat_id: forum.id, name: 'Releases' });
    const threadId = topic.message_thread_id as number;
    const post = await ok(emu, bot.token, 'sendMessage', {
      chat_id: forum.id,
      message_thread_id: threadId,
      text: 'v1.0',
    });
    assert.equal(post.message_thread_id, threadId);
    assert.equal(post.is_topic_message, true);
    const unknown = await fails(emu, bot.token, 'sendMessage', {
      chat_id: forum.id,
      message_thread_id: 999,
      text: 'x',
    });
    assert.equal(unknown.body.description, 'Bad Request: message thread not found');
    await drain(emu, bot.token);
    await alice.sendMessage(forum, '/changelog', { messageThreadId: threadId });
    const [update] = await drain(emu, bot.token);
    assert.equal((update?.message as Update | undefined)?.message_thread_id, threadId);
    await ok(emu, bot.token, 'closeForumTopic', { chat_id: forum.id, message_thread_id: threadId });
    const closed = await fails(emu, bot.token, 'sendMessage', {
      chat_id: forum.id,
      message_thread_id: threadId,
      text: 'x',
    });
    assert.equal(closed.body.description, 'Bad Request: TOPIC_CLOSED');
    await ok(emu, bot.token, 'reopenForumTopic', { chat_id: forum.id, message_thread_id: threadId });
    const plain = await emu.createSupergroup({ title: 'Plain', owner: alice, adminBots: [bot] });
    const notForum = await fails(emu, bot.token, 'createForumTopic', { chat_id: plain.id, name: 'x' });
    assert.equal(notForum.body.description, 'Bad Request: the chat is not a forum');
  });

  test('buttons under inline messages send inline_message_id; the bot edits by that id', async () => {
    const asking = alice.inlineQuery(bot, 'vote');
    const query = await nextUpdate(emu, bot.token, 'inline_query');
    await ok(emu, bot.token, 'answerInlineQuery', {
      inline_query_id: query.id,
      results: [
        {
          type: 'article',
          id: 'r',
          title: 'Vote',
          input_message_content: { message_text: 'Vote now' },
          reply_markup: { inline_keyboard: [[{ text: 'Up', callback_data: 'up' }]] },
        },
      ],
    });
    const answer = await asking;
    assert.ok(answer);
    const posted = await alice.chooseInlineResult(answer, 'r');
    const inlineId = (await nextUpdate(emu, bot.token, 'chosen_inline_result')).inline_message_id;
    assert.equal(typeof inlineId, 'string');
    const clicking = alice.clickButton(posted, 'Up');
    const callback = await nextUpdate(emu, bot.token, 'callback_query');
    assert.equal(callback.inline_message_id, inlineId);
    assert.equal(callback.message, undefined);
    await ok(emu, bot.token, 'answerCallbackQuery', { callback_query_id: callback.id, text: 'Counted' });
    assert.equal((await clicking)?.text, 'Counted');
    assert.equal(
      await ok(emu, bot.token, 'editMessageText', { inline_message_id: inlineId, text: 'Votes: 1' }),
      true,
    );
    const transcript = await emu.transcript(alice.chatWith(bot));
    assert.equal(transcript.entries.at(-1)?.message?.text, 'Votes: 1');
  });

  test('methods without specific behaviour post a well-formed message of their kind', async () => {
    await alice.sendMessage(bot, 'game?');
    const game = await ok(emu, bot.token, 'sendGame', { chat_id: alice.id, game_short_name: 'tetris' });
    assert.equal(typeof (game.game as Update).title, 'string');
    assert.equal((game.chat as Update).id, alice.id);
    const missing = await fails(emu, bot.token, 'sendGame', { chat_id: -42, game_short_name: 'tetris' });
    assert.equal(missing.body.description, 'Bad Request: chat not found');
    const link = await ok(emu, bot.token, 'createChatInviteLink', { chat_id: alice.id });
    assert.match(String(link.invite_link), /^https:\/\/t\.me\/\+/);
    const exported = await ok<string>(emu, bot.token, 'exportChatInviteLink', { chat_id: alice.id });
    assert.match(exported, /^https:\/\/t\.me\//);
  });

  test('custom reply keyboards: the user sees and presses them', async () => {
    const carol = await emu.createUser({ firstName: 'Carol' });
    await carol.sendMessage(bot, '/order');
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: carol.id,
      text: 'Size?',
      reply_markup: {
        keyboard: [[{ text: 'Small' }, { text: 'Large' }], [{ text: 'Share phone', request_contact: true }]],
        one_time_keyboard: true,
      },
    });
    const keyboard = await carol.keyboard(bot);
    assert.deepEqual(
      keyboard?.keyboard.flat().map((button) => (typeof button === 'string' ? button : button.text)),
      ['Small', 'Large', 'Share phone'],
    );
    await drain(emu, bot.token);
    await carol.pressKeyboardButton('Large');
    assert.equal((await nextUpdate(emu, bot.token, 'message')).text, 'Large');
    assert.equal(
      (await carol.keyboardState(bot))?.collapsed,
      true,
      'a one-time keyboard collapses after use',
    );
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: carol.id,
      text: 'Phone?',
      reply_markup: { keyboard: [[{ text: 'Share phone', request_contact: true }]] },
    });
    await carol.pressKeyboardButton('Share phone', bot);
    const contact = (await nextUpdate(emu, bot.token, 'message')).contact as Update;
    assert.equal(contact.user_id, carol.id);
    await assert.rejects(carol.pressKeyboardButton('Missing', bot), /no keyboard button/);
    await ok(emu, bot.token, 'sendMessage', {
      chat_id: carol.id,
      text: 'Done',
      reply_markup: { remove_keyboard: true },
    });
    assert.equal(await carol.keyboard(bot), undefined);
  });

  test('chat settings and leaving a chat', async () => {
    const group = await emu.createSupergroup({ title: 'Old title', owner: alice, adminBots: [bot] });
    await ok(emu, bot.token, 'setChatTitle', { chat_id: group.id, title: 'New title' });
    await ok(emu, bot.token, 'setChatDescription', { chat_id: group.id, description: 'About us' });
    const same = await fails(emu, bot.token, 'setChatDescription', {
      chat_id: group.id,
      description: 'About us',
    });
    assert.equal(same.body.description, 'Bad Request: chat description is not modified');
    await ok(emu, bot.token, 'setChatPermissions', {
      chat_id: group.id,
      permissions: { can_send_polls: false },
    });
    const info = await ok(emu, bot.token, 'getChat', { chat_id: group.id });
    assert.equal(info.title, 'New title');
    assert.equal(info.description, 'About us');
    assert.equal((info.permissions as Update).can_send_polls, false);
    await drain(emu, bot.token);
    await ok(emu, bot.token, 'leaveChat', { chat_id: group.id });
    const left = (await drain(emu, bot.token)).find((update) => update.my_chat_member !== undefined);
    assert.equal(
      (left?.my_chat_member as { new_chat_member: Update } | undefined)?.new_chat_member.status,
      'left',
    );
    const gone = await fails(emu, bot.token, 'sendMessage', { chat_id: group.id, text: 'x' });
    assert.equal(gone.status, 403);
    assert.equal(gone.body.description, 'Forbidden: bot is not a member of the supergroup chat');
  });
});
