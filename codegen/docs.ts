/**
 * Doc comments for generated fields and parameters. Each comment states facts the generator reads
 * off the spec (presence, allowed values, limits, defaults, how dates and files are taken), written
 * in this project's words, plus a link to the type's or method's anchor in the official reference.
 * The spec's prose is only matched against patterns here; no sentence of it reaches the output.
 */
import type { FieldModel, MethodModel } from './model.js';
import { literalValues, type TypeRef } from './spec.js';

const QUOTED = /"([^"]+)"/g;

export const API_REFERENCE = 'https://core.telegram.org/bots/api';

/** The official reference's anchor of a type or method (fields and parameters have none of their own). */
export function anchorOf(name: string): string {
  return `${API_REFERENCE}#${name.toLowerCase()}`;
}

/** Which side of the library a field is documented for: parsed objects or the inputs users write. */
export type DocSide = 'output' | 'input';

/**
 * Where a comment takes a field's allowed values from. The default, {@link typeValues}, uses the
 * literal union the type mapping made (spec extraction plus codegen/overrides.ts), so the hover and
 * the type always list the same values. One value means the field always has it (a discriminator).
 */
export type ValuesOf = (field: FieldModel) => readonly string[] | undefined;

export const typeValues: ValuesOf = (field) =>
  literalValues(field.ref.kind === 'array' ? field.ref.of : field.ref);

/** Longer lists are left to the type (and the reference): a hover should stay readable. */
const MAX_LISTED_VALUES = 24;

function quote(value: string): string {
  return `'${value.replace(/'/g, "\\'")}'`;
}

function valuesFact(values: readonly string[]): string {
  if (values.length === 1) return `Always ${quote(values[0] as string)}.`;
  if (values.length > MAX_LISTED_VALUES) return `One of ${values.length} fixed values (see the reference).`;
  return `One of ${values.map(quote).join(', ')}.`;
}

/** A type in plain words, for @param tags where no TypeScript type sits next to the text. */
export function plainType(ref: TypeRef): string {
  switch (ref.kind) {
    case 'integer':
      return 'integer';
    case 'float':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'true':
      return '`true`';
    case 'date':
      return 'date';
    case 'file':
      return 'file';
    case 'literal':
      return quote(ref.value);
    case 'object':
      return ref.name;
    case 'array':
      return `list of ${plainType(ref.of)}`;
    case 'union':
      return ref.members.map(plainType).join(' or ');
  }
}

const UNITS: Readonly<Record<string, string>> = {
  characters: 'characters',
  bytes: 'bytes',
};

/** Limits stated in a description: lengths, item counts, numeric ranges, file sizes, line feeds. */
export function limitsOf(description: string, ref: TypeRef): string[] {
  const facts: string[] = [];
  const afterEntities = /after entit(?:y|ies) parsing/i.test(description) ? ' after entity parsing' : '';
  const length = /\b(\d+)-(\d+) (characters|bytes)\b/i.exec(description);
  const upTo = /\bup to (\d+) (characters|bytes)\b/i.exec(description);
  const isArray = ref.kind === 'array';
  if (length) {
    const unit = UNITS[(length[3] as string).toLowerCase()] as string;
    facts.push(`${length[1]}–${length[2]} ${unit}${afterEntities}.`);
  } else if (upTo) {
    const unit = UNITS[(upTo[2] as string).toLowerCase()] as string;
    const total = isArray && /total length/i.test(description) ? ' in total' : '';
    facts.push(`At most ${upTo[1]} ${unit}${total}${afterEntities}.`);
  }
  if (isArray) {
    const count = /\b(?:of|include) (\d+)-(\d+) (?!characters|bytes)/i.exec(description);
    const maxCount =
      /\b(?:of up to|; up to) (\d+)\b/i.exec(description) ??
      /\bat most (\d+) [\w ]{0,40}?can be specified/i.exec(description);
    if (count) facts.push(`${count[1]}–${count[2]} items.`);
    else if (maxCount) facts.push(`At most ${maxCount[1]} items.`);
    if (length && /total length/i.test(description)) facts.push('Length limit applies to the total.');
  }
  if (ref.kind === 'integer' || ref.kind === 'float') {
    // "...; 1-10." states a range as a bare pair at the end of a clause.
    const bare = /(?:^|[;,] )(\d+)-(\d+)(?=[.;](?:\s|$)|$)/.exec(description);
    if (bare) facts.push(`Range ${bare[1]}–${bare[2]}.`);
    const ranges = [
      ...description.matchAll(
        /\b(?:between|values between|from) (\d+)(?: and |-| to )(\d+)\b(?:,? or (0x[0-9A-Fa-f]+|\d+)\b)?/gi,
      ),
    ];
    const distinct = new Set(ranges.map((r) => `${r[1]}-${r[2]}-${r[3] ?? ''}`));
    const range = ranges[0];
    if (range && distinct.size === 1 && !bare) {
      facts.push(`Range ${range[1]}–${range[2]}${range[3] ? ` (or ${range[3]})` : ''}.`);
    }
  }
  const lineFeeds = /\bat most (\d+) line feeds?\b/i.exec(description);
  if (lineFeeds) facts.push(`At most ${lineFeeds[1]} line feeds.`);
  const sizes = [
    ...description.matchAll(/\b(?:at most|not exceed|less than|up to) (\d+) ?(MB|kB|kilobytes)\b/g),
  ];
  const size = sizes[0];
  if (size && sizes.length === 1) {
    facts.push(`File size at most ${size[1]} ${size[2] === 'MB' ? 'MB' : 'kB'}.`);
  }
  return facts;
}

function literalValue(token: string): string {
  if (token === 'True') return '`true`';
  if (token === 'False') return '`false`';
  if (token.startsWith('"')) return quote(token.slice(1, -1));
  if (/^[A-Z]/.test(token)) return `\`${token}\``;
  return token;
}

/** The default a description states, restated; conditional defaults ("... for quizzes") are left out. */
export function defaultOf(description: string): string | undefined {
  const sameAs = /\bdefaults to the value of (\w+)/i.exec(description);
  if (sameAs) return `Default: same as \`${sameAs[1]}\`.`;
  const allExcept = /\bdefaults to all update types except ([\w, ]+?)\.?(?:$|\.\s)/i.exec(description);
  if (allExcept) {
    const names = (allExcept[1] as string).split(/,\s*(?:and\s+)?|\s+and\s+/).filter((n) => n !== '');
    return `Default: every update type but ${names.map((n) => `\`${n}\``).join(', ')}.`;
  }
  const plain =
    /\bdefaults to ("[^"]*"|-?\d+(?:\.\d+)?|True|False|[A-Z]\w+)(?=$|[.,;](?:\s|$)| in which case| i\.e\.)/i.exec(
      description,
    );
  if (plain) return `Default: ${literalValue(plain[1] as string)}.`;
  return undefined;
}

/**
 * Our own one-phrase summaries of parameters and fields whose meaning is the same wherever they
 * occur; `when` guards names that could mean something else elsewhere.
 */
const NAME_SUMMARIES: readonly { name: RegExp; when?: RegExp; text: string }[] = [
  { name: /parse_mode$/, text: 'How to parse entities in the text (`Markdown` is the legacy mode).' },
  { name: /^protect_content$/, text: 'Forbid forwarding and saving the content.' },
  { name: /^disable_notification$/, text: 'Deliver without sound.' },
  { name: /^allow_paid_broadcast$/, text: 'Send past the broadcast rate limit, paying Stars per message.' },
  { name: /^show_caption_above_media$/, text: 'Show the caption above the media.' },
  { name: /^has_spoiler$/, text: 'Hide the media behind a spoiler.' },
  { name: /^file_id$/, when: /download or reuse/i, text: 'Use it to download or resend the file.' },
  { name: /^file_unique_id$/, text: 'Stable over time and across bots; cannot download or resend.' },
  { name: /^message_effect_id$/, text: 'Effect shown with the message.' },
  { name: /^reply_parameters$/, text: 'Which message this one replies to.' },
];

function summaryOf(field: FieldModel): string | undefined {
  return NAME_SUMMARIES.find((s) => s.name.test(field.name) && (s.when?.test(field.description) ?? true))
    ?.text;
}

/** When a value applies or is needed: conditions the spec states about other fields or chat kinds. */
export function conditionsOf(description: string): string[] {
  const facts: string[] = [];
  const eitherOr = /^Required if (\w+) and (\w+) are not specified/.exec(description);
  const unless = /^Required if (\w+) is not specified/.exec(description);
  if (eitherOr) facts.push(`Needed unless \`${eitherOr[1]}\` and \`${eitherOr[2]}\` are given.`);
  else if (unless) facts.push(`Needed unless \`${unless[1]}\` is given.`);
  const alternative = /\binstead of (\w*parse_mode)\b/.exec(description);
  if (alternative) facts.push(`Alternative to \`${alternative[1]}\`.`);
  const exclusive = /\b(?:Can't|cannot) be used together with (\w+)/.exec(description);
  if (exclusive) facts.push(`Not with \`${exclusive[1]}\`.`);
  const forValues = /\bFor ((?:"[^"]+"(?:, | and | or )?)+)(?: \w+)? only\b/.exec(description);
  if (forValues) {
    const values = [...(forValues[1] as string).matchAll(QUOTED)].map((m) => quote(m[1] as string));
    facts.push(`Only for ${values.join(', ')}.`);
  }
  const chats =
    /\b(?:for|in) (direct messages chats|private chats|channels|channel chats|supergroups|groups and supergroups|supergroups and private chats|supergroups and channels) only\b/.exec(
      description,
    );
  if (chats) facts.push(`Only for ${chats[1]}.`);
  const examples = /\bfor example,? ((?:"[^"]+"(?:,? or |, )?)+)/i.exec(description);
  if (examples) {
    const values = [...(examples[1] as string).matchAll(QUOTED)].map((m) => quote(m[1] as string));
    facts.push(`E.g. ${values.join(', ')}.`);
  }
  return facts;
}

/** How a date or file is taken or exposed, and other facts of the value's type. */
function typeFacts(field: FieldModel, side: DocSide): string[] {
  const facts: string[] = [];
  const { ref, description } = field;
  const date = ref.kind === 'date' || (ref.kind === 'array' && ref.of.kind === 'date');
  if (date) facts.push(side === 'output' ? 'Unix time, exposed as a `Date`.' : 'A `Date` or Unix seconds.');
  if (ref.kind === 'integer') {
    // `number` in the type does not say whether fractions are allowed.
    facts.push(
      /more than 32 significant bits/.test(description)
        ? 'Integer; may exceed 32 bits but fits a JS number.'
        : 'Integer.',
    );
  }
  if (ref.kind === 'float') facts.push('Floating-point number.');
  if (ref.kind === 'true') facts.push('Only ever `true` when present.');
  if (ref.kind === 'union' && /@\w*username/i.test(description)) {
    facts.push('A numeric chat id or an `@username`.');
  }
  if (side === 'input' && isFile(ref)) facts.push(fileFact(description));
  if (ref.kind === 'integer' || ref.kind === 'float') {
    const units = new Set(
      [...description.matchAll(/\bin (seconds|degrees|meters|pixels|bytes)\b/g)].map((m) => m[1]),
    );
    if (units.size === 1) facts.push(`In ${[...units][0]}.`);
    if (/smallest units? of the currency/.test(description)) facts.push("In the currency's smallest units.");
  }
  if (/\bISO 4217\b/.test(description)) {
    facts.push(`ISO 4217 currency code${/"XTR"/.test(description) ? " ('XTR': Telegram Stars)" : ''}.`);
  }
  if (/\bISO 639-1\b/.test(description)) facts.push('ISO 639-1 language code (two letters).');
  if (/\bISO 3166-1 alpha-2\b/.test(description))
    facts.push('Country codes, ISO 3166-1 alpha-2 (two letters).');
  return facts;
}

function isFile(ref: TypeRef): boolean {
  return ref.kind === 'file' || (ref.kind === 'union' && ref.members.some((m) => m.kind === 'file'));
}

function fileFact(description: string): string {
  const byId = /\bfile_id\b/.test(description);
  const byUrl = /\bpass an HTTP URL\b/i.test(description);
  if (!byId && !byUrl) return 'File: new uploads only (`InputFile`, path, bytes or stream).';
  const other = byId && byUrl ? 'a file_id or an HTTP URL' : byId ? 'a file_id' : 'an HTTP URL';
  return `File: an upload (\`InputFile\`, path, bytes, stream), ${other}.`;
}

/** The facts of one field or parameter, in order: presence, type, values, limits, default. */
export function fieldFacts(field: FieldModel, side: DocSide, valuesOf: ValuesOf = typeValues): string[] {
  const requiredIf = /^Required if (\w+) is (True|False)\b/.exec(field.description);
  const presence = field.required
    ? 'Required.'
    : requiredIf
      ? `Optional; required when \`${requiredIf[1]}\` is ${literalValue(requiredIf[2] as string)}.`
      : 'Optional.';
  const summary = summaryOf(field);
  const facts = [presence, ...(summary ? [summary] : []), ...typeFacts(field, side)];
  // A discriminator the model resolved (its description may name the value without quotes).
  const values = valuesOf(field) ?? (field.ref.kind === 'literal' ? [field.ref.value] : undefined);
  if (
    values !== undefined &&
    values.length > 0 &&
    field.ref.kind !== 'boolean' &&
    field.ref.kind !== 'true'
  ) {
    facts.push(valuesFact(values));
  }
  facts.push(...limitsOf(field.description, field.ref), ...conditionsOf(field.description));
  const fallback = defaultOf(field.description);
  if (fallback) facts.push(fallback);
  return facts;
}

/**
 * The one-line doc comment of a field of a type (`owner` a type) or an optional parameter (`owner`
 * a method), indented for a class or interface body.
 */
export function fieldDoc(
  owner: { readonly name: string },
  field: FieldModel,
  side: DocSide,
  valuesOf: ValuesOf = typeValues,
): string {
  const facts = fieldFacts(field, side, valuesOf).join(' ');
  return `  /** ${facts} [${owner.name}.${field.name}](${anchorOf(owner.name)}) */`;
}

/**
 * The doc comment of a generated Bot method: what it calls and returns, one @param per positional
 * parameter (its facts), then the bag of optional parameters and the per-call settings.
 */
export function methodDoc(
  method: MethodModel,
  optionsBag: { readonly name: string; readonly type: string } | undefined,
  valuesOf: ValuesOf = typeValues,
): string {
  const lines = [
    `Calls [${method.name}](${anchorOf(method.name)}); resolves to ${method.returnTypes.join(' or ')}.`,
  ];
  for (const p of method.params.filter((q) => q.required)) {
    const facts = fieldFacts(p, 'input', valuesOf).filter((f) => f !== 'Required.');
    // Numbers, dates and files are named by their facts; other types get their name in words here.
    const namedByFacts = ['date', 'file', 'integer', 'float'].includes(p.ref.kind);
    const type = namedByFacts ? [] : [`${capitalise(plainType(p.ref))}.`];
    lines.push(`@param ${p.name} ${[...type, ...facts].join(' ')}`);
  }
  if (optionsBag)
    lines.push(`@param ${optionsBag.name} Optional parameters, see {@link ${optionsBag.type}}.`);
  lines.push('@param settings Per-call settings: timeouts, an abort signal, extra API fields.');
  return ['  /**', ...lines.map((l) => `   * ${l}`), '   */'].join('\n');
}

function capitalise(text: string): string {
  return text.startsWith('`') ? text : `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
}
