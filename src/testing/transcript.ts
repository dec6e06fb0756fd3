/** Chat transcripts for assertions and printing. */
import { chatEntryLines } from './chat-view.js';
import type { TranscriptEntryJSON } from './client.js';

/** The ordered record of a chat: messages, edits, deletions, callback answers and chat actions. */
export class Transcript {
  readonly entries: readonly TranscriptEntryJSON[];

  constructor(entries: readonly TranscriptEntryJSON[]) {
    this.entries = entries;
  }

  /** The messages only (no edits, deletions or actions). */
  get messages(): readonly TranscriptEntryJSON[] {
    return this.entries.filter((entry) => entry.kind === 'message');
  }

  /** Each message as `sender: summary`, handy for `deepEqual` assertions. */
  lines(): string[] {
    return this.messages.map((entry) => `${entry.from_name}: ${entry.summary}`);
  }

  /** A printable form: one line per entry. */
  toString(): string {
    return this.entries
      .map((entry) => {
        const id = entry.message_id === null ? '' : ` #${entry.message_id}`;
        const label = entry.kind === 'message' ? '' : ` (${entry.kind.replace('_', ' ')})`;
        return `${entry.from_name}${id}${label}: ${entry.summary}`;
      })
      .join('\n');
  }

  /**
   * The chat drawn for people: `Alice: hi`, `@bot: hi`, edits and notifications marked, inline
   * keyboards as `[button]` rows under their message.
   *
   * @example
   * console.log((await emu.transcript(alice.chatWith(bot))).toChat());
   */
  toChat(): string {
    return this.entries.flatMap((entry) => chatEntryLines(entry)).join('\n');
  }
}
