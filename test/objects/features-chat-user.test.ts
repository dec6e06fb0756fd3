/**
 * Holds the Chat, ChatFullInfo, User and Message members against the checklist in
 * ../shared/FEATURES.md: every backticked name listed for them must exist on the prototypes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { Chat, ChatFullInfo, InaccessibleMessage, Message, User } from '../../src/index.js';
import '../../src/objects/properties.js';
import { PROJECT_ROOT } from '../helpers/spec.js';

const FEATURES = readFileSync(resolve(PROJECT_ROOT, '../shared/FEATURES.md'), 'utf8');

/** The checklist line that starts with `prefix` (after "- [ ] " or "- [x] "). */
function line(prefix: string): string {
  const found = FEATURES.split('\n').find((l) => /^- \[[ x]\] /.test(l) && l.slice(6).startsWith(prefix));
  assert.ok(found !== undefined, `FEATURES.md has a line starting with ${prefix}`);
  return found;
}

/**
 * The member names a line lists: backticked identifiers, with argument lists dropped and the
 * checklist's shorthands expanded (`copyMessage(s)`, `forwardFrom/To`, `a`/`b`).
 */
function namesIn(text: string, exclude: readonly string[]): string[] {
  const out: string[] = [];
  for (const [, raw] of text.matchAll(/`([^`]+)`/g)) {
    const item = raw as string;
    const plural = /^([a-z]\w*)\(s\)$/.exec(item);
    if (plural) {
      out.push(plural[1] as string, `${plural[1]}s`);
      continue;
    }
    const name = item.replace(/\(.*\)$/, '');
    const slash = /^([a-z]\w*?)(From|To)\/(From|To)$/.exec(name);
    if (slash) {
      out.push(`${slash[1]}${slash[2]}`, `${slash[1]}${slash[3]}`);
      continue;
    }
    if (/^[a-z]\w*$/.test(name) && !exclude.includes(name)) out.push(name);
  }
  return out;
}

function missing(target: { prototype: object }, names: readonly string[]): string[] {
  return names.filter((name) => !(name in target.prototype));
}

const CHAT_LINES = [
  '`Chat`/`ChatFullInfo` properties:',
  '`Chat` shortcuts (chat_id filled):',
  '`Chat` admin shortcuts:',
  '`Chat` invite/join shortcuts:',
  '`Chat` forum shortcuts:',
];

describe('FEATURES.md: Chat and User', () => {
  const chatNames = CHAT_LINES.flatMap((prefix) => namesIn(line(prefix), []));

  test('the checklist lines are found and list many names', () => {
    assert.ok(chatNames.length > 90, `${chatNames.length} names`);
    assert.ok(chatNames.includes('forwardMessagesTo'));
    assert.ok(chatNames.includes('unpinAllGeneralForumTopicMessages'));
  });

  test('Chat and ChatFullInfo have every listed member', () => {
    assert.deepEqual(missing(Chat, chatNames), []);
    assert.deepEqual(missing(ChatFullInfo, chatNames), []);
  });

  test('User has every listed member, and every send* a chat has', () => {
    const userNames = [
      ...namesIn(line('`User` properties:'), []),
      ...namesIn(line('`User` shortcuts (chat_id = user id):'), []),
      ...chatNames.filter((name) => name.startsWith('send')),
    ];
    assert.ok(userNames.includes('replaceToken'));
    assert.ok(userNames.includes('copyMessages'));
    assert.deepEqual(missing(User, userNames), []);
  });
});

describe('FEATURES.md: Message properties and entity parsing', () => {
  test('Message has every listed property and parser', () => {
    const names = [
      ...namesIn(line('`Message` properties:'), []),
      ...namesIn(line('`Message` entity parsing:'), []),
    ];
    assert.ok(names.includes('captionMarkdownV2Urled'));
    assert.ok(names.includes('parseCaptionEntities'));
    assert.deepEqual(missing(Message, names), []);
    assert.ok('isAccessible' in InaccessibleMessage.prototype);
  });
});
