/**
 * Type tests of `rateLimitArgs`: every API method of a bot and `callApi` take it in their call
 * settings, typed as `RateLimitArgs`; the builder takes only rate limiters.
 * Only type-checked (`npm run typecheck`); each `@ts-expect-error` must stay an error.
 */
import {
  Application,
  BaseRateLimiter,
  type ExtBot,
  type RateLimitArgs,
  RateLimiter,
} from '../../src/ext/index.js';

declare const bot: ExtBot;

export async function sends(): Promise<void> {
  await bot.sendMessage(1, 'hi', {}, { rateLimitArgs: { maxRetries: 2, priority: 'low' } });
  await bot.getMe({ rateLimitArgs: { priority: 'normal' } });
  await bot.callApi('sendMessage', { chat_id: 1, text: 'x' }, { rateLimitArgs: { maxRetries: 0 } });
  // @ts-expect-error priorities are 'normal' and 'low'
  await bot.sendMessage(1, 'hi', {}, { rateLimitArgs: { priority: 'urgent' } });
  // @ts-expect-error maxRetries is a number
  await bot.sendMessage(1, 'hi', {}, { rateLimitArgs: { maxRetries: '2' } });
  // @ts-expect-error rateLimitArgs is an object (PTB 20 took a bare number)
  await bot.sendMessage(1, 'hi', {}, { rateLimitArgs: 3 });
}

export function builds(): void {
  Application.builder().rateLimiter(new RateLimiter({ maxRetries: 1 }));
  Application.builder().rateLimiter(null);
  // @ts-expect-error only a BaseRateLimiter
  Application.builder().rateLimiter({});
}

export class Custom extends BaseRateLimiter {
  async initialize(): Promise<void> {}
  async shutdown(): Promise<void> {}
  processRequest<T>(
    callback: () => Promise<T>,
    _endpoint: string,
    _data: object,
    args: RateLimitArgs | undefined,
  ) {
    return args?.priority === 'low' ? callback() : callback();
  }
}
