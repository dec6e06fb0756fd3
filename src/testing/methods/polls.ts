/** Polls, quizzes and invoices sent by bots. */
import { badRequest } from '../errors.js';
import { formatText } from '../format.js';
import type { Json } from '../state/records.js';
import type { Call, Handler } from './call.js';
import { checkCanSend, commonFields, int, str } from './call.js';

function optionText(option: unknown): string {
  if (typeof option === 'string') return option;
  if (option !== null && typeof option === 'object' && typeof (option as Json).text === 'string') {
    return (option as Json).text as string;
  }
  throw badRequest('poll option is invalid');
}

function sendPoll(call: Call): Json {
  const { world, bot, params } = call;
  const chat = world.chatForBot(bot, params.chat_id, true);
  checkCanSend(chat, bot, 'polls');
  const options = params.options as unknown[];
  if (options.length < 2 || options.length > 12) throw badRequest('POLL_ANSWERS_INVALID');
  const texts = options.map(optionText);
  if (texts.some((text) => text.length === 0 || text.length > 100)) throw badRequest('POLL_ANSWERS_INVALID');
  const type = str(params, 'type') ?? 'regular';
  if (type !== 'regular' && type !== 'quiz') throw badRequest('poll type is invalid');
  const anonymous = params.is_anonymous !== false;
  if (chat.type === 'channel' && !anonymous)
    throw badRequest("non-anonymous polls can't be sent to channel chats");
  // An older `correct_option_id` arrives here as `correct_option_ids` (see legacy.ts).
  const correct = Array.isArray(params.correct_option_ids) ? (params.correct_option_ids as number[]) : [];
  if (type === 'quiz' && (correct.length === 0 || correct.some((id) => id < 0 || id >= texts.length))) {
    throw badRequest('wrong correct option id specified');
  }
  const id = `${Date.now()}${world.nextPollNumber()}`;
  const question = formatText(
    str(params, 'question') ?? '',
    params.question_parse_mode,
    params.question_entities,
  );
  const poll: Json = {
    id,
    question: question.text,
    options: texts.map((text, index) => ({ persistent_id: String(index), text, voter_count: 0 })),
    total_voter_count: 0,
    is_closed: params.is_closed === true,
    is_anonymous: anonymous,
    type,
    allows_multiple_answers: type === 'regular' && params.allows_multiple_answers === true,
    allows_revoting: type === 'regular',
    members_only: false,
  };
  if (question.entities.length > 0) poll.question_entities = question.entities;
  if (type === 'quiz') {
    // Telegram still sends the single-answer field beside the list when exactly one is correct.
    if (correct.length === 1) poll.correct_option_id = correct[0];
    poll.correct_option_ids = correct;
  }
  if (typeof params.explanation === 'string') poll.explanation = params.explanation;
  if (typeof params.open_period === 'number') poll.open_period = params.open_period;
  if (typeof params.close_date === 'number') poll.close_date = params.close_date;
  const openPeriod = int(params, 'open_period');
  const closeDate = int(params, 'close_date');
  if (openPeriod !== undefined && (openPeriod < 5 || openPeriod > 600))
    throw badRequest('open_period is invalid');
  const record = world.addMessage(chat, bot.id, { poll, ...commonFields(chat, params) });
  const closeInMs =
    openPeriod !== undefined
      ? openPeriod * 1000
      : closeDate !== undefined
        ? closeDate * 1000 - Date.now()
        : undefined;
  if (closeInMs !== undefined) world.schedule(Math.max(0, closeInMs), () => closePoll(call, id));
  world.polls.set(id, {
    json: poll,
    chatKey: chat.key,
    messageId: record.json.message_id as number,
    botId: bot.id,
    votes: new Map(),
  });
  return record.json;
}

/** Closes a poll (when its time is up or the bot stops it) and tells its bot; undefined if already closed. */
function closePoll(call: Call, pollId: string): Json | undefined {
  const poll = call.world.polls.get(pollId);
  if (poll === undefined || poll.json.is_closed === true) return undefined;
  poll.json = { ...poll.json, is_closed: true };
  const message = call.world.chats.get(poll.chatKey)?.messages.get(poll.messageId);
  if (message !== undefined) message.json = { ...message.json, poll: poll.json };
  call.world.enqueue(call.bot, 'poll', poll.json);
  return poll.json;
}

/** Poll and invoice methods. */
export const pollMethods: Record<string, Handler> = {
  sendPoll,
  stopPoll: (call) => {
    const chat = call.world.chatForBot(call.bot, call.params.chat_id);
    const message = call.world.message(chat, call.params.message_id, 'message to stop poll not found');
    const pollJson = message.json.poll as Json | undefined;
    if (pollJson === undefined) throw badRequest('message with poll to stop not found');
    if (message.botId !== call.bot.id) throw badRequest("poll can't be stopped");
    const closed = closePoll(call, String(pollJson.id));
    if (closed === undefined) throw badRequest('poll has already been closed');
    return closed;
  },
  sendInvoice: (call) => {
    const { world, bot, params } = call;
    const chat = world.chatForBot(bot, params.chat_id, true);
    checkCanSend(chat, bot);
    const prices = params.prices as Json[];
    if (prices.length === 0) throw badRequest('prices are empty');
    const total = prices.reduce((sum, price) => sum + Number(price.amount), 0);
    const currency = str(params, 'currency') ?? '';
    if (!/^[A-Z]{3}$/.test(currency)) throw badRequest('CURRENCY_INVALID');
    const invoice: Json = {
      title: params.title,
      description: params.description,
      start_parameter: str(params, 'start_parameter') ?? '',
      currency,
      total_amount: total,
    };
    const record = world.addMessage(chat, bot.id, { invoice, ...commonFields(chat, params) });
    world.invoices.set(`${chat.key}:${String(record.json.message_id)}`, {
      payload: params.payload,
      is_flexible: params.is_flexible === true,
      prices,
      need_name: params.need_name === true,
      need_phone_number: params.need_phone_number === true,
      need_email: params.need_email === true,
      need_shipping_address: params.need_shipping_address === true,
    });
    return record.json;
  },
};
