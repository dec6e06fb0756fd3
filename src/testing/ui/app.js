// The emulator's web chat. It reads the emulator through /ui/api/ (JSON and server-sent events)
// and acts through the control API (/_emulator/) as the selected simulated user, so any bot
// library pointed at the emulator looks the same here. Text from bots and users is only ever put
// into the page as text nodes (textContent), never as HTML.

const $ = (id) => document.getElementById(id);
const LOG_LIMIT = 500;

const state = {
  users: [],
  bots: [],
  userId: undefined,
  /** The open chat: { type, chat_id, bot_id, title }. */
  chat: undefined,
  messagesKey: '',
  /** What the user and bot lists were drawn from, to redraw them only when they change. */
  stateKey: '',
  /** The user reopened a one-time keyboard that collapsed after use. */
  keyboardForced: false,
  lastLogId: 0,
  refreshing: false,
  refreshAgain: false,
  inlineTimer: undefined,
  inlineSeq: 0,
};

// ---- talking to the emulator ----

async function readApi(name, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null) query.set(key, value);
  const response = await fetch(`api/${name}?${query}`);
  const body = await response.json();
  if (!body.ok) throw new Error(body.description ?? `HTTP ${response.status}`);
  return body.result;
}

async function control(name, params) {
  const response = await fetch(`../_emulator/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  const body = await response.json();
  if (!body.ok) throw new Error(body.description ?? `HTTP ${response.status}`);
  return body.result;
}

/** The control API's way of naming the open chat: the bot for a private chat, else the chat id. */
function target() {
  const chat = state.chat;
  return chat.type === 'private' ? { bot_id: chat.bot_id } : { chat_id: chat.chat_id };
}

function act(promise) {
  return promise.catch((error) => showToast(error.message, true));
}

// ---- small DOM helpers ----

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label, onClick, className) {
  const node = el('button', className, label);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

/** Only web and Telegram links become clickable; anything else (javascript:, data:) stays text. */
function safeHref(url) {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'tg:', 'mailto:', 'tel:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function link(href, text) {
  const safe = safeHref(href);
  if (safe === undefined) return el('span', 'link', text);
  const node = el('a', undefined, text);
  node.href = safe;
  node.target = '_blank';
  node.rel = 'noopener noreferrer';
  return node;
}

let toastTimer;
function showToast(text, error = false) {
  const toast = $('toast');
  toast.textContent = text;
  toast.className = error ? 'error' : '';
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    toast.hidden = true;
  }, 3500);
}

function showAlert(text) {
  $('alert-text').textContent = text;
  $('alert').hidden = false;
  $('alert-ok').focus();
}

// ---- message entities ----

function entityNode(entity, text) {
  switch (entity.type) {
    case 'bold':
      return el('b');
    case 'italic':
      return el('i');
    case 'underline':
      return el('u');
    case 'strikethrough':
      return el('s');
    case 'spoiler': {
      const node = el('span', 'spoiler');
      node.title = 'Spoiler: click to reveal';
      node.addEventListener('click', () => node.classList.add('revealed'));
      return node;
    }
    case 'code':
      return el('code');
    case 'pre': {
      const node = el('pre');
      if (entity.language) node.dataset.language = entity.language;
      return node;
    }
    case 'blockquote':
    case 'expandable_blockquote':
      return el('blockquote', entity.type === 'expandable_blockquote' ? 'expandable' : undefined);
    case 'text_link': {
      const node = link(entity.url, undefined);
      node.title = entity.url;
      return node;
    }
    case 'url':
      return link(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `http://${text}`, undefined);
    case 'email':
      return link(`mailto:${text}`, undefined);
    case 'phone_number':
      return link(`tel:${text.replace(/[^+\d]/g, '')}`, undefined);
    case 'bot_command': {
      const node = el('span', 'command');
      node.title = 'Send this command';
      node.addEventListener('click', () => act(sendText(text)));
      return node;
    }
    case 'mention':
    case 'text_mention':
    case 'hashtag':
    case 'cashtag':
      return el('span', 'mention');
    default:
      return el('span', `entity-${String(entity.type).replace(/[^a-z_]/g, '')}`);
  }
}

/**
 * Builds the formatted text: entities (UTF-16 offsets, as JavaScript strings count) may nest;
 * one that overlaps its neighbour's end is cut at that end.
 */
function renderText(text, entities) {
  const sorted = [...(entities ?? [])]
    .filter((e) => Number.isInteger(e.offset) && Number.isInteger(e.length) && e.length > 0)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  const fragment = document.createDocumentFragment();
  fill(fragment, text, 0, text.length, sorted);
  return fragment;
}

function fill(parent, text, start, end, entities) {
  let at = start;
  let index = 0;
  while (index < entities.length) {
    const entity = entities[index];
    const from = Math.max(entity.offset, at);
    const to = Math.min(entity.offset + entity.length, end);
    // The entities inside this one, up to where it ends.
    let next = index + 1;
    while (next < entities.length && entities[next].offset < to) next += 1;
    if (from < to) {
      if (from > at) parent.append(text.slice(at, from));
      const node = entityNode(entity, text.slice(from, to));
      fill(node, text, from, to, entities.slice(index + 1, next));
      parent.append(node);
      at = to;
    }
    index = next;
  }
  if (at < end) parent.append(text.slice(at, end));
}

// ---- messages ----

function fileUrl(fileId) {
  return `api/file?file_id=${encodeURIComponent(fileId)}`;
}

function sizeText(bytes) {
  if (typeof bytes !== 'number') return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function photoNode(sizes) {
  const largest = sizes[sizes.length - 1];
  const img = el('img', 'photo');
  img.alt = 'photo';
  img.src = fileUrl(largest.file_id);
  img.addEventListener('error', () => img.replaceWith(el('div', 'media', '[photo]')));
  return img;
}

const FILE_KINDS = ['document', 'audio', 'video', 'voice', 'video_note', 'animation'];

function fileNode(kind, file) {
  const box = el('div', 'media');
  const name = file.file_name ?? file.title ?? kind;
  const anchor = el('a', undefined, `📎 ${name}`);
  anchor.href = fileUrl(file.file_id);
  anchor.download = name;
  box.append(anchor, el('span', 'meta', ` ${kind} ${sizeText(file.file_size)}`));
  return box;
}

function pollNode(message, myVotes) {
  const poll = message.poll;
  const box = el('div', 'poll');
  box.append(el('div', 'question', poll.question));
  const voted = Array.isArray(myVotes) && myVotes.length > 0;
  const showCounts = voted || poll.is_closed;
  poll.options.forEach((option, index) => {
    const label = showCounts ? `${option.text} — ${option.voter_count ?? 0}` : option.text;
    if (poll.is_closed || (voted && poll.type === 'quiz')) {
      box.append(el('div', 'option', label));
      return;
    }
    const chosen = voted && myVotes.includes(index);
    box.append(
      button(
        chosen ? `✓ ${label}` : label,
        () =>
          act(
            control('vote', {
              user_id: state.userId,
              ...target(),
              message_id: message.message_id,
              option_ids: [index],
            }),
          ),
        'option',
      ),
    );
  });
  const footer = el(
    'div',
    'meta',
    `${poll.type === 'quiz' ? 'Quiz' : 'Poll'} · ${poll.total_voter_count ?? 0} votes${poll.is_closed ? ' · closed' : ''}`,
  );
  if (voted && !poll.is_closed && poll.type !== 'quiz') {
    footer.append(
      ' ',
      button(
        'retract',
        () =>
          act(
            control('vote', {
              user_id: state.userId,
              ...target(),
              message_id: message.message_id,
              option_ids: [],
            }),
          ),
        'small',
      ),
    );
  }
  box.append(footer);
  return box;
}

const SERVICE_TEXT = {
  new_chat_members: (m) => `${m.new_chat_members.map((u) => u.first_name).join(', ')} joined`,
  left_chat_member: (m) => `${m.left_chat_member.first_name} left`,
  new_chat_title: (m) => `Title changed to ${m.new_chat_title}`,
  pinned_message: () => 'Message pinned',
  group_chat_created: () => 'Group created',
  migrate_to_chat_id: () => 'The group became a supergroup',
  migrate_from_chat_id: () => 'Upgraded from a group',
};

function otherContent(message) {
  if (message.location) return `📍 ${message.location.latitude}, ${message.location.longitude}`;
  if (message.venue) return `📍 ${message.venue.title}, ${message.venue.address}`;
  if (message.contact) return `👤 ${message.contact.first_name} ${message.contact.phone_number}`;
  if (message.dice) return `${message.dice.emoji} ${message.dice.value}`;
  if (message.invoice)
    return `🧾 ${message.invoice.title}: ${message.invoice.total_amount} ${message.invoice.currency}`;
  if (message.game) return `🎮 ${message.game.title}`;
  if (message.successful_payment) return '✅ payment received';
  const kind = Object.keys(message).find(
    (key) =>
      ![
        'message_id',
        'from',
        'date',
        'chat',
        'sender_chat',
        'reply_markup',
        'edit_date',
        'entities',
        'via_bot',
        'reply_to_message',
        'message_thread_id',
        'is_topic_message',
        'has_protected_content',
        'author_signature',
        'link_preview_options',
      ].includes(key),
  );
  return kind === undefined ? '' : `[${kind}]`;
}

function inlineKeyboard(message, rows) {
  const box = el('div', 'inline-kb');
  for (const row of rows) {
    const line = el('div', 'row');
    for (const key of row) line.append(inlineButton(message, key));
    box.append(line);
  }
  return box;
}

function inlineButton(message, key) {
  if (key.url !== undefined) {
    const node = link(key.url, `${key.text} ↗`);
    node.classList.add('button');
    return node;
  }
  return button(key.text, () => act(pressInline(message, key)));
}

async function pressInline(message, key) {
  if (key.switch_inline_query_current_chat !== undefined || key.switch_inline_query !== undefined) {
    const bot = message.via_bot ?? message.from;
    const input = $('composer-input');
    input.value = `@${bot.username} ${key.switch_inline_query_current_chat ?? key.switch_inline_query}`;
    input.focus();
    scheduleInlineQuery();
    return;
  }
  if (key.copy_text !== undefined) {
    await navigator.clipboard?.writeText(key.copy_text.text);
    showToast('Copied');
    return;
  }
  if (key.callback_data === undefined) {
    showToast('This kind of button cannot be pressed in the web chat; use the users API', true);
    return;
  }
  const outcome = await control('click', {
    user_id: state.userId,
    ...target(),
    message_id: message.message_id,
    data: key.callback_data,
    timeout_ms: 10_000,
  });
  const answer = outcome.answer;
  if (answer === null) showToast('The bot did not answer the button press', true);
  else if (answer.url) showToast(`The bot opened ${answer.url}`);
  else if (answer.text && answer.show_alert) showAlert(answer.text);
  else if (answer.text) showToast(answer.text);
}

function senderName(message) {
  const from = message.from ?? message.sender_chat;
  if (from === undefined) return '';
  return from.title ?? [from.first_name, from.last_name].filter(Boolean).join(' ');
}

function messageNode(item, byId) {
  const message = item.message;
  const service = Object.keys(SERVICE_TEXT).find((key) => message[key] !== undefined);
  if (service !== undefined) return el('div', 'service', SERVICE_TEXT[service](message));
  const mine = message.from?.id === state.userId;
  const node = el('div', mine ? 'msg out' : 'msg in');
  node.dataset.messageId = message.message_id;
  if (state.chat.type !== 'private' && !mine) node.append(el('div', 'sender', senderName(message)));
  if (message.via_bot) node.append(el('div', 'meta', `via @${message.via_bot.username}`));
  const replied = message.reply_to_message;
  if (replied) {
    const quote = el(
      'div',
      'reply',
      `${senderName(replied)}: ${replied.text ?? replied.caption ?? otherContent(replied)}`,
    );
    quote.addEventListener('click', () => byId.get(replied.message_id)?.scrollIntoView({ block: 'center' }));
    node.append(quote);
  }
  if (message.photo) node.append(photoNode(message.photo));
  if (message.sticker) {
    const img = el('img', 'sticker');
    img.alt = message.sticker.emoji ?? 'sticker';
    img.src = fileUrl(message.sticker.file_id);
    img.addEventListener('error', () =>
      img.replaceWith(el('div', 'media', `[sticker ${message.sticker.emoji ?? ''}]`)),
    );
    node.append(img);
  }
  for (const kind of FILE_KINDS) if (message[kind]) node.append(fileNode(kind, message[kind]));
  if (message.poll) node.append(pollNode(message, item.my_votes));
  const text = message.text ?? message.caption;
  if (text !== undefined) {
    const body = el('div', 'text');
    body.append(renderText(text, message.entities ?? message.caption_entities));
    node.append(body);
  } else if (!message.photo && !message.sticker && !message.poll && !FILE_KINDS.some((k) => message[k])) {
    node.append(el('div', 'text', otherContent(message)));
  }
  const time = new Date(message.date * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  node.append(el('div', 'meta time', message.edit_date ? `edited ${time}` : time));
  const rows = message.reply_markup?.inline_keyboard;
  if (Array.isArray(rows)) node.append(inlineKeyboard(message, rows));
  return node;
}

function renderMessages(result) {
  const box = $('messages');
  const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  const byId = new Map();
  const nodes = result.messages.map((item) => {
    const node = messageNode(item, byId);
    byId.set(item.message.message_id, node);
    return node;
  });
  if (nodes.length === 0) nodes.push(el('div', 'service', 'No messages yet: say hello, or send /start.'));
  box.replaceChildren(...nodes);
  if (nearBottom) box.scrollTop = box.scrollHeight;
  renderReplyKeyboard(result.keyboard);
}

function renderReplyKeyboard(keyboard) {
  const box = $('reply-keyboard');
  const rows = keyboard?.markup?.keyboard;
  const show = Array.isArray(rows) && (!keyboard.collapsed || state.keyboardForced);
  $('show-keyboard').hidden = !Array.isArray(rows) || show;
  box.hidden = !show;
  if (!show) return;
  box.replaceChildren(
    ...rows.map((row) => {
      const line = el('div', 'row');
      for (const key of row) {
        const label = typeof key === 'string' ? key : key.text;
        line.append(
          button(label, () => {
            state.keyboardForced = false;
            act(control('press_key', { user_id: state.userId, ...target(), text: label }));
          }),
        );
      }
      return line;
    }),
  );
}

// ---- chats and users ----

function renderUsers() {
  const select = $('user-select');
  select.replaceChildren(
    ...state.users.map((user) => {
      const option = el(
        'option',
        undefined,
        [user.first_name, user.last_name].filter(Boolean).join(' ') +
          (user.username ? ` (@${user.username})` : ''),
      );
      option.value = user.id;
      return option;
    }),
  );
  if (state.userId !== undefined) select.value = String(state.userId);
  $('new-user-form').hidden = state.users.length > 0 && $('new-user-form').hidden;
}

function sameChat(a, b) {
  return (
    a !== undefined &&
    b !== undefined &&
    a.type === b.type &&
    a.chat_id === b.chat_id &&
    a.bot_id === b.bot_id
  );
}

function renderChats(chats) {
  chats.sort((a, b) => b.seq - a.seq);
  $('chat-list').replaceChildren(
    ...chats.map((chat) => {
      const item = el('button', sameChat(chat, state.chat) ? 'chat-item active' : 'chat-item');
      item.type = 'button';
      item.dataset.chatId = chat.chat_id;
      const kind = chat.type === 'private' ? `@${chat.username}` : chat.type;
      item.append(
        el('span', 'title', chat.title),
        el('span', 'kind', kind),
        el('span', 'last', chat.summary),
      );
      item.addEventListener('click', () => openChat(chat));
      return item;
    }),
  );
  if (state.chat === undefined && chats.length > 0) openChat(chats[0]);
}

function openChat(chat) {
  state.chat = chat;
  state.messagesKey = '';
  state.keyboardForced = false;
  $('chat-title').textContent = chat.type === 'private' ? `${chat.title} (@${chat.username})` : chat.title;
  $('messages').replaceChildren();
  hideInlineResults();
  refresh();
}

async function loadState() {
  const result = await readApi('state');
  const key = JSON.stringify([result.users, result.bots.map((bot) => bot.username)]);
  state.bots = result.bots;
  if (key === state.stateKey) return;
  state.stateKey = key;
  state.users = result.users;
  if (!state.users.some((user) => user.id === state.userId)) state.userId = state.users[0]?.id;
  renderUsers();
  if (state.users.length === 0) {
    $('new-user-form').hidden = false;
    $('status').textContent = 'Create a user to start chatting.';
  }
}

/** Reloads the chat list and the open chat; calls during a reload make one more reload after it. */
async function refresh() {
  if (state.refreshing) {
    state.refreshAgain = true;
    return;
  }
  state.refreshing = true;
  try {
    do {
      state.refreshAgain = false;
      if (state.userId === undefined) break;
      renderChats(await readApi('chats', { user_id: state.userId }));
      if (state.chat === undefined) continue;
      const result = await readApi('messages', {
        user_id: state.userId,
        ...target(),
        chat_id: state.chat.chat_id,
      });
      const key = JSON.stringify(result);
      if (key !== state.messagesKey) {
        state.messagesKey = key;
        renderMessages(result);
      }
    } while (state.refreshAgain);
  } catch (error) {
    showToast(error.message, true);
  } finally {
    state.refreshing = false;
  }
}

// ---- composer and inline mode ----

async function sendText(text) {
  if (state.chat === undefined) throw new Error('Pick a chat first');
  await control('send', { user_id: state.userId, ...target(), text });
}

function inlineTarget(text) {
  const match = /^@([A-Za-z0-9_]{4,32}) ([\s\S]*)$/.exec(text);
  if (match === null) return undefined;
  const bot = state.bots.find((b) => b.username.toLowerCase() === match[1].toLowerCase());
  return bot === undefined ? undefined : { bot, query: match[2] };
}

function hideInlineResults() {
  $('inline-results').hidden = true;
  $('inline-results').replaceChildren();
}

function scheduleInlineQuery() {
  clearTimeout(state.inlineTimer);
  const inline = inlineTarget($('composer-input').value);
  if (inline === undefined) {
    hideInlineResults();
    return;
  }
  state.inlineTimer = setTimeout(() => act(runInlineQuery(inline)), 300);
}

async function runInlineQuery(inline) {
  const seq = ++state.inlineSeq;
  const outcome = await control('inline_query', {
    user_id: state.userId,
    bot_id: inline.bot.id,
    query: inline.query,
    timeout_ms: 10_000,
  });
  if (seq !== state.inlineSeq) return;
  const box = $('inline-results');
  const results = outcome.answer?.results ?? [];
  if (results.length === 0) {
    box.replaceChildren(
      el('div', 'meta', outcome.answer === null ? 'The bot did not answer the inline query' : 'No results'),
    );
  } else {
    box.replaceChildren(
      ...results.map((result) => {
        const item = el('button', 'inline-result');
        item.type = 'button';
        item.append(
          el('span', 'title', result.title ?? result.id),
          el('span', 'meta', result.description ?? result.type),
        );
        item.addEventListener('click', () =>
          act(
            control('choose_inline_result', {
              user_id: state.userId,
              inline_query_id: outcome.inline_query_id,
              result_id: result.id,
              ...target(),
            }).then(() => {
              $('composer-input').value = '';
              hideInlineResults();
            }),
          ),
        );
        return item;
      }),
    );
  }
  box.hidden = false;
}

// ---- the debugging panel ----

function logSummary(entry) {
  const time = new Date(entry.time).toISOString().slice(11, 23);
  if (entry.kind === 'update') {
    const type = Object.keys(entry.update ?? {}).find((key) => key !== 'update_id') ?? 'update';
    return `${time} ⇢ @${entry.bot_username} update ${type}`;
  }
  const outcome = entry.ok ? 'ok' : `error ${entry.error?.error_code ?? ''}`;
  return `${time} ⇠ @${entry.bot_username} ${entry.method} ${outcome} ${entry.duration_ms} ms`;
}

function isEmptyPoll(entry) {
  return (
    entry.kind === 'call' &&
    /^getupdates$/i.test(entry.method) &&
    entry.ok &&
    Array.isArray(entry.result) &&
    entry.result.length === 0
  );
}

function addLogEntry(entry) {
  if (entry.id <= state.lastLogId) return;
  state.lastLogId = entry.id;
  const item = el('details', `entry ${entry.kind}${entry.ok === false ? ' failed' : ''}`);
  if (isEmptyPoll(entry)) item.classList.add('empty-poll');
  item.append(el('summary', undefined, logSummary(entry)));
  const { id: _id, time: _time, bot_id: _bot, bot_username: _name, ...body } = entry;
  item.append(el('pre', undefined, JSON.stringify(body, null, 2)));
  const log = $('log');
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  log.append(item);
  while (log.childElementCount > LOG_LIMIT) log.firstElementChild.remove();
  if (atBottom) log.scrollTop = log.scrollHeight;
}

async function loadLog() {
  for (const entry of await readApi('log', { after: state.lastLogId })) addLogEntry(entry);
}

// ---- wiring ----

function connect() {
  const events = new EventSource('api/events');
  events.addEventListener('open', () => {
    $('status').textContent = 'live';
    act(loadState().then(loadLog).then(refresh));
  });
  events.addEventListener('error', () => {
    $('status').textContent = 'reconnecting…';
  });
  // Users and bots created meanwhile (by a test, or another tab) join the lists.
  events.addEventListener('change', () => act(loadState().then(refresh)));
  events.addEventListener('log', (event) => addLogEntry(JSON.parse(event.data)));
}

function setup() {
  $('user-select').addEventListener('change', (event) => {
    state.userId = Number(event.target.value);
    state.chat = undefined;
    act(refresh());
  });
  $('new-user').addEventListener('click', () => {
    $('new-user-form').hidden = !$('new-user-form').hidden;
    $('new-user-name').focus();
  });
  $('new-user-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = $('new-user-name').value.trim();
    act(
      control('users', { first_name: name }).then(async (user) => {
        $('new-user-name').value = '';
        $('new-user-form').hidden = true;
        state.userId = user.id;
        state.chat = undefined;
        await loadState();
        await refresh();
      }),
    );
  });
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('composer-input');
    const text = input.value;
    if (text.trim() === '') return;
    if (inlineTarget(text) !== undefined) {
      scheduleInlineQuery();
      return;
    }
    input.value = '';
    hideInlineResults();
    act(sendText(text));
  });
  $('composer-input').addEventListener('input', scheduleInlineQuery);
  $('show-keyboard').addEventListener('click', () => {
    state.keyboardForced = true;
    state.messagesKey = '';
    refresh();
  });
  $('toggle-log').addEventListener('click', () => document.body.classList.toggle('no-log'));
  $('hide-polls').addEventListener('change', (event) =>
    document.body.classList.toggle('show-polls', !event.target.checked),
  );
  $('clear-log').addEventListener('click', () => $('log').replaceChildren());
  $('alert-ok').addEventListener('click', () => {
    $('alert').hidden = true;
  });
  connect();
}

setup();
