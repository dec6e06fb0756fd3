/**
 * The seed's paymentbot on the framework: `/shipping` sends an invoice that asks for a shipping
 * address (the bot then offers shipping options), `/noshipping` one that does not; the bot checks
 * the invoice payload before checkout and thanks the user once paid. Run it with
 * `BOT_TOKEN=<token> PAYMENT_PROVIDER_TOKEN=<token> npx tsx examples/paymentbot.ts` (add
 * BOT_API_BASE_URL to run it against the emulator).
 */
import { pathToFileURL } from 'node:url';
import { type LabeledPriceInit, type ShippingOptionInit, Update } from 'typescript-telegram-bot';
import {
  Application,
  CommandHandler,
  type ContextTypes,
  filters,
  MessageHandler,
  PreCheckoutQueryHandler,
  ShippingQueryHandler,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

/** The payload our invoices carry; queries with any other payload are refused. */
export const INVOICE_PAYLOAD = 'Custom-Payload';

const TITLE = 'Payment Example';
const DESCRIPTION = 'Example of a payment process using the typescript-telegram-bot library.';
const CURRENCY = 'USD';
/** One dollar, in cents (amounts are in the currency's smallest unit). */
const PRICES: readonly LabeledPriceInit[] = [{ label: 'Test', amount: 100 }];

/** The shipping options offered for any address. */
export const SHIPPING_OPTIONS: readonly ShippingOptionInit[] = [
  { id: '1', title: 'Shipping Option A', prices: [{ label: 'A', amount: 100 }] },
  {
    id: '2',
    title: 'Shipping Option B',
    prices: [
      { label: 'B1', amount: 150 },
      { label: 'B2', amount: 200 },
    ],
  },
];

/** The payment provider's token, kept in `botData` by {@link buildApplication}. */
function providerToken(context: Context): string {
  return (context.botData.providerToken as string | undefined) ?? '';
}

/** `/start`: how to use the bot. */
export async function start(update: Update, _context: Context): Promise<void> {
  await update.message?.replyText(
    'Use /shipping to receive an invoice with shipping included, or /noshipping for an invoice without shipping.',
  );
}

/** `/shipping`: an invoice that needs contact details and a shipping address, priced per address. */
export async function startWithShipping(update: Update, context: Context): Promise<void> {
  const chat = update.effectiveChat;
  if (chat === undefined) return;
  await context.bot.sendInvoice(chat.id, TITLE, DESCRIPTION, INVOICE_PAYLOAD, CURRENCY, PRICES, {
    provider_token: providerToken(context),
    need_name: true,
    need_phone_number: true,
    need_email: true,
    need_shipping_address: true,
    // Flexible: the final price depends on the shipping option, so Telegram sends a shipping query.
    is_flexible: true,
  });
}

/** `/noshipping`: a plain invoice. */
export async function startWithoutShipping(update: Update, context: Context): Promise<void> {
  const chat = update.effectiveChat;
  if (chat === undefined) return;
  await context.bot.sendInvoice(chat.id, TITLE, DESCRIPTION, INVOICE_PAYLOAD, CURRENCY, PRICES, {
    provider_token: providerToken(context),
  });
}

/** A shipping address arrived: offer the shipping options, for our own invoices only. */
export async function shipping(update: Update, _context: Context): Promise<void> {
  const query = update.shipping_query;
  if (query === undefined) return;
  if (query.invoice_payload !== INVOICE_PAYLOAD) {
    await query.answer(false, { error_message: 'Something went wrong...' });
    return;
  }
  await query.answer(true, { shipping_options: SHIPPING_OPTIONS });
}

/** The last step before the charge: confirm it for our own invoices only. */
export async function precheckout(update: Update, _context: Context): Promise<void> {
  const query = update.pre_checkout_query;
  if (query === undefined) return;
  if (query.invoice_payload !== INVOICE_PAYLOAD) {
    await query.answer(false, { error_message: 'Something went wrong...' });
  } else {
    await query.answer(true);
  }
}

/** The payment went through. */
export async function successfulPayment(update: Update, _context: Context): Promise<void> {
  await update.message?.replyText('Thank you for your payment.');
}

/** Options of {@link buildApplication}. */
export interface PaymentBotOptions {
  /** The payment provider's token; `PAYMENT_PROVIDER_TOKEN` from the environment by default. */
  readonly providerToken?: string;
}

/** The application with the paymentbot's handlers, not yet running. */
export function buildApplication(
  token: string,
  baseUrl?: string,
  options: PaymentBotOptions = {},
): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  app.botData.providerToken = options.providerToken ?? process.env.PAYMENT_PROVIDER_TOKEN ?? '';
  app.addHandler(new CommandHandler('start', start));
  app.addHandler(new CommandHandler('shipping', startWithShipping));
  app.addHandler(new CommandHandler('noshipping', startWithoutShipping));
  app.addHandler(new ShippingQueryHandler(shipping));
  app.addHandler(new PreCheckoutQueryHandler(precheckout));
  app.addHandler(new MessageHandler(filters.SUCCESSFUL_PAYMENT, successfulPayment));
  return app;
}

async function main(): Promise<void> {
  const token = process.env.BOT_TOKEN;
  if (!token) throw new Error('Set BOT_TOKEN to the token @BotFather gave you');
  const app = buildApplication(token, process.env.BOT_API_BASE_URL);
  // Shipping and pre-checkout queries must be among the allowed updates.
  await app.runPolling({ allowedUpdates: Update.ALL_TYPES });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
