// The bot of ../ours/bot.ts written for grammY, for the type-check benchmark.
import { Bot, type Context, type Filter } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';

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

function keyboard(list: readonly Note[]): InlineKeyboardMarkup {
  return {
    inline_keyboard: list.slice(0, 5).map((note) => [
      { text: `Show #${note.id}`, callback_data: `show:${note.id}` },
      { text: 'Delete', callback_data: `del:${note.id}` },
    ]),
  };
}

const bot = new Bot(process.env.BOT_TOKEN ?? '123:abc');

bot.command('start', async (ctx) => {
  const name = ctx.message?.from?.first_name ?? 'there';
  await ctx.reply(`Hello ${name}! Send /note <text> to save a note.`);
});

bot.command('help', async (ctx) => {
  const lines = ['/note <text> - save a note', '/list - list notes', '/clear - delete all notes'];
  await ctx.reply(lines.join('\n'));
});

bot.command('note', async (ctx) => {
  const user = ctx.from;
  if (user === undefined) return;
  const text = ctx.match;
  if (text.length === 0) return;
  const list = notesOf(user.id);
  const note: Note = { id: list.length + 1, text, createdAt: Date.now() };
  list.push(note);
  await ctx.reply(`Saved note #${note.id} (${text.length} characters).`);
});

bot.command('list', async (ctx) => {
  const user = ctx.from;
  if (user === undefined) return;
  const list = notesOf(user.id);
  if (list.length === 0) {
    await ctx.reply('No notes yet.');
    return;
  }
  await ctx.reply(`You have ${list.length} notes:`, { reply_markup: keyboard(list) });
});

bot.command('clear', async (ctx) => {
  const user = ctx.from;
  if (user === undefined) return;
  notes.delete(user.id);
  await ctx.reply('All notes deleted.');
});

bot.callbackQuery(/^show:\d+$/, async (ctx) => {
  const query = ctx.callbackQuery;
  const id = Number(query.data.split(':')[1]);
  const note = notesOf(query.from.id).find((candidate) => candidate.id === id);
  await ctx.answerCallbackQuery({ text: note === undefined ? 'Gone' : note.text.slice(0, 190) });
});

bot.callbackQuery(/^del:\d+$/, async (ctx) => {
  const query = ctx.callbackQuery;
  const id = Number(query.data.split(':')[1]);
  const list = notesOf(query.from.id);
  const index = list.findIndex((candidate) => candidate.id === id);
  if (index >= 0) list.splice(index, 1);
  await ctx.answerCallbackQuery({ text: index >= 0 ? 'Deleted' : 'Already gone', show_alert: false });
});

bot.on('inline_query', async (ctx) => {
  const query = ctx.inlineQuery;
  const list = notesOf(query.from.id).filter((note) => note.text.includes(query.query));
  await ctx.answerInlineQuery(
    list.slice(0, 10).map((note) => ({
      type: 'article' as const,
      id: String(note.id),
      title: note.text.slice(0, 40),
      input_message_content: { message_text: note.text },
    })),
  );
});

bot.on('message:photo', async (ctx) => {
  const photos = ctx.message.photo;
  const largest = photos[photos.length - 1];
  if (largest === undefined) return;
  await ctx.reply(`Nice photo: ${largest.width}x${largest.height}`);
});

async function countGroupMessage(ctx: Filter<Context, 'message:text'>): Promise<void> {
  const count = bump(ctx.chat.id);
  if (count % 100 === 0) await ctx.reply(`${count} messages in this group so far.`);
}

bot.chatType(['group', 'supergroup']).on('message:text', async (ctx, next) => {
  await countGroupMessage(ctx);
  await next();
});

bot.hears(/^(hi|hello|hey)\b/i, async (ctx) => {
  await ctx.reply('Hi! Try /help.');
});

bot
  .chatType('private')
  .on('message:text')
  .filter(
    (ctx) => !ctx.message.entities?.some((entity) => entity.type === 'bot_command' && entity.offset === 0),
    async (ctx) => {
      const text = ctx.message.text;
      const words = text.split(/\s+/).filter((word) => word.length > 0);
      await ctx.reply(`You said ${words.length} words.`);
    },
  );

bot.on('message::bot_command', async (ctx) => {
  await ctx.reply('Unknown command. Try /help.');
});

bot.catch(async (error) => {
  console.error('update failed', error.ctx.update, error.error);
});

export async function main(): Promise<void> {
  await bot.start({ allowed_updates: ['message', 'callback_query', 'inline_query'] });
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
