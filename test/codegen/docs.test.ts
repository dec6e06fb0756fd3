/**
 * Hover docs of the generated code: every field of every type (class and `*Init` interface) and
 * every parameter of every method (positional ones as @param tags, optional ones in the options
 * interfaces) carries a doc comment linking to its type's or method's anchor, with the facts the
 * spec states, and none of the spec's prose.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { defaultOf, fieldDoc, limitsOf, methodDoc, type ValuesOf } from '../../codegen/docs.js';
import type { FieldModel } from '../../codegen/model.js';
import { PROJECT_ROOT, spec } from '../helpers/spec.js';

const ANCHOR_BASE = 'https://core.telegram.org/bots/api#';

function generated(name: string): string[] {
  return readFileSync(resolve(PROJECT_ROOT, 'src/generated', name), 'utf8').split('\n');
}

/** Doc comment lines of the members of each class/interface block, keyed `Block.member`. */
function memberDocs(lines: readonly string[]): Map<string, string> {
  const docs = new Map<string, string>();
  let block: string | undefined;
  for (const [i, line] of lines.entries()) {
    const head = /^export (?:class|interface) (\w+)/.exec(line);
    if (head) block = head[1];
    else if (line === '}') block = undefined;
    const member = /^ {2}(?:declare )?readonly (\w+)\??:/.exec(line);
    if (block !== undefined && member) docs.set(`${block}.${member[1]}`, lines[i - 1] ?? '');
  }
  return docs;
}

/** The JSDoc block right above each Bot method, keyed by method name. */
function methodDocs(lines: readonly string[]): Map<string, string> {
  const docs = new Map<string, string>();
  for (const [i, line] of lines.entries()) {
    const method = /^ {2}(\w+)\(.*\): Promise</.exec(line);
    if (!method || lines[i - 1] !== '   */') continue;
    let start = i - 1;
    while (start > 0 && lines[start] !== '  /**') start--;
    docs.set(method[1] as string, lines.slice(start, i).join('\n'));
  }
  return docs;
}

function optionsName(method: string): string {
  return `${method[0]?.toUpperCase()}${method.slice(1)}Options`;
}

const typeDocs = memberDocs(generated('types.ts'));
const paramDocs = memberDocs(generated('params.ts'));
const botDocs = methodDocs(generated('methods.ts'));

function isDocFor(doc: string | undefined, owner: string, member: string): boolean {
  if (doc === undefined || !doc.startsWith('  /** ') || !doc.endsWith(' */')) return false;
  return doc.includes(`[${owner}.${member}](${ANCHOR_BASE}${owner.toLowerCase()})`);
}

test('every field of every type has a doc comment linking to its type', (t) => {
  let total = 0;
  const missing: string[] = [];
  for (const type of Object.values(spec().types)) {
    if (type.name === 'InputFile') continue;
    for (const field of type.fields ?? []) {
      for (const block of [type.name, `${type.name}Init`]) {
        total++;
        if (!isDocFor(typeDocs.get(`${block}.${field.name}`), type.name, field.name)) {
          missing.push(`${block}.${field.name}`);
        }
      }
    }
  }
  t.diagnostic(`fields: ${total - missing.length}/${total} documented`);
  assert.deepEqual(missing, []);
  assert.ok(total > 3700);
});

test('every parameter of every method is documented with its method anchor', (t) => {
  let total = 0;
  const missing: string[] = [];
  const undocumentedMethods: string[] = [];
  for (const method of Object.values(spec().methods)) {
    const doc = botDocs.get(method.name);
    if (doc === undefined || !doc.includes(`(${ANCHOR_BASE}${method.name.toLowerCase()})`)) {
      undocumentedMethods.push(method.name);
    }
    const fields = method.fields ?? [];
    for (const param of fields) {
      total++;
      const ok = param.required
        ? doc !== undefined && new RegExp(`\\n {3}\\* @param ${param.name} \\S`).test(doc)
        : isDocFor(paramDocs.get(`${optionsName(method.name)}.${param.name}`), method.name, param.name);
      if (!ok) missing.push(`${method.name}.${param.name}`);
    }
    if (fields.some((f) => !f.required) && !/@param (options|other) .*\{@link \w+Options\}/.test(doc ?? '')) {
      undocumentedMethods.push(`${method.name} (its options bag)`);
    }
  }
  t.diagnostic(`parameters: ${total - missing.length}/${total} documented`);
  assert.deepEqual(missing, []);
  assert.deepEqual(undocumentedMethods, []);
  assert.ok(total > 900);
});

/** The @param line of a positional parameter. */
function paramLine(method: string, param: string): string {
  const doc = botDocs.get(method) ?? '';
  return doc.split('\n').find((l) => l.startsWith(`   * @param ${param} `)) ?? '';
}

test('comments carry the facts the spec states', () => {
  // Length limits of positional parameters.
  assert.match(paramLine('sendMessage', 'text'), /1–4096 characters after entity parsing/);
  assert.match(paramLine('sendMessage', 'chat_id'), /@username/);
  // Ranges and defaults of options.
  assert.match(
    paramDocs.get('GetUpdatesOptions.limit') ?? '',
    /Optional\. Integer\. Range 1–100\. Default: 100\./,
  );
  assert.match(paramDocs.get('SendDiceOptions.emoji') ?? '', /Default: '🎲'/);
  assert.match(
    paramDocs.get('SendPollOptions.type') ?? '',
    /One of 'quiz', 'regular'\. Default: 'regular'\./,
  );
  assert.match(typeDocs.get('VideoQuality.codec') ?? '', /E\.g\. 'h264', 'h265', 'av01'\./);
  assert.match(paramDocs.get('SendMessageOptions.parse_mode') ?? '', /'HTML', 'MarkdownV2'/);
  assert.match(paramDocs.get('SendMessageOptions.entities') ?? '', /Alternative to `parse_mode`/);
  assert.match(
    paramDocs.get('AnswerPreCheckoutQueryOptions.error_message') ?? '',
    /required when `ok` is `false`/,
  );
  // Allowed values and discriminators.
  assert.match(typeDocs.get('Chat.type') ?? '', /One of 'private', 'group', 'supergroup', 'channel'\./);
  assert.match(typeDocs.get('ChatMemberOwner.status') ?? '', /Always 'creator'\./);
  assert.match(typeDocs.get('InlineQueryResultArticleInit.type') ?? '', /Always 'article'\./);
  assert.match(
    typeDocs.get('InlineQueryResultGif.thumbnail_mime_type') ?? '',
    /One of 'image\/jpeg', 'image\/gif', 'video\/mp4'\. Default: 'image\/jpeg'\./,
  );
  // Dates: exposed as Date on objects, accepted as Date or seconds on input.
  assert.match(typeDocs.get('Message.date') ?? '', /^ {2}\/\*\* Required\. Unix time, exposed as a `Date`\./);
  assert.match(typeDocs.get('MessageInit.date') ?? '', /A `Date` or Unix seconds\./);
  // Files: what a file parameter accepts.
  assert.match(paramLine('sendPhoto', 'photo'), /an upload .*, a file_id or an HTTP URL/);
  assert.match(paramDocs.get('SendVideoOptions.thumbnail') ?? '', /new uploads only/);
  // Large identifiers and item counts.
  assert.match(typeDocs.get('User.id') ?? '', /Integer; may exceed 32 bits/);
  assert.match(paramLine('sendPoll', 'options'), /1–12 items/);
});

test('no comment repeats the spec description of its field', () => {
  // Quoted values are facts both sides share; a run of seven words outside them would be copied prose.
  const words = (text: string): string[] =>
    text
      .replace(/"[^"]*"|'[^']*'/g, ' ')
      .toLowerCase()
      .match(/[a-z0-9_]+/g) ?? [];
  const copied: string[] = [];
  const check = (key: string, doc: string | undefined, description: string): void => {
    const prose = ` ${words(description).join(' ')} `;
    const own = words((doc ?? '').replace(/\(https:[^)]*\)/g, ''));
    for (let i = 0; i + 7 <= own.length; i++) {
      if (prose.includes(` ${own.slice(i, i + 7).join(' ')} `)) {
        copied.push(`${key}: "${own.slice(i, i + 7).join(' ')}"`);
        return;
      }
    }
  };
  for (const type of Object.values(spec().types)) {
    for (const f of type.fields ?? [])
      check(`${type.name}.${f.name}`, typeDocs.get(`${type.name}.${f.name}`), f.description);
  }
  for (const method of Object.values(spec().methods)) {
    for (const p of method.fields ?? []) {
      const doc = p.required
        ? paramLine(method.name, p.name)
        : paramDocs.get(`${optionsName(method.name)}.${p.name}`);
      check(`${method.name}.${p.name}`, doc, p.description);
    }
  }
  assert.deepEqual(copied, []);
});

function field(description: string, overrides: Partial<FieldModel> = {}): FieldModel {
  return {
    name: 'kind',
    types: ['String'],
    required: true,
    ref: { kind: 'string' },
    limit: undefined,
    description,
    ...overrides,
  };
}

test('allowed values are the literal union the type mapping made', () => {
  const kind = field('Sort, one of "a" or "b"', {
    ref: {
      kind: 'union',
      members: [
        { kind: 'literal', value: 'a' },
        { kind: 'literal', value: 'b' },
      ],
    },
  });
  assert.match(fieldDoc({ name: 'Widget' }, kind, 'output'), /One of 'a', 'b'\./);
  // Quoted words the type mapping did not take as values (examples, mentions) are not listed.
  assert.doesNotMatch(
    fieldDoc({ name: 'Widget' }, field('Codec, for example, "x1" or "x2"'), 'output'),
    /One of/,
  );
});

test("values from another source replace the type's, in fields and @param tags", () => {
  const kind = field('Sort, one of "a" or "b"');
  const fromTypes: ValuesOf = (f) => (f.name === 'kind' ? ['x', 'y', 'z'] : undefined);
  assert.equal(
    fieldDoc({ name: 'Widget' }, kind, 'output', fromTypes),
    `  /** Required. One of 'x', 'y', 'z'. [Widget.kind](${ANCHOR_BASE}widget) */`,
  );
  assert.doesNotMatch(fieldDoc({ name: 'Widget' }, kind, 'output'), /One of/);
  assert.match(
    fieldDoc({ name: 'Widget' }, kind, 'output', () => ['only']),
    /Always 'only'\./,
  );
  const method = {
    name: 'makeWidget',
    href: `${ANCHOR_BASE}makewidget`,
    params: [kind],
    returns: { kind: 'true' as const },
    returnTypes: ['True'],
  };
  assert.match(methodDoc(method, undefined, fromTypes), /@param kind String\. One of 'x', 'y', 'z'\./);
});

test('limits and defaults are restated, conditional ones left out', () => {
  assert.deepEqual(limitsOf('Label; 2-30 bytes', { kind: 'string' }), ['2–30 bytes.']);
  assert.deepEqual(limitsOf('Items, a list of 3-9 things', { kind: 'array', of: { kind: 'string' } }), [
    '3–9 items.',
  ]);
  assert.deepEqual(limitsOf('Angle, must be between 0 and 90 if given', { kind: 'integer' }), [
    'Range 0–90.',
  ]);
  assert.deepEqual(limitsOf('Score, 1-6 for one die and 1-64 for a slot', { kind: 'integer' }), []);
  assert.equal(defaultOf('How many. Defaults to 25.'), 'Default: 25.');
  assert.equal(defaultOf('Flag. Defaults to False, in which case nothing happens.'), 'Default: `false`.');
  assert.equal(defaultOf('Flag, defaults to True for one case and to False otherwise'), undefined);
});
