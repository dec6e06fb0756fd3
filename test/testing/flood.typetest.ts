/**
 * Type-level tests of the flood-limit options (only type-checked, by `npm run typecheck`): one
 * camelCase spelling, a boolean or an object of numbers. Each `@ts-expect-error` must stay an error.
 */
import type { Emulator, EmulatorOptions, FloodLimits } from '../../src/testing/index.js';

declare const emu: Emulator;

export const telegrams: EmulatorOptions = { floodLimits: true };
export const off: EmulatorOptions = { floodLimits: false };
export const tuned: EmulatorOptions = { floodLimits: { groupPerMinute: 5, privateBurst: 1 } };
// @ts-expect-error the control API's snake_case spelling is no TypeScript option
export const snake: FloodLimits = { group_per_minute: 5 };
// @ts-expect-error the per-bot option of old is gone: globalPerSecond replaces it
export const old: EmulatorOptions = { floodLimit: { perSecond: 1, retryAfter: 1 } };
// @ts-expect-error limits are numbers
export const text: FloodLimits = { privatePerSecond: '1' };

export async function atRunTime(): Promise<void> {
  await emu.setFloodLimits(true);
  await emu.setFloodLimits({ globalPerSecond: 10 });
  // @ts-expect-error turning limits off is `false`, not undefined
  await emu.setFloodLimits(undefined);
  await emu.advanceClock(1000);
}
