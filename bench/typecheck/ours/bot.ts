// A ~200-line bot for the type-check benchmark, written against the built declarations in dist/.
// The same bot is written for grammY in ../grammy/bot.ts.
import {
  Application,
  CallbackQueryHandler,
  CommandHandler,
  filters,
  InlineQueryHandler,
  MessageHandler,
} from '../../../dist/ext/index.js';
import '../../../dist/index.js';

interface Note {
  readonly id: number;
  readonly text: string;
  readonly createdAt: number;
}

const notes = new Map<number, Note[]>();
const counters = new Map<number, number>();

function notesOf(userId: number): Note[] {
  let list = notes.get(userId);
  if (list === undefined) {
    list = [];
    notes.set(userId, list);
  }
  return list;
}

function bump(chatId: number): number {
  const next = (counters.get(chatId) ?? 0) + 1;
  counters.set(chatId, next);
  return next;
}

function keyboard(list: readonly Note[]) {
  return {
    inline_keyboard: list.slice(0, 5).map((note) => [
      { text: `Show #${note.id}`, callback_data: `show:${note.id}` },
      { text: 'Delete', callback_data: `del:${note.id}` },
    ]),
  };
}

const app = Application.builder()
  .token(process.env.BOT_TOKEN ?? '123:abc')
  .build();

app.addHandler(
  new CommandHandler('start', async (update) => {
    const name = update.message?.from?.first_name ?? 'there';
    await update.message?.replyText(`Hello ${name}! Send /note <text> to save a note.`);
  }),
);

app.addHandler(
  new CommandHandler('help', async (update) => {
    const lines = ['/note <text> - save a note', '/list - list notes', '/clear - delete all notes'];
    await update.message?.replyText(lines.join('\n'));
  }),
);

app.addHandler(
  new CommandHandler(
    'note',
    async (update, context) => {
      const user = update.message?.from;
      if (user === undefined) return;
      const text = (context.args ?? []).join(' ');
      const list = notesOf(user.id);
      const note: Note = { id: list.length + 1, text, createdAt: Date.now() };
      list.push(note);
      await update.message?.replyText(`Saved note #${note.id} (${text.length} characters).`);
    },
    { hasArgs: true },
  ),
);

app.addHandler(
  new CommandHandler('list', async (update) => {
    const user = update.message?.from;
    if (user === undefined) return;
    const list = notesOf(user.id);
    if (list.length === 0) {
      await update.message?.replyText('No notes yet.');
      return;
    }
    await update.message?.replyText(`You have ${list.length} notes:`, { reply_markup: keyboard(list) });
  }),
);

app.addHandler(
  new CommandHandler('clear', async (update) => {
    const user = update.message?.from;
    if (user === undefined) return;
    notes.delete(user.id);
    await update.message?.replyText('All notes deleted.');
  }),
);

app.addHandler(
  new CallbackQueryHandler(
    async (update) => {
      const query = update.callback_query;
      const id = Number(query.data?.split(':')[1]);
      const note = notesOf(query.from.id).find((candidate) => candidate.id === id);
      await query.answer({ text: note === undefined ? 'Gone' : note.text.slice(0, 190) });
    },
    { pattern: /^show:\d+$/ },
  ),
);

app.addHandler(
  new CallbackQueryHandler(
    async (update) => {
      const query = update.callback_query;
      const id = Number(query.data?.split(':')[1]);
      const list = notesOf(query.from.id);
      const index = list.findIndex((candidate) => candidate.id === id);
      if (index >= 0) list.splice(index, 1);
      await query.answer({ text: index >= 0 ? 'Deleted' : 'Already gone', show_alert: false });
    },
    { pattern: /^del:\d+$/ },
  ),
);

app.addHandler(
  new InlineQueryHandler(async (update) => {
    const query = update.inline_query;
    const list = notesOf(query.from.id).filter((note) => note.text.includes(query.query));
    await query.answer(
      list.slice(0, 10).map((note) => ({
        type: 'article' as const,
        id: String(note.id),
        title: note.text.slice(0, 40),
        input_message_content: { message_text: note.text },
      })),
    );
  }),
);

app.addHandler(
  new MessageHandler(filters.PHOTO, async (update) => {
    const photos = update.message?.photo ?? [];
    const largest = photos[photos.length - 1];
    if (largest === undefined) return;
    await update.message?.replyText(`Nice photo: ${largest.width}x${largest.height}`);
  }),
);

app.addHandler(
  new MessageHandler(filters.ChatType.GROUPS.and(filters.TEXT), async (update) => {
    const chat = update.effectiveChat;
    if (chat === undefined) return;
    const count = bump(chat.id);
    if (count % 100 === 0) await update.message?.replyText(`${count} messages in this group so far.`);
  }),
  1,
);

app.addHandler(
  new MessageHandler(new filters.Regex(/^(hi|hello|hey)\b/i), async (update) => {
    await update.message?.replyText('Hi! Try /help.');
  }),
);

app.addHandler(
  new MessageHandler(
    filters.TEXT.and(filters.COMMAND.not()).and(filters.ChatType.PRIVATE),
    async (update) => {
      const text = update.message?.text ?? '';
      const words = text.split(/\s+/).filter((word) => word.length > 0);
      await update.message?.replyText(`You said ${words.length} words.`);
    },
  ),
);

app.addHandler(
  new MessageHandler(filters.COMMAND, async (update) => {
    await update.message?.replyText('Unknown command. Try /help.');
  }),
);

app.addErrorHandler(async (update, context) => {
  console.error('update failed', update, context.error);
});

export async function main(): Promise<void> {
  await app.runPolling({ allowedUpdates: ['message', 'callback_query', 'inline_query'] });
}

export function stats(): { users: number; notes: number; chats: number } {
  let total = 0;
  for (const list of notes.values()) total += list.length;
  return { users: notes.size, notes: total, chats: counters.size };
}

export function exportNotes(userId: number): string {
  return notesOf(userId)
    .map((note) => `${note.id}\t${new Date(note.createdAt).toISOString()}\t${note.text}`)
    .join('\n');
}

export function importNotes(userId: number, dump: string): number {
  const list = notesOf(userId);
  let added = 0;
  for (const line of dump.split('\n')) {
    const [id, createdAt, ...rest] = line.split('\t');
    if (id === undefined || createdAt === undefined) continue;
    list.push({ id: Number(id), text: rest.join('\t'), createdAt: Date.parse(createdAt) });
    added++;
  }
  return added;
}
