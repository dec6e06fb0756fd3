/**
 * Users talking to bots through queries: pressing inline buttons, inline mode, voting in polls and
 * paying invoices. Each waits (bounded) for the bot's answer and returns it.
 */
import { badRequest } from '../errors.js';
import { detectEntities, formatText } from '../format.js';
import type { Json, MessageRecord } from './records.js';
import { routeMessage } from './routing.js';
import type { ChatTarget } from './user-messages.js';
import { userChat, userPhoneNumber } from './user-messages.js';
import type { PendingQuery, World } from './world.js';
import { botUserJson } from './world.js';

/** The bot's answer to a query, or undefined when it did not answer in time. */
export interface QueryOutcome {
  readonly queryId: string;
  readonly answer: Json | undefined;
}

async function ask(
  world: World,
  botId: number,
  kind: PendingQuery['kind'],
  userId: number,
  payload: Json,
  timeoutMs: number,
): Promise<QueryOutcome> {
  const bot = world.botsById.get(botId);
  if (bot === undefined) throw badRequest('bot not found');
  const id = world.queryId();
  const query: PendingQuery = { botId, kind, userId, payload: { id, ...payload }, answer: undefined };
  world.queries.set(id, query);
  world.enqueue(bot, kind, query.payload);
  const answer = await world.waitFor(() => query.answer, timeoutMs);
  return { queryId: id, answer };
}

interface Button {
  readonly text: string;
  readonly callback_data?: string;
  readonly url?: string;
}

function findButton(message: MessageRecord, text: string | undefined, data: string | undefined): Button {
  const markup = message.json.reply_markup as { inline_keyboard?: Button[][] } | undefined;
  for (const row of markup?.inline_keyboard ?? []) {
    for (const button of row) {
      if (text !== undefined && button.text === text) return button;
      if (data !== undefined && button.callback_data === data) return button;
    }
  }
  throw badRequest(`no inline button ${text !== undefined ? `with text "${text}"` : `with data "${data}"`}`);
}

/** A user presses an inline button; resolves to the bot's `answerCallbackQuery` (or a URL button's URL). */
export async function userClick(
  world: World,
  userId: number,
  target: ChatTarget,
  messageId: unknown,
  button: { text?: string | undefined; data?: string | undefined },
  timeoutMs: number,
): Promise<QueryOutcome & { url?: string }> {
  const chat = userChat(world, userId, target);
  const message = world.message(chat, messageId);
  const found = findButton(message, button.text, button.data);
  if (found.url !== undefined) return { queryId: '', answer: undefined, url: found.url };
  if (found.callback_data === undefined) throw badRequest('the button sends no callback data');
  const chatInstance = String(Math.abs(chat.id) * 7 + (chat.botId ?? 0));
  const viaBot = message.json.via_bot as Json | undefined;
  if (message.botId === undefined && typeof viaBot?.id === 'number') {
    // A message sent through inline mode: the query names the inline message, not the chat's message.
    let inlineId: string | undefined;
    for (const [id, ref] of world.inlineMessages) {
      if (ref.chatKey === chat.key && ref.messageId === message.json.message_id) inlineId = id;
    }
    if (inlineId === undefined) throw badRequest('the message has no inline message id');
    const payload: Json = {
      from: world.accountJson(userId),
      inline_message_id: inlineId,
      chat_instance: chatInstance,
      data: found.callback_data,
    };
    return ask(world, viaBot.id, 'callback_query', userId, payload, timeoutMs);
  }
  if (message.botId === undefined) throw badRequest('the message was not sent by a bot');
  const payload: Json = {
    from: world.accountJson(userId),
    message: message.json,
    chat_instance: chatInstance,
    data: found.callback_data,
  };
  return ask(world, message.botId, 'callback_query', userId, payload, timeoutMs);
}

/** A user types an inline query to a bot; resolves to the bot's `answerInlineQuery`. */
export function userInlineQuery(
  world: World,
  userId: number,
  botId: number,
  query: string,
  offset: string,
  timeoutMs: number,
): Promise<QueryOutcome> {
  const payload: Json = { from: world.accountJson(userId), query, offset, chat_type: 'sender' };
  return ask(world, botId, 'inline_query', userId, payload, timeoutMs);
}

function contentOfResult(result: Json): Json {
  const input = result.input_message_content as Json | undefined;
  if (input !== undefined) {
    if (typeof input.message_text === 'string') {
      // The chosen message is formatted as any sent text: parse_mode markup becomes entities.
      const { text, entities } = formatText(input.message_text, input.parse_mode, input.entities);
      const preview = input.link_preview_options;
      return {
        text,
        ...(entities.length > 0 && { entities }),
        ...(preview !== undefined && { link_preview_options: preview }),
      };
    }
    if (input.latitude !== undefined && input.title !== undefined) {
      const location = { latitude: input.latitude, longitude: input.longitude };
      return { venue: { location, title: input.title, address: input.address }, location };
    }
    if (input.latitude !== undefined)
      return { location: { latitude: input.latitude, longitude: input.longitude } };
    if (input.phone_number !== undefined)
      return { contact: { phone_number: input.phone_number, first_name: input.first_name } };
  }
  const caption = typeof result.caption === 'string' ? { caption: result.caption } : {};
  return { text: typeof result.title === 'string' ? result.title : String(result.type), ...caption };
}

/**
 * A user picks one result of an answered inline query: the message appears in the chat "via" the
 * bot, and the bot gets `chosen_inline_result`.
 */
export function userChooseResult(
  world: World,
  userId: number,
  queryId: string,
  resultId: string,
  target: ChatTarget,
): Json {
  const query = world.queries.get(queryId);
  if (query === undefined || query.kind !== 'inline_query' || query.userId !== userId)
    throw badRequest('inline query not found');
  const results = (query.answer?.results as Json[] | undefined) ?? [];
  const result = results.find((item) => item.id === resultId);
  if (result === undefined) throw badRequest('inline result not found');
  const bot = world.botsById.get(query.botId);
  if (bot === undefined) throw badRequest('bot not found');
  const chat = userChat(
    world,
    userId,
    target.chatId === undefined && target.botId === undefined ? { botId: bot.id } : target,
  );
  const fields: Json = { ...contentOfResult(result), via_bot: botUserJson(bot) };
  if (typeof fields.text === 'string' && fields.entities === undefined) {
    const entities = detectEntities(fields.text);
    if (entities.length > 0) fields.entities = entities;
  }
  if (result.reply_markup !== undefined) fields.reply_markup = result.reply_markup;
  const record = world.addMessage(chat, userId, fields);
  routeMessage(world, chat, record);
  const chosen: Json = { result_id: resultId, from: world.accountJson(userId), query: query.payload.query };
  if (result.reply_markup !== undefined) {
    const inlineId = `inline-${queryId}-${resultId}`;
    world.inlineMessages.set(inlineId, { chatKey: chat.key, messageId: record.json.message_id as number });
    chosen.inline_message_id = inlineId;
  }
  world.enqueue(bot, 'chosen_inline_result', chosen);
  return record.json;
}

/** A user votes in a poll (an empty list retracts the vote). */
export function userVote(world: World, userId: number, pollId: string, optionIds: readonly number[]): Json {
  const poll = world.polls.get(pollId);
  if (poll === undefined) throw badRequest('poll not found');
  const json = poll.json;
  if (json.is_closed === true) throw badRequest('POLL_CLOSED');
  const options = json.options as Json[];
  if (optionIds.some((id) => !Number.isInteger(id) || id < 0 || id >= options.length))
    throw badRequest('option is invalid');
  if (optionIds.length > 1 && json.allows_multiple_answers !== true)
    throw badRequest('poll allows one answer only');
  if (json.type === 'quiz' && poll.votes.has(userId)) throw badRequest('quiz answers cannot be changed');
  if (optionIds.length === 0) poll.votes.delete(userId);
  else poll.votes.set(userId, [...optionIds]);
  const counts = options.map(() => 0);
  for (const choice of poll.votes.values()) for (const id of choice) counts[id] = (counts[id] ?? 0) + 1;
  poll.json = {
    ...json,
    options: options.map((option, index) => ({ ...option, voter_count: counts[index] ?? 0 })),
    total_voter_count: poll.votes.size,
  };
  const chat = world.chats.get(poll.chatKey);
  const message = chat?.messages.get(poll.messageId);
  if (message !== undefined) message.json = { ...message.json, poll: poll.json };
  const bot = world.botsById.get(poll.botId);
  if (bot !== undefined) {
    if (json.is_anonymous !== true) {
      world.enqueue(bot, 'poll_answer', {
        poll_id: pollId,
        user: world.accountJson(userId),
        option_ids: [...optionIds],
        option_persistent_ids: optionIds.map((id) => String(options[id]?.persistent_id ?? id)),
      });
    }
    world.enqueue(bot, 'poll', poll.json);
  }
  return poll.json;
}

/** The sum of a shipping option's price portions, in the currency's smallest units. */
function shippingTotal(option: Json): number {
  const prices = Array.isArray(option.prices) ? (option.prices as Json[]) : [];
  return prices.reduce((sum, price) => sum + (typeof price.amount === 'number' ? price.amount : 0), 0);
}

/** The address a simulated user gives when none is set. */
const DEFAULT_ADDRESS: Json = {
  country_code: 'US',
  state: '',
  city: 'Springfield',
  street_line1: '1 Main St',
  street_line2: '',
  post_code: '00001',
};

const ADDRESS_FIELDS = Object.keys(DEFAULT_ADDRESS);

function given(source: Json | undefined, field: string): string | undefined {
  const value = source?.[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`order_info.${field} must be a string`);
  return value;
}

/**
 * What the user fills in on the payment form: exactly the details the invoice asks for (a
 * flexible invoice asks for the address too, to quote shipping). Fields the user did not give
 * get defaults made from the user's profile; fields the invoice does not ask for are dropped.
 * Undefined when the invoice asks for nothing.
 */
function orderInfo(world: World, userId: number, details: Json, input: Json | undefined): Json | undefined {
  const user = world.user(userId);
  const out: Json = {};
  if (details.need_name === true) {
    out.name = given(input, 'name') ?? [user.first_name, user.last_name ?? 'Example'].join(' ');
  }
  if (details.need_phone_number === true) {
    out.phone_number = given(input, 'phone_number') ?? userPhoneNumber(userId);
  }
  if (details.need_email === true) {
    const local = (user.username ?? `user${userId}`).toLowerCase();
    out.email = given(input, 'email') ?? `${local}@example.com`;
  }
  if (details.need_shipping_address === true || details.is_flexible === true) {
    const address = input?.shipping_address;
    if (
      address !== undefined &&
      (typeof address !== 'object' || address === null || Array.isArray(address))
    ) {
      throw badRequest('order_info.shipping_address must be an object');
    }
    const parts: Json = {};
    for (const field of ADDRESS_FIELDS) {
      parts[field] = given(address as Json | undefined, field) ?? DEFAULT_ADDRESS[field];
    }
    if (!/^[A-Z]{2}$/.test(String(parts.country_code))) {
      throw badRequest('order_info.shipping_address.country_code must be two capital letters');
    }
    out.shipping_address = parts;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** How a payment ended. */
export interface PaymentOutcome {
  readonly status: 'paid' | 'declined' | 'timeout';
  readonly error_message?: string;
  readonly message?: Json;
}

/**
 * A user pays an invoice message: a shipping query first for flexible invoices, then the
 * pre-checkout query; when the bot accepts, a `successful_payment` message follows. A given
 * shipping option id must be one the bot offered (the first offered one by default); the charged
 * total adds that option's prices to the invoice's. The order details the invoice asks for
 * (`need_name`...) come from `orderInfo`, with defaults for what it leaves out, and reach the bot
 * as `order_info` in the pre-checkout query and the payment (the address also in the shipping
 * query).
 */
export async function userPay(
  world: World,
  userId: number,
  target: ChatTarget,
  messageId: unknown,
  options: { orderInfo?: Json | undefined; shippingOptionId?: string | undefined; timeoutMs: number },
): Promise<PaymentOutcome> {
  const chat = userChat(world, userId, target);
  const message = world.message(chat, messageId);
  const invoice = message.json.invoice as Json | undefined;
  const details = world.invoices.get(`${chat.key}:${String(messageId)}`);
  if (invoice === undefined || details === undefined || message.botId === undefined) {
    throw badRequest('the message has no invoice');
  }
  const botId = message.botId;
  const from = world.accountJson(userId);
  let shippingOptionId = options.shippingOptionId;
  let shippingCost = 0;
  if (details.is_flexible !== true && shippingOptionId !== undefined) {
    throw badRequest('the invoice has no shipping options');
  }
  const order = orderInfo(world, userId, details, options.orderInfo);
  if (details.is_flexible === true) {
    const shipping = await ask(
      world,
      botId,
      'shipping_query',
      userId,
      {
        from,
        invoice_payload: details.payload,
        shipping_address: order?.shipping_address ?? DEFAULT_ADDRESS,
      },
      options.timeoutMs,
    );
    if (shipping.answer === undefined) return { status: 'timeout' };
    if (shipping.answer.ok !== true)
      return { status: 'declined', error_message: String(shipping.answer.error_message ?? '') };
    const offered = (shipping.answer.shipping_options as Json[] | undefined) ?? [];
    shippingOptionId ??= offered[0]?.id as string | undefined;
    const chosen = offered.find((option) => option.id === shippingOptionId);
    if (chosen === undefined) {
      const ids = offered.map((option) => JSON.stringify(option.id)).join(', ') || 'none';
      throw badRequest(`shipping option "${String(shippingOptionId)}" was not offered (offered: ${ids})`);
    }
    shippingCost = shippingTotal(chosen);
  }
  // What the user is charged: the invoice's prices plus those of the chosen shipping option.
  const totalAmount = Number(invoice.total_amount) + shippingCost;
  const checkout: Json = {
    from,
    currency: invoice.currency,
    total_amount: totalAmount,
    invoice_payload: details.payload,
  };
  if (shippingOptionId !== undefined) checkout.shipping_option_id = shippingOptionId;
  if (order !== undefined) checkout.order_info = order;
  const answer = await ask(world, botId, 'pre_checkout_query', userId, checkout, options.timeoutMs);
  if (answer.answer === undefined) return { status: 'timeout' };
  if (answer.answer.ok !== true)
    return { status: 'declined', error_message: String(answer.answer.error_message ?? '') };
  const payment: Json = {
    currency: invoice.currency,
    total_amount: totalAmount,
    invoice_payload: details.payload,
    telegram_payment_charge_id: `tg_charge_${answer.queryId}`,
    provider_payment_charge_id: `provider_charge_${answer.queryId}`,
  };
  if (shippingOptionId !== undefined) payment.shipping_option_id = shippingOptionId;
  if (order !== undefined) payment.order_info = order;
  const record = world.addMessage(chat, userId, { successful_payment: payment });
  routeMessage(world, chat, record);
  return { status: 'paid', message: record.json };
}
