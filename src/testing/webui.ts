/**
 * The web chat under `/ui/`: the static page (shipped beside the code, no build step), the JSON
 * endpoints it reads the emulator's state through, and server-sent events telling it what
 * changed. Actions (send, press, vote, inline queries, new users) go through the control API.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiLog } from './api-log.js';
import { badRequest, notFound } from './errors.js';
import { isPolling } from './methods/updates.js';
import { keyboardFor } from './state/keyboards.js';
import type { ChatRecord, Json } from './state/records.js';
import type { World } from './state/world.js';
import { botUserJson, userJson } from './state/world.js';

/** The path the web chat is served under. */
export const UI_PREFIX = '/ui/';

/** At most this many browser tabs follow the events at once; more are refused. */
const MAX_EVENT_STREAMS = 32;
/** A stream whose unsent output grows beyond this (a stalled tab) is closed. */
const MAX_STREAM_BACKLOG = 1024 * 1024;
/** Changes are announced at most this often, so a burst of updates makes one refresh. */
const CHANGE_DEBOUNCE_MS = 25;
const HEARTBEAT_MS = 15_000;

const STATIC_FILES: Readonly<Record<string, string>> = {
  '': 'text/html; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
};

/**
 * The page's folder. `../testing/ui/` names src/testing/ui from src/testing/webui.ts and
 * dist/testing/ui from the bundle, whether this code lands in dist/testing or in dist/chunks.
 */
const STATIC_ROOT = new URL('../testing/ui/', import.meta.url);

function sendJson(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify({ ok: true, result: body });
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function numberParam(url: URL, name: string): number | undefined {
  const value = url.searchParams.get(name);
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw badRequest(`${name} must be a number`);
  return parsed;
}

function needParam(url: URL, name: string): number {
  const value = numberParam(url, name);
  if (value === undefined) throw badRequest(`${name} is empty`);
  return value;
}

function lastActivity(chat: ChatRecord): { seq: number; summary: string } {
  const last = chat.transcript.at(-1);
  return { seq: last?.seq ?? 0, summary: last?.summary ?? '' };
}

/** Serves the web chat of one world. */
export class WebUi {
  readonly #world: World;
  readonly #log: ApiLog;
  readonly #streams = new Set<ServerResponse>();
  readonly #cache = new Map<string, Buffer>();
  #changeTimer: NodeJS.Timeout | undefined;
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(world: World, log: ApiLog) {
    this.#world = world;
    this.#log = log;
    world.changeListeners.add(() => this.#scheduleChange());
    log.subscribe((_id, json) => this.#broadcast('log', json));
  }

  /** Whether a request path belongs to the web chat (`/ui` itself redirects to `/ui/`). */
  static owns(path: string): boolean {
    return path === '/ui' || path.startsWith(UI_PREFIX);
  }

  /** Answers one request under `/ui/`; throws ApiError for bad requests. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/ui') {
      res.writeHead(302, { location: UI_PREFIX });
      res.end();
      return;
    }
    const path = url.pathname.slice(UI_PREFIX.length);
    if (path.startsWith('api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw notFound();
      this.#api(res, path.slice('api/'.length), url);
      return;
    }
    const type = STATIC_FILES[path];
    if (type === undefined) throw notFound();
    const name = path === '' ? 'index.html' : path;
    let body = this.#cache.get(name);
    if (body === undefined) {
      body = await readFile(new URL(name, STATIC_ROOT));
      this.#cache.set(name, body);
    }
    res.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      // The page runs only its own script and style; nothing from elsewhere.
      'content-security-policy':
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'",
    });
    res.end(body);
  }

  /** Ends every event stream (the server is closing). */
  close(): void {
    clearTimeout(this.#changeTimer);
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    for (const stream of this.#streams) stream.end();
    this.#streams.clear();
  }

  #api(res: ServerResponse, name: string, url: URL): void {
    const world = this.#world;
    switch (name) {
      case 'state':
        sendJson(res, {
          bots: [...world.botsById.values()].map((bot) => ({
            ...botUserJson(bot),
            polling: isPolling(bot),
            webhook: bot.webhook !== undefined,
          })),
          users: [...world.users.values()].map(userJson),
          log_capacity: this.#log.capacity,
        });
        return;
      case 'chats':
        sendJson(res, this.#chats(needParam(url, 'user_id')));
        return;
      case 'messages':
        sendJson(res, this.#messages(url));
        return;
      case 'log':
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(`{"ok":true,"result":[${this.#log.since(numberParam(url, 'after') ?? 0).join(',')}]}`);
        return;
      case 'file':
        this.#file(res, url.searchParams.get('file_id') ?? '');
        return;
      case 'events':
        this.#events(res);
        return;
      default:
        throw notFound();
    }
  }

  /** The user's chats: one private chat per bot (empty until used), and the groups they are in. */
  #chats(userId: number): Json[] {
    const world = this.#world;
    const user = world.user(userId);
    const out: Json[] = [];
    for (const bot of world.botsById.values()) {
      const chat = world.chats.get(`${bot.id}:${user.id}`);
      out.push({
        type: 'private',
        chat_id: user.id,
        bot_id: bot.id,
        title: bot.firstName,
        username: bot.username,
        ...(chat === undefined ? { seq: 0, summary: '' } : lastActivity(chat)),
      });
    }
    for (const chat of world.chats.values()) {
      if (chat.type === 'private') continue;
      const status = chat.members.get(user.id)?.status;
      if (status === undefined || status === 'left' || status === 'kicked') continue;
      out.push({
        type: chat.type,
        chat_id: chat.id,
        bot_id: null,
        title: chat.title ?? '',
        username: chat.username ?? null,
        ...lastActivity(chat),
      });
    }
    return out;
  }

  /** A chat's messages as the user sees them, with the custom keyboard shown to them. */
  #messages(url: URL): Json {
    const world = this.#world;
    const userId = needParam(url, 'user_id');
    world.user(userId);
    const botId = numberParam(url, 'bot_id');
    const chatId = numberParam(url, 'chat_id');
    const chat =
      botId !== undefined && (chatId === undefined || chatId === userId)
        ? world.chats.get(`${botId}:${userId}`)
        : world.chatByRef(chatId ?? 0, undefined);
    if (chat === undefined) return { messages: [], keyboard: null, seq: 0 };
    const messages = [...chat.messages.values()]
      .sort((a, b) => (a.json.message_id as number) - (b.json.message_id as number))
      .map((record) => {
        const poll = record.json.poll as Json | undefined;
        const votes = poll === undefined ? undefined : world.polls.get(String(poll.id))?.votes.get(userId);
        return votes === undefined ? { message: record.json } : { message: record.json, my_votes: votes };
      });
    const view = keyboardFor(chat, userId);
    return {
      messages,
      keyboard: view === undefined ? null : { markup: view.markup, collapsed: view.collapsed },
      seq: lastActivity(chat).seq,
    };
  }

  /** A stored file's bytes (photos and documents the chat shows), by file_id. */
  #file(res: ServerResponse, fileId: string): void {
    const file = this.#world.files.get(fileId);
    if (file === undefined) throw notFound();
    res.writeHead(200, {
      'content-type': file.mimeType ?? 'application/octet-stream',
      'content-length': file.data.length,
      'cache-control': 'private, max-age=3600',
      // Shown inline as an image or offered as a download, never run as a page of this origin.
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
    });
    res.end(file.data);
  }

  /** Server-sent events: `change` when the world changed, `log` with each new log entry. */
  #events(res: ServerResponse): void {
    if (this.#streams.size >= MAX_EVENT_STREAMS) throw badRequest('too many event streams are open');
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    this.#streams.add(res);
    res.on('close', () => this.#streams.delete(res));
    this.#heartbeat ??= setInterval(() => {
      for (const stream of this.#streams) this.#write(stream, ': ping\n\n');
    }, HEARTBEAT_MS).unref();
  }

  #scheduleChange(): void {
    if (this.#changeTimer !== undefined || this.#streams.size === 0) return;
    this.#changeTimer = setTimeout(() => {
      this.#changeTimer = undefined;
      this.#broadcast('change', '{}');
    }, CHANGE_DEBOUNCE_MS);
    this.#changeTimer.unref();
  }

  #broadcast(event: string, data: string): void {
    for (const stream of this.#streams) this.#write(stream, `event: ${event}\ndata: ${data}\n\n`);
  }

  #write(stream: ServerResponse, text: string): void {
    if (stream.writableLength > MAX_STREAM_BACKLOG) {
      stream.destroy();
      this.#streams.delete(stream);
      return;
    }
    stream.write(text);
  }
}
