/** Answering queries: callback, inline, shipping and pre-checkout. */
import { badRequest } from '../errors.js';
import type { Json } from '../state/records.js';
import type { PendingQuery } from '../state/world.js';
import type { Call, Handler } from './call.js';
import { str } from './call.js';

function pending(call: Call, idParam: string, kind: PendingQuery['kind']): PendingQuery {
  const query = call.world.queries.get(str(call.params, idParam) ?? '');
  if (
    query === undefined ||
    query.kind !== kind ||
    query.botId !== call.bot.id ||
    query.answer !== undefined
  ) {
    throw badRequest('query is too old and response timeout expired or query ID is invalid');
  }
  return query;
}

function pick(params: Json, names: readonly string[]): Json {
  const out: Json = {};
  for (const name of names) if (params[name] !== undefined) out[name] = params[name];
  return out;
}

/** Query-answering methods. */
export const queryMethods: Record<string, Handler> = {
  answerCallbackQuery: (call) => {
    const query = pending(call, 'callback_query_id', 'callback_query');
    query.answer = pick(call.params, ['text', 'show_alert', 'url', 'cache_time']);
    const text = typeof query.answer.text === 'string' ? query.answer.text : '';
    const summary = `${query.answer.show_alert === true ? 'alert' : 'notification'}: ${text}`;
    const message = query.payload.message as Json | undefined;
    const chatJson = message?.chat as Json | undefined;
    const inline = call.world.inlineMessages.get(String(query.payload.inline_message_id));
    const chat =
      chatJson !== undefined
        ? call.world.chatByRef(chatJson.id as number, call.bot.id)
        : inline === undefined
          ? undefined
          : call.world.chats.get(inline.chatKey);
    const messageId = chatJson !== undefined ? (message?.message_id as number) : inline?.messageId;
    if (chat !== undefined) {
      call.world.log(chat, 'callback_answer', call.bot.id, messageId, query.answer, undefined, summary);
    }
    call.world.bump();
    return true;
  },
  answerInlineQuery: (call) => {
    const query = pending(call, 'inline_query_id', 'inline_query');
    const results = call.params.results as Json[];
    if (results.length > 50) throw badRequest('RESULTS_TOO_MUCH');
    const ids = new Set<unknown>();
    for (const result of results) {
      const id = result.id;
      if (typeof id !== 'string' || id.length === 0 || Buffer.byteLength(id) > 64)
        throw badRequest('RESULT_ID_INVALID');
      if (ids.has(id)) throw badRequest('RESULT_ID_DUPLICATE');
      ids.add(id);
    }
    query.answer = pick(call.params, ['results', 'cache_time', 'is_personal', 'next_offset', 'button']);
    call.world.bump();
    return true;
  },
  answerShippingQuery: (call) => {
    const query = pending(call, 'shipping_query_id', 'shipping_query');
    const ok = call.params.ok === true;
    if (ok && !Array.isArray(call.params.shipping_options)) throw badRequest('SHIPPING_OPTIONS_EMPTY');
    if (!ok && call.params.error_message === undefined) throw badRequest('error_message is empty');
    query.answer = pick(call.params, ['ok', 'shipping_options', 'error_message']);
    call.world.bump();
    return true;
  },
  answerPreCheckoutQuery: (call) => {
    const query = pending(call, 'pre_checkout_query_id', 'pre_checkout_query');
    const ok = call.params.ok === true;
    if (!ok && call.params.error_message === undefined) throw badRequest('error_message is empty');
    query.answer = pick(call.params, ['ok', 'error_message']);
    call.world.bump();
    return true;
  },
};
