/**
 * Holds the shortcuts against the checklist in ../shared/FEATURES.md (section 1.3): every name
 * listed for Message, CallbackQuery, the answerable queries, the media objects and the keyboard
 * builders must exist on the class (prototype methods) or on the class itself (static builders).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as api from '../../src/index.js';
import '../../src/objects/shortcuts.js';

const features = readFileSync(new URL('../../../shared/FEATURES.md', import.meta.url), 'utf8');
const lines = features.split('\n');

/** The checklist line that starts with `prefix` (after the checkbox). */
function line(prefix: string): string {
  const found = lines.find((l) => /^- \[.\] /.test(l) && l.replace(/^- \[.\] /, '').startsWith(prefix));
  assert.ok(found !== undefined, `FEATURES.md has no line starting with ${prefix}`);
  return found;
}

function withoutParentheses(text: string): string {
  let out = text;
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(/\([^()]*\)/g, '');
  }
  return out;
}

/** The backticked names of the list after the line's first colon, parenthesised asides dropped. */
function listedNames(prefix: string): string[] {
  const text = withoutParentheses(line(prefix));
  const list = text.slice(text.indexOf(': ') + 2);
  return [...list.matchAll(/`([A-Za-z][A-Za-z0-9]*)`/g)].map((m) => m[1] as string);
}

type Member = readonly [className: string, member: string];

/** `Class.method` names, where a bare `method` belongs to the class named last. */
function qualifiedNames(prefix: string): Member[] {
  const found: Member[] = [];
  let current = '';
  for (const m of withoutParentheses(line(prefix)).matchAll(/`([A-Za-z.]+)`/g)) {
    const [owner, name] = (m[1] as string).includes('.') ? (m[1] as string).split('.') : [current, m[1]];
    current = owner as string;
    found.push([current, name as string]);
  }
  return found;
}

function classNamed(name: string): { prototype: object } & Record<string, unknown> {
  const value = (api as Record<string, unknown>)[name];
  assert.equal(typeof value, 'function', `${name} is not exported`);
  return value as { prototype: object } & Record<string, unknown>;
}

function missingOnPrototype(members: readonly Member[]): string[] {
  return members
    .filter(
      ([owner, name]) => typeof (classNamed(owner).prototype as Record<string, unknown>)[name] !== 'function',
    )
    .map(([owner, name]) => `${owner}.prototype.${name}`);
}

test('every Message reply, action and forum shortcut of FEATURES.md exists', () => {
  const reply = listedNames('`Message` reply shortcuts');
  const action = listedNames('`Message` action shortcuts');
  const forum = listedNames('`Message` forum shortcuts');
  assert.ok(reply.length >= 26 && action.length >= 21 && forum.length >= 5, 'the lists were read');
  assert.ok(reply.includes('replyText') && !reply.includes('doQuote'));
  const members = [...reply, ...action, ...forum].map((name) => ['Message', name] as const);
  assert.deepEqual(missingOnPrototype(members), []);
});

test('Message.buildReplyArguments and computeQuotePositionAndEntities exist', () => {
  const members = qualifiedNames('`Message.buildReplyArguments');
  assert.deepEqual(members, [
    ['Message', 'buildReplyArguments'],
    ['Message', 'computeQuotePositionAndEntities'],
  ]);
  assert.deepEqual(missingOnPrototype(members), []);
});

test('every CallbackQuery shortcut of FEATURES.md exists', () => {
  const names = listedNames('`CallbackQuery` shortcuts');
  assert.ok(names.length >= 14, 'the list was read');
  assert.deepEqual(missingOnPrototype(names.map((name) => ['CallbackQuery', name] as const)), []);
});

test('the InlineQuery, ChatJoinRequest, PreCheckoutQuery and ShippingQuery shortcuts exist', () => {
  const members = qualifiedNames('`InlineQuery.answer');
  assert.deepEqual(
    members.map(([owner]) => owner),
    ['InlineQuery', 'ChatJoinRequest', 'ChatJoinRequest', 'PreCheckoutQuery', 'ShippingQuery'],
  );
  assert.deepEqual(missingOnPrototype(members), []);
});

test('every media object of FEATURES.md has getFile; ChatPhoto has getSmallFile and getBigFile', () => {
  const text = line('Media objects');
  const owners = withoutParentheses(text.slice(text.indexOf(' on ') + 4))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  assert.ok(owners.length >= 11 && owners.includes('ChatPhoto'), 'the list was read');
  const members: Member[] = owners.flatMap((owner): Member[] =>
    owner === 'ChatPhoto'
      ? [
          [owner, 'getSmallFile'],
          [owner, 'getBigFile'],
        ]
      : [[owner, 'getFile']],
  );
  assert.deepEqual(missingOnPrototype(members), []);
});

test('the keyboard builders of FEATURES.md exist as static methods', () => {
  const text = line('Keyboard builders');
  const statics = [...text.matchAll(/`([A-Za-z]+)\.([A-Za-z/]+)`/g)].flatMap((m) =>
    (m[2] as string).split('/').map((name) => [m[1] as string, name] as const),
  );
  assert.equal(statics.length, 6, 'the list was read');
  const missing = statics.filter(([owner, name]) => typeof classNamed(owner)[name] !== 'function');
  assert.deepEqual(missing, []);
});
