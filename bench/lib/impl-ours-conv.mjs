// Ours with a ConversationHandler installed first in the handler set (issue 11: what a
// conversation costs the updates that are not part of it). Everything else is impl-ours.mjs.
import * as ours from './impl-ours.mjs';

ours.options.conversation = true;

export const name = 'ours-conv';
export const { build, dispatchSetup, parseSetup, pollingEcho } = ours;
