import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BotInfo, SimulatedUser } from '../../src/testing/index.js';
import { Emulator } from '../../src/testing/index.js';
import { jpegImage, pngImage } from '../helpers/images.js';
import { drain, fails, ok } from './helpers.js';

type Message = Record<string, unknown> & { message_id: number };

const PNG = pngImage(3, 2);

describe('messages sent by bots', () => {
  let emu: Emulator;
  let bot: BotInfo;
  let alice: SimulatedUser;
  before(async () => {
    emu = await Emulator.start();
    bot = await emu.createBot({ username: 'sender_bot' });
    alice = await emu.createUser({ firstName: 'Alice' });
    await alice.sendMessage(bot, '/start');
    // The emulator never fetches URLs: these serve what a web server would.
    for (const name of ['thing.bin', '2.mp4', 'd.pdf']) {
      await emu.registerUrl(`https://files.invalid/${name}`, Buffer.from(`contents of ${name}`));
    }
    for (const name of ['1.jpg', 'p.jpg']) {
      await emu.registerUrl(`https://files.invalid/${name}`, jpegImage(640, 480));
    }
  });
  after(() => emu.stop());

  const send = (method: string, params: object): Promise<Message> =>
    ok<Message>(emu, bot.token, method, { chat_id: alice.id, ...params });

  test('sendMessage stores the message and the user sees it', async () => {
    const sent = await send('sendMessage', { text: 'Hello <i>there</i>', parse_mode: 'HTML' });
    assert.equal(sent.text, 'Hello there');
    assert.deepEqual(sent.entities, [{ type: 'italic', offset: 6, length: 5 }]);
    const seen = await alice.expectMessage({ text: 'Hello there' });
    assert.equal(seen.message_id, sent.message_id);
    const mention = await send('sendMessage', {
      text: `<a href="tg://user?id=${alice.id}">Alice</a>`,
      parse_mode: 'HTML',
    });
    const [entity] = mention.entities as { type: string; user: { id: number; first_name: string } }[];
    assert.equal(entity?.type, 'text_mention');
    assert.equal(entity?.user.first_name, 'Alice');
  });

  test('media senders issue file ids that getFile and downloads resolve', async () => {
    const form = new FormData();
    form.set('chat_id', String(alice.id));
    form.set('photo', new Blob([PNG], { type: 'image/png' }), 'pixel.png');
    const response = await fetch(`${emu.baseUrl}${bot.token}/sendPhoto`, { method: 'POST', body: form });
    const photo = ((await response.json()) as { result: { photo: Record<string, unknown>[] } }).result.photo;
    assert.equal(photo[0]?.width, 3);
    assert.equal(photo[0]?.height, 2);
    const fileId = photo[0]?.file_id as string;
    const again = await send('sendPhoto', { photo: fileId, caption: 'same file' });
    const againPhoto = again.photo as Record<string, unknown>[];
    assert.equal(
      againPhoto[0]?.file_unique_id,
      photo[0]?.file_unique_id,
      'a re-sent file keeps its unique id',
    );
    const file = await ok(emu, bot.token, 'getFile', { file_id: fileId });
    const bytes = Buffer.from(
      await (await fetch(`${emu.fileBaseUrl}${bot.token}/${file.file_path}`)).arrayBuffer(),
    );
    assert.deepEqual(bytes, PNG);
    const bad = await fails(emu, bot.token, 'sendPhoto', { chat_id: alice.id, photo: 'not-a-file-id' });
    assert.equal(bad.body.description, 'Bad Request: wrong file identifier/HTTP URL specified');
    const missing = await fails(emu, bot.token, 'getFile', { file_id: 'nope' });
    assert.equal(missing.body.description, 'Bad Request: invalid file_id');
    for (const [method, field] of [
      ['sendAudio', 'audio'],
      ['sendVideo', 'video'],
      ['sendVoice', 'voice'],
      ['sendAnimation', 'animation'],
      ['sendVideoNote', 'video_note'],
      ['sendSticker', 'sticker'],
      ['sendDocument', 'document'],
    ] as const) {
      const sent = await send(method, { [field]: 'https://files.invalid/thing.bin' });
      assert.equal(typeof (sent[field] as { file_id: string }).file_id, 'string', method);
    }
  });

  test('locations, venues, contacts and dice', async () => {
    const location = await send('sendLocation', { latitude: 51.5, longitude: -0.12 });
    assert.deepEqual(location.location, { latitude: 51.5, longitude: -0.12 });
    const venue = await send('sendVenue', { latitude: 1, longitude: 2, title: 'Cafe', address: 'Main St' });
    assert.equal((venue.venue as { title: string }).title, 'Cafe');
    const contact = await send('sendContact', { phone_number: '+100', first_name: 'Bob' });
    assert.deepEqual(contact.contact, { phone_number: '+100', first_name: 'Bob' });
    const dice = await send('sendDice', { emoji: '🎯' });
    const value = (dice.dice as { value: number }).value;
    assert.ok(value >= 1 && value <= 6);
  });

  test('live locations move until stopped', async () => {
    const live = await send('sendLocation', { latitude: 1, longitude: 2, live_period: 600 });
    const moved = await ok(emu, bot.token, 'editMessageLiveLocation', {
      chat_id: alice.id,
      message_id: live.message_id,
      latitude: 1.5,
      longitude: 2.5,
    });
    assert.deepEqual(moved.location, { latitude: 1.5, longitude: 2.5, live_period: 600 });
    await ok(emu, bot.token, 'stopMessageLiveLocation', { chat_id: alice.id, message_id: live.message_id });
    const after = await fails(emu, bot.token, 'editMessageLiveLocation', {
      chat_id: alice.id,
      message_id: live.message_id,
      latitude: 3,
      longitude: 4,
    });
    assert.equal(after.body.description, "Bad Request: message can't be edited");
  });

  test('sendMediaGroup sends an album sharing one media_group_id', async () => {
    const album = await ok<Message[]>(emu, bot.token, 'sendMediaGroup', {
      chat_id: alice.id,
      media: [
        { type: 'photo', media: 'https://files.invalid/1.jpg', caption: 'first' },
        { type: 'video', media: 'https://files.invalid/2.mp4' },
      ],
    });
    assert.equal(album.length, 2);
    assert.equal(album[0]?.media_group_id, album[1]?.media_group_id);
    assert.equal(album[0]?.caption, 'first');
    const single = await fails(emu, bot.token, 'sendMediaGroup', {
      chat_id: alice.id,
      media: [{ type: 'photo', media: 'https://files.invalid/1.jpg' }],
    });
    assert.equal(single.status, 400);
  });

  test('replies, forwards and copies', async () => {
    const original = await alice.sendMessage(bot, 'forward me');
    const reply = await send('sendMessage', {
      text: 'replying',
      reply_parameters: { message_id: original.message_id },
    });
    assert.equal((reply.reply_to_message as Message).message_id, original.message_id);
    const missing = await fails(emu, bot.token, 'sendMessage', {
      chat_id: alice.id,
      text: 'x',
      reply_parameters: { message_id: 99999 },
    });
    assert.equal(missing.body.description, 'Bad Request: message to be replied not found');
    const bob = await emu.createUser({ firstName: 'Bob' });
    await bob.sendMessage(bot, 'hi');
    const forwarded = await ok<Message>(emu, bot.token, 'forwardMessage', {
      chat_id: bob.id,
      from_chat_id: alice.id,
      message_id: original.message_id,
    });
    assert.equal(forwarded.text, 'forward me');
    assert.deepEqual((forwarded.forward_origin as { sender_user: { id: number } }).sender_user.id, alice.id);
    const copied = await ok<{ message_id: number }>(emu, bot.token, 'copyMessage', {
      chat_id: bob.id,
      from_chat_id: alice.id,
      message_id: original.message_id,
    });
    const transcript = await emu.transcript(bob.chatWith(bot));
    const copy = transcript.messages.find((entry) => entry.message_id === copied.message_id);
    assert.equal(copy?.message?.text, 'forward me');
    assert.equal(copy?.message?.forward_origin, undefined, 'copies carry no forward origin');
    const many = await ok<{ message_id: number }[]>(emu, bot.token, 'forwardMessages', {
      chat_id: bob.id,
      from_chat_id: alice.id,
      message_ids: [original.message_id, reply.message_id],
    });
    assert.equal(many.length, 2);
  });

  test('edits: text, caption, reply markup, media; and not-modified errors', async () => {
    const sent = await send('sendMessage', { text: 'v1' });
    const edited = await ok<Message>(emu, bot.token, 'editMessageText', {
      chat_id: alice.id,
      message_id: sent.message_id,
      text: 'v2',
      reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] },
    });
    assert.equal(edited.text, 'v2');
    assert.equal(typeof edited.edit_date, 'number');
    const seen = await alice.expectEdit({ chat: bot, text: 'v2' });
    assert.equal(seen.message_id, sent.message_id);
    const same = await fails(emu, bot.token, 'editMessageText', {
      chat_id: alice.id,
      message_id: sent.message_id,
      text: 'v2',
      reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] },
    });
    assert.match(same.body.description ?? '', /^Bad Request: message is not modified/);
    const bare = await ok<Message>(emu, bot.token, 'editMessageReplyMarkup', {
      chat_id: alice.id,
      message_id: sent.message_id,
    });
    assert.equal(bare.reply_markup, undefined);
    const photo = await send('sendPhoto', { photo: 'https://files.invalid/p.jpg', caption: 'c1' });
    const caption = await ok<Message>(emu, bot.token, 'editMessageCaption', {
      chat_id: alice.id,
      message_id: photo.message_id,
      caption: 'c2',
    });
    assert.equal(caption.caption, 'c2');
    const media = await ok<Message>(emu, bot.token, 'editMessageMedia', {
      chat_id: alice.id,
      message_id: photo.message_id,
      media: { type: 'document', media: 'https://files.invalid/d.pdf' },
    });
    assert.equal(media.photo, undefined);
    assert.equal(typeof (media.document as { file_id: string }).file_id, 'string');
    const gone = await fails(emu, bot.token, 'editMessageText', {
      chat_id: alice.id,
      message_id: 99999,
      text: 'x',
    });
    assert.equal(gone.body.description, 'Bad Request: message to edit not found');
    const userMessage = await alice.sendMessage(bot, 'mine');
    const foreign = await fails(emu, bot.token, 'editMessageText', {
      chat_id: alice.id,
      message_id: userMessage.message_id,
      text: 'hijack',
    });
    assert.equal(foreign.body.description, "Bad Request: message can't be edited");
  });

  test('deleting messages', async () => {
    const one = await send('sendMessage', { text: 'one' });
    const two = await send('sendMessage', { text: 'two' });
    await ok(emu, bot.token, 'deleteMessage', { chat_id: alice.id, message_id: one.message_id });
    const again = await fails(emu, bot.token, 'deleteMessage', {
      chat_id: alice.id,
      message_id: one.message_id,
    });
    assert.equal(again.body.description, 'Bad Request: message to delete not found');
    await ok(emu, bot.token, 'deleteMessages', { chat_id: alice.id, message_ids: [two.message_id, 424242] });
    const transcript = await emu.transcript(alice.chatWith(bot));
    const deletions = transcript.entries
      .filter((entry) => entry.kind === 'delete')
      .map((entry) => entry.message_id);
    assert.deepEqual(deletions.slice(-2), [one.message_id, two.message_id]);
  });

  test('pins and chat actions', async () => {
    const sent = await send('sendMessage', { text: 'pin me' });
    await ok(emu, bot.token, 'pinChatMessage', { chat_id: alice.id, message_id: sent.message_id });
    const chat = await ok(emu, bot.token, 'getChat', { chat_id: alice.id });
    assert.equal((chat.pinned_message as Message).message_id, sent.message_id);
    await ok(emu, bot.token, 'unpinChatMessage', { chat_id: alice.id });
    const none = await fails(emu, bot.token, 'unpinChatMessage', { chat_id: alice.id });
    assert.equal(none.body.description, 'Bad Request: message to unpin not found');
    await ok(emu, bot.token, 'sendChatAction', { chat_id: alice.id, action: 'typing' });
    const wrong = await fails(emu, bot.token, 'sendChatAction', { chat_id: alice.id, action: 'dancing' });
    assert.equal(wrong.body.description, 'Bad Request: wrong type of action specified');
    const transcript = await emu.transcript(alice.chatWith(bot));
    assert.equal(transcript.entries.at(-1)?.kind, 'chat_action');
    assert.match(String(transcript), /\(chat action\): typing/);
  });

  test('a user blocking the bot makes sends fail with 403 and tells the bot', async () => {
    const carol = await emu.createUser({ firstName: 'Carol' });
    await carol.sendMessage(bot, 'hello');
    await drain(emu, bot.token);
    await carol.block(bot);
    const blocked = await fails(emu, bot.token, 'sendMessage', { chat_id: carol.id, text: 'still there?' });
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.description, 'Forbidden: bot was blocked by the user');
    const [update] = await drain(emu, bot.token);
    const change = update?.my_chat_member as { new_chat_member: { status: string } } | undefined;
    assert.equal(change?.new_chat_member.status, 'kicked');
    await carol.sendMessage(bot, '/start');
    await ok(emu, bot.token, 'sendMessage', { chat_id: carol.id, text: 'welcome back' });
  });

  test('bot commands per scope and language', async () => {
    const commands = [{ command: 'start', description: 'Start' }];
    await ok(emu, bot.token, 'setMyCommands', { commands });
    await ok(emu, bot.token, 'setMyCommands', {
      commands: [{ command: 'hilfe', description: 'Hilfe' }],
      language_code: 'de',
    });
    assert.deepEqual(await ok(emu, bot.token, 'getMyCommands'), commands);
    assert.deepEqual(await ok(emu, bot.token, 'getMyCommands', { language_code: 'de' }), [
      { command: 'hilfe', description: 'Hilfe' },
    ]);
    const invalid = await fails(emu, bot.token, 'setMyCommands', {
      commands: [{ command: 'Bad Name', description: 'x' }],
    });
    assert.equal(invalid.body.description, 'Bad Request: BOT_COMMAND_INVALID');
    await ok(emu, bot.token, 'deleteMyCommands');
    assert.deepEqual(await ok(emu, bot.token, 'getMyCommands'), []);
  });
});
