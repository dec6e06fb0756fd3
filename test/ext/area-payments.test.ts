// Payments as a bot uses them: an invoice sent in reply, the shipping and pre-checkout queries
// answered from their handlers, the successful payment caught by its filter, a Stars refund.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  filters,
  MessageHandler,
  PreCheckoutQueryHandler,
  ShippingQueryHandler,
} from '../../src/ext/index.js';
import { Update } from '../../src/index.js';
import { areaScope } from './area-scope.js';

const ALICE = { id: 11, is_bot: false, first_name: 'Alice' };
const CHAT = { id: 11, type: 'private', first_name: 'Alice' };
let updateId = 1;

const scope = areaScope();

function message(fields: Record<string, unknown>): Record<string, unknown> {
  return { update_id: updateId++, message: { message_id: 30, date: 1, chat: CHAT, from: ALICE, ...fields } };
}

function preCheckout(payload: string): Record<string, unknown> {
  return {
    update_id: updateId++,
    pre_checkout_query: {
      id: 'pcq',
      from: ALICE,
      currency: 'XTR',
      total_amount: 5,
      invoice_payload: payload,
    },
  };
}

const address = {
  country_code: 'DE',
  state: '',
  city: 'Berlin',
  street_line1: 'A 1',
  street_line2: '',
  post_code: '10115',
};

describe('payments', () => {
  test('message.replyInvoice sends a Stars invoice to the chat, without a provider token', async () => {
    scope.app.addHandler(
      new MessageHandler(filters.COMMAND, async (update) => {
        await update.effectiveMessage.replyInvoice('Coffee', 'A cup', 'coffee-1', 'XTR', [
          { label: 'Cup', amount: 5 },
        ]);
      }),
    );
    await scope.app.processUpdate(
      message({ text: '/buy', entities: [{ type: 'bot_command', offset: 0, length: 4 }] }),
    );
    assert.deepEqual(scope.errors, []);
    const { method, params } = scope.h.last();
    assert.equal(method, 'sendInvoice');
    assert.equal(params.chat_id, CHAT.id);
    assert.equal(params.currency, 'XTR');
    assert.equal(params.payload, 'coffee-1');
    assert.deepEqual(params.prices, [{ label: 'Cup', amount: 5 }]);
    assert.equal('provider_token' in params, false);
  });

  test('filters.INVOICE passes a message with an invoice and nothing else', async () => {
    const seen: string[] = [];
    scope.app.addHandler(
      new MessageHandler(filters.INVOICE, (update) => void seen.push(update.effectiveMessage.invoice.title)),
    );
    const invoice = {
      title: 'Coffee',
      description: 'A cup',
      start_parameter: 's',
      currency: 'XTR',
      total_amount: 5,
    };
    await scope.app.processUpdate(message({ invoice }));
    await scope.app.processUpdate(message({ text: 'Coffee' }));
    assert.deepEqual(seen, ['Coffee']);
  });

  test('ShippingQueryHandler answers shipping queries with options via ShippingQuery.answer', async () => {
    scope.app.addHandler(
      new ShippingQueryHandler(async (update) => {
        await update.shipping_query.answer(true, {
          shipping_options: [{ id: 'post', title: 'Post', prices: [{ label: 'Post', amount: 300 }] }],
        });
      }),
    );
    await scope.app.processUpdate(preCheckout('other'));
    assert.equal(scope.h.calls.length, 0, 'a pre-checkout query is not a shipping query');
    await scope.app.processUpdate({
      update_id: updateId++,
      shipping_query: { id: 'sq', from: ALICE, invoice_payload: 'p', shipping_address: address },
    });
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.last(), {
      method: 'answerShippingQuery',
      params: {
        shipping_query_id: 'sq',
        ok: true,
        shipping_options: [{ id: 'post', title: 'Post', prices: [{ label: 'Post', amount: 300 }] }],
      },
    });
  });

  test('PreCheckoutQueryHandler picks queries by payload and PreCheckoutQuery.answer confirms or refuses', async () => {
    scope.app.addHandler(
      new PreCheckoutQueryHandler((update) => update.pre_checkout_query.answer(true), { pattern: 'coffee-' }),
    );
    scope.app.addHandler(
      new PreCheckoutQueryHandler((update) =>
        update.pre_checkout_query.answer(false, { error_message: 'Sold out' }),
      ),
    );
    await scope.app.processUpdate(preCheckout('coffee-1'));
    assert.deepEqual(scope.h.last(), {
      method: 'answerPreCheckoutQuery',
      params: { pre_checkout_query_id: 'pcq', ok: true },
    });
    // The pattern matches at the start of the payload only, as in PTB (re.match).
    await scope.app.processUpdate(preCheckout('tea-coffee-1'));
    assert.deepEqual(scope.h.last(), {
      method: 'answerPreCheckoutQuery',
      params: { pre_checkout_query_id: 'pcq', ok: false, error_message: 'Sold out' },
    });
    assert.equal(scope.h.calls.length, 2);
    assert.deepEqual(scope.errors, []);
  });

  test('SUCCESSFUL_PAYMENT and SuccessfulPayment(payloads) route the payment; refundStarPayment refunds it', async () => {
    const paid = (payload: string) =>
      message({
        successful_payment: {
          currency: 'XTR',
          total_amount: 5,
          invoice_payload: payload,
          telegram_payment_charge_id: `charge-${payload}`,
          provider_payment_charge_id: '',
        },
      });
    const routed: string[] = [];
    scope.app.addHandler(
      new MessageHandler(new filters.SuccessfulPayment(['coffee-1', 'coffee-2']), async (update) => {
        routed.push(`coffee:${update.effectiveMessage.successful_payment.invoice_payload}`);
        await update.effectiveMessage.from?.refundStarPayment(
          update.effectiveMessage.successful_payment.telegram_payment_charge_id,
        );
      }),
    );
    scope.app.addHandler(
      new MessageHandler(filters.SUCCESSFUL_PAYMENT, (update) => {
        routed.push(`any:${update.effectiveMessage.successful_payment.invoice_payload}`);
      }),
    );
    await scope.app.processUpdate(paid('coffee-2'));
    await scope.app.processUpdate(paid('tea'));
    await scope.app.processUpdate(message({ text: 'coffee-2' }));
    assert.deepEqual(routed, ['coffee:coffee-2', 'any:tea']);
    assert.deepEqual(scope.errors, []);
    assert.deepEqual(scope.h.calls, [
      {
        method: 'refundStarPayment',
        params: { user_id: ALICE.id, telegram_payment_charge_id: 'charge-coffee-2' },
      },
    ]);
  });

  test('SuccessfulPayment given one payload as a string matches that payload, not its letters', () => {
    const filter = new filters.SuccessfulPayment('gold');
    const payment = (payload: string) => ({
      update_id: 1,
      message: {
        message_id: 1,
        date: 1,
        chat: CHAT,
        successful_payment: {
          currency: 'XTR',
          total_amount: 1,
          invoice_payload: payload,
          telegram_payment_charge_id: 'c',
          provider_payment_charge_id: '',
        },
      },
    });
    const check = (payload: string) => filter.checkUpdate(Update.fromJSON(payment(payload)));
    assert.equal(check('gold'), true);
    assert.equal(check('g'), false);
    assert.equal(filter.name, "filters.SuccessfulPayment(['gold'])");
  });
});
