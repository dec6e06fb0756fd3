import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApplication } from '../../examples/deeplinking.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

/** The payload a `t.me/<bot>?start=<payload>` link would send, as the command Telegram sends for it. */
function startCommandOf(url: string | undefined, username: string): string {
  assert.ok(url !== undefined, 'a link');
  const parsed = new URL(url);
  assert.equal(parsed.origin + parsed.pathname, `https://t.me/${username}`);
  const payload = parsed.searchParams.get('start');
  assert.ok(payload !== null, `${url} is a private-chat start link`);
  return `/start ${payload}`;
}

test('deeplinking: the tour from /start through every kind of deep link', async () => {
  const info = await emu.createBot({ username: 'seed_deeplink_bot' });
  const alice = await emu.createUser({ firstName: 'Alice', username: 'alice' });
  const bob = await emu.createUser({ firstName: 'Bob', username: 'bob' });
  const app = buildApplication(info.token, emu.baseUrl);
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    // Plain /start: a link that adds the bot to a group.
    await alice.sendCommand(info, '/start');
    const groupLink = 'https://t.me/seed_deeplink_bot?startgroup=check-this-out';
    const intro = await alice.expectMessage({
      text: `Feel free to tell your friends about it:\n\n${groupLink}`,
      timeoutMs: 5000,
    });
    assert.deepEqual(intro.reply_markup, undefined);

    // Following it in a group sends `/start@bot check-this-out` there.
    const group = await emu.createGroup({ title: 'Friends', owner: alice, members: [bob], bots: [info] });
    const payload = new URL(groupLink).searchParams.get('startgroup');
    await alice.sendCommand(group, `/start@${info.username} ${payload}`);
    const level1 = await alice.expectMessage({
      text: "Awesome, you just accessed hidden functionality! Now let's get back to the private chat.",
      chat: group,
      timeoutMs: 5000,
    });
    assert.equal(level1.chat.id, group.id);
    const soCool = 'https://t.me/seed_deeplink_bot?start=so-cool';
    assert.deepEqual(level1.reply_markup, { inline_keyboard: [[{ text: 'Continue here!', url: soCool }]] });
    const opened = await bob.clickButton(level1, 'Continue here!');
    assert.deepEqual(opened, { url: soCool }, 'a URL button opens its link');

    // Back in the private chat: the next link is hidden behind text.
    await bob.sendCommand(info, startCommandOf(opened?.url, info.username));
    const level2 = await bob.expectMessage({
      text: 'You can also mask the deep-linked URLs as links: ▶️ CLICK HERE.',
      timeoutMs: 5000,
    });
    const label = '▶️ CLICK HERE';
    const masked = 'https://t.me/seed_deeplink_bot?start=using-entities-here';
    assert.deepEqual(level2.entities, [
      {
        type: 'text_link',
        offset: (level2.text as string).indexOf(label),
        length: label.length,
        url: masked,
      },
    ]);
    assert.deepEqual(level2.link_preview_options, { is_disabled: true });

    // The masked link leads to a callback button...
    await bob.sendCommand(info, startCommandOf(masked, info.username));
    const level3 = await bob.expectMessage({
      text: 'It is also possible to make deep-linking using InlineKeyboardButtons.',
      timeoutMs: 5000,
    });
    assert.deepEqual(level3.reply_markup, {
      inline_keyboard: [[{ text: 'Like this!', callback_data: 'keyboard-callback-data' }]],
    });
    // ...whose press is answered with the last link.
    const answer = await bob.clickButton(level3, 'Like this!', { timeoutMs: 5000 });
    assert.equal(answer?.url, 'https://t.me/seed_deeplink_bot?start=using-keyboard-here');

    // The end: the payload arrives as the command's argument.
    await bob.sendCommand(info, startCommandOf(answer?.url, info.username));
    await bob.expectMessage({
      text: 'Congratulations! This is as deep as it gets 👏🏻\n\nThe payload was: using-keyboard-here',
      timeoutMs: 5000,
    });

    // An unknown payload falls through to the plain /start.
    await bob.sendCommand(info, '/start nothing-here');
    await bob.expectMessage({
      text: `Feel free to tell your friends about it:\n\n${groupLink}`,
      timeoutMs: 5000,
    });
  } finally {
    app.stopRunning();
    await running;
  }
});
