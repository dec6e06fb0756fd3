import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApplication, INVOICE_PAYLOAD } from '../../examples/paymentbot.js';
import { Emulator } from '../../src/testing/index.js';

let emu: Emulator;
before(async () => {
  emu = await Emulator.start();
});
after(async () => {
  await emu.stop();
});

interface InvoiceJSON {
  readonly title: string;
  readonly currency: string;
  readonly total_amount: number;
}

interface PaymentJSON {
  readonly invoice_payload: string;
  readonly total_amount: number;
  readonly shipping_option_id?: string;
}

test('paymentbot: /start explains, /noshipping and /shipping invoices get paid and thanked', async () => {
  const info = await emu.createBot({ username: 'seed_payment_bot' });
  const alice = await emu.createUser({ firstName: 'Alice', username: 'alice' });
  const app = buildApplication(info.token, emu.baseUrl, { providerToken: 'TEST:provider' });
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    await alice.sendCommand(info, '/start');
    await alice.expectMessage({ text: /^Use \/shipping to receive an invoice/, timeoutMs: 5000 });

    await alice.sendCommand(info, '/noshipping');
    const plain = await alice.expectMessage({ timeoutMs: 5000 });
    const invoice = plain.invoice as InvoiceJSON;
    assert.equal(invoice.title, 'Payment Example');
    assert.equal(invoice.currency, 'USD');
    assert.equal(invoice.total_amount, 100);
    const paid = await alice.pay(plain, { timeoutMs: 3000 });
    assert.equal(paid.status, 'paid');
    const payment = paid.message?.successful_payment as PaymentJSON;
    assert.equal(payment.invoice_payload, INVOICE_PAYLOAD);
    assert.equal(payment.shipping_option_id, undefined);
    await alice.expectMessage({ text: 'Thank you for your payment.', timeoutMs: 5000 });

    await alice.sendCommand(info, '/shipping');
    const flexible = await alice.expectMessage({ timeoutMs: 5000 });
    assert.equal((flexible.invoice as InvoiceJSON).title, 'Payment Example');
    // No option chosen by the user: the emulator takes the first one the bot offered.
    const shipped = await alice.pay(flexible, { timeoutMs: 3000 });
    assert.equal(shipped.status, 'paid');
    const shippedPayment = shipped.message?.successful_payment as PaymentJSON | undefined;
    assert.equal(shippedPayment?.shipping_option_id, '1');
    await alice.expectMessage({ text: 'Thank you for your payment.', timeoutMs: 5000 });
  } finally {
    app.stopRunning();
    await running;
  }
});

test('paymentbot: invoices with a foreign payload are refused at shipping and at checkout', async () => {
  const info = await emu.createBot({ username: 'seed_payment2_bot' });
  const bob = await emu.createUser({ firstName: 'Bob', username: 'bob' });
  const app = buildApplication(info.token, emu.baseUrl, { providerToken: 'TEST:provider' });
  const running = app.runPolling({ timeout: 1, stopSignals: [] });
  try {
    // Start a private chat so the bot may write to Bob.
    await bob.sendCommand(info, '/start');
    await bob.expectMessage({ timeoutMs: 5000 });
    const prices = [{ label: 'Other', amount: 500 }];
    const flexible = await app.bot.sendInvoice(bob.id, 'Other', 'Not ours', 'Other-Payload', 'USD', prices, {
      provider_token: 'TEST:provider',
      need_shipping_address: true,
      is_flexible: true,
    });
    const atShipping = await bob.pay(flexible.toJSON() as Parameters<typeof bob.pay>[0], { timeoutMs: 3000 });
    assert.deepEqual(atShipping, { status: 'declined', error_message: 'Something went wrong...' });

    const plain = await app.bot.sendInvoice(bob.id, 'Other', 'Not ours', 'Other-Payload', 'USD', prices, {
      provider_token: 'TEST:provider',
    });
    const atCheckout = await bob.pay(plain.toJSON() as Parameters<typeof bob.pay>[0], { timeoutMs: 3000 });
    assert.deepEqual(atCheckout, { status: 'declined', error_message: 'Something went wrong...' });
    // The two invoices, and no thank-you after them.
    await bob.expectMessage({ text: '', timeoutMs: 1000 });
    await bob.expectMessage({ text: '', timeoutMs: 1000 });
    await bob.expectNoMessage({ timeoutMs: 300 });
  } finally {
    app.stopRunning();
    await running;
  }
});
