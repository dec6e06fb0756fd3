/**
 * The message-carrying update kinds are derived from the generated Update type; the filters'
 * `MessageSlot` is the same type. Only type-checked (`npm run typecheck`).
 */
import type { MessageUpdateType } from '../../src/constants/message-types.js';
import type { MessageSlot } from '../../src/ext/filters/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

export function derivedKinds(): void {
  expectType<
    Equal<
      MessageUpdateType,
      | 'message'
      | 'edited_message'
      | 'channel_post'
      | 'edited_channel_post'
      | 'business_message'
      | 'edited_business_message'
      | 'guest_message'
    >
  >(true);
  expectType<Equal<MessageSlot, MessageUpdateType>>(true);
  // @ts-expect-error a callback query carries no message of its own
  const query: MessageUpdateType = 'callback_query';
  void query;
}
