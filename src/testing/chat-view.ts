/**
 * Transcript entries drawn as a chat for people: who said what, edits and button answers marked,
 * inline keyboards as rows of `[button]`s, custom reply keyboards as a `keyboard:` block.
 */
import type { InlineButtonJSON, MessageJSON, TranscriptEntryJSON } from './client.js';
import type { KeyboardState } from './users.js';

function indent(lines: readonly string[], width: number): string[] {
  const pad = ' '.repeat(width);
  return lines.map((line) => `${pad}${line}`);
}

/** An inline keyboard, one `[text] [text]` line per row. */
export function inlineKeyboardLines(rows: readonly (readonly InlineButtonJSON[])[]): string[] {
  return rows.filter((row) => row.length > 0).map((row) => row.map((button) => `[${button.text}]`).join(' '));
}

/**
 * A user's custom reply keyboard (from `user.keyboardState()`), or its removal when undefined.
 *
 * @example
 * replyKeyboardLines(await alice.keyboardState(bot)); // ['keyboard: [Boy] [Girl] [Other]']
 */
export function replyKeyboardLines(state: KeyboardState | undefined): string[] {
  if (state === undefined) return ['keyboard removed'];
  const rows = state.keyboard.keyboard
    .filter((row) => row.length > 0)
    .map((row) => row.map((button) => `[${typeof button === 'string' ? button : button.text}]`).join(' '));
  const label = state.collapsed ? 'keyboard (collapsed): ' : 'keyboard: ';
  return rows.map((row, index) => (index === 0 ? label : ' '.repeat(label.length)) + row);
}

/** The entry's text; a poll shows its question and options, web app data what it carries. */
function summaryOf(entry: TranscriptEntryJSON): string {
  const webAppData = entry.message?.web_app_data as { data?: unknown } | undefined;
  if (typeof webAppData?.data === 'string') return `[web app data] ${webAppData.data}`;
  const poll = entry.message?.poll as { question?: unknown; options?: { text?: unknown }[] } | undefined;
  if (typeof poll?.question === 'string' && Array.isArray(poll.options)) {
    return `[poll] ${poll.question} ${poll.options.map((option) => `(${String(option.text)})`).join(' ')}`;
  }
  return entry.summary;
}

/**
 * One transcript entry as chat lines: `Alice: hi`, `@echo_bot: hi`, `@bot (edited): ...`,
 * `@bot (notification): Saved`; multi-line texts and inline keyboards are indented under the sender.
 * Entries a reader gains nothing from (chat actions, empty callback answers) give no lines.
 *
 * @example
 * for (const entry of (await emu.transcript(alice.chatWith(bot))).entries) {
 *   console.log(chatEntryLines(entry).join('\n'));
 * }
 */
export function chatEntryLines(entry: TranscriptEntryJSON): string[] {
  let head: string;
  switch (entry.kind) {
    case 'message': {
      const via = entry.message?.via_bot as { username?: unknown } | undefined;
      head =
        typeof via?.username === 'string'
          ? `${entry.from_name} (via @${via.username}): `
          : `${entry.from_name}: `;
      break;
    }
    case 'edit':
      head = `${entry.from_name} (edited): `;
      break;
    case 'delete':
      return [`${entry.from_name} deleted a message`];
    case 'callback_answer': {
      // The summary is `notification: <text>` or `alert: <text>`; a silent answer shows nothing.
      const [how = '', ...text] = entry.summary.split(': ');
      const shown = text.join(': ');
      return shown === '' ? [] : [`${entry.from_name} (${how}): ${shown}`];
    }
    default:
      return [];
  }
  const [first = '', ...rest] = summaryOf(entry).split('\n');
  const lines = [head + first, ...indent(rest, head.length)].map((line) => line.trimEnd());
  const keyboard = entry.message?.reply_markup?.inline_keyboard;
  if (keyboard !== undefined) lines.push(...indent(inlineKeyboardLines(keyboard), head.length));
  return lines;
}

/**
 * The latest bot message of a transcript whose inline keyboard, as last edited, shows a button
 * with this text; undefined when none does.
 *
 * @example
 * const menu = messageWithButton((await emu.transcript(alice.chatWith(bot))).entries, 'Option 1');
 * if (menu !== undefined) await alice.clickButton(menu, 'Option 1');
 */
export function messageWithButton(
  entries: readonly TranscriptEntryJSON[],
  text: string,
): MessageJSON | undefined {
  // Each message as it looks now (its latest edit); a Map keeps the order messages were sent in.
  const current = new Map<number, MessageJSON>();
  for (const entry of entries) {
    if (entry.from_bot && entry.message !== null && (entry.kind === 'message' || entry.kind === 'edit')) {
      current.set(entry.message.message_id, entry.message);
    }
  }
  return [...current.values()]
    .filter((message) =>
      message.reply_markup?.inline_keyboard.some((row) => row.some((button) => button.text === text)),
    )
    .at(-1);
}
