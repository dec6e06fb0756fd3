/** Emits src/generated/types.ts: one class per API type, a base class and a union type per API union. */

import { fieldDoc } from './docs.js';
import { constructorHead, fromStringCase, supportDeclarations } from './emit-constructor.js';
import { HEADER } from './header.js';
import type { ApiModel, ClassModel, FieldModel, UnionModel } from './model.js';
import { literalValues, type TypeRef } from './spec.js';
import { inputType, outputType, refKey } from './tstypes.js';

const SUPPORT_IMPORTS = [
  'checkBoolean',
  'checkInteger',
  'checkNumber',
  'checkObject',
  'checkString',
  'checkTrue',
  'mapArray',
  'missingField',
  'shallowArray',
  'shallowDate',
  'shallowObject',
  'toDate',
];

/**
 * Whether a field of a class is built on first read rather than in the constructor: nested objects,
 * arrays of them and dates of types that only ever arrive from Telegram. The constructor checks
 * such a field's outer shape; the getter builds (and validates) the rest once and caches it.
 */
function isLazy(c: ClassModel, f: FieldModel, model: ApiModel): boolean {
  if (c.eager || model.inputTypeNames.has(c.name)) return false;
  return lazyRef(f.ref, model);
}

function lazyRef(ref: TypeRef, model: ApiModel): boolean {
  switch (ref.kind) {
    case 'date':
      return true;
    case 'object':
      return !model.unions.some((u) => u.name === ref.name && u.otherMembers.length > 0);
    case 'array':
      return ref.of.kind === 'object' || ref.of.kind === 'array' || ref.of.kind === 'date';
    default:
      return false;
  }
}

/** The constructor's check of a lazy field's outer shape. */
function shallowCheck(ref: TypeRef): string {
  return ref.kind === 'date' ? 'shallowDate' : ref.kind === 'array' ? 'shallowArray' : 'shallowObject';
}

class Converters {
  readonly #defs = new Map<string, string>();
  constructor(private readonly model: ApiModel) {}

  /**
   * An expression converting `v` (unknown) at `path` into the field's value. Fixed string values
   * are typed, not checked (see codegen/overrides.ts): a value Telegram added later passes through.
   */
  expr(ref: TypeRef, v: string, path: string): string {
    if (literalValues(ref)) return `checkString(${v}, ${path}) as ${outputType(ref)}`;
    if (ref.kind === 'array' && literalValues(ref.of)) {
      return `mapArray(${v}, ${path}, checkString, bot) as ${outputType(ref)}`;
    }
    switch (ref.kind) {
      case 'integer':
        return `checkInteger(${v}, ${path})`;
      case 'float':
        return `checkNumber(${v}, ${path})`;
      case 'string':
        return `checkString(${v}, ${path})`;
      case 'boolean':
        return `checkBoolean(${v}, ${path})`;
      case 'true':
        return `checkTrue(${v}, ${path})`;
      case 'date':
        return `toDate(${v}, ${path})`;
      case 'file':
        return `${v} as InputFileLike`;
      default:
        return `${this.fn(ref)}(${v}, ${path}, bot)`;
    }
  }

  /** The name of a converter function `(v, path, bot) => T` for a ref, defining it on first use. */
  fn(ref: TypeRef): string {
    if (literalValues(ref)) return 'checkString';
    switch (ref.kind) {
      case 'integer':
        return 'checkInteger';
      case 'float':
        return 'checkNumber';
      case 'string':
      case 'literal':
        return 'checkString';
      case 'boolean':
        return 'checkBoolean';
      case 'true':
        return 'checkTrue';
      case 'date':
        return 'toDate';
      default:
        break;
    }
    const name = `convert${refKey(ref)}`;
    if (this.#defs.has(name)) return name;
    this.#defs.set(name, '');
    this.#defs.set(name, this.#define(name, ref));
    return name;
  }

  #define(name: string, ref: TypeRef): string {
    const type = outputType(ref);
    const head = `function ${name}(v: unknown, path: string, bot: Bot | undefined): ${type}`;
    switch (ref.kind) {
      case 'object':
        if (this.model.unionNames.has(ref.name)) {
          return `${head} {\n  return v instanceof ${ref.name}Base ? (v as ${ref.name}) : ${ref.name}Base.fromJSON(v, bot);\n}`;
        }
        return `${head} {\n${[fromStringCase(ref.name), `  return v instanceof ${ref.name} ? v : new ${ref.name}(checkObject(v, path) as unknown as ${ref.name}Init, bot);`].filter((l) => l !== undefined).join('\n')}\n}`;
      case 'array': {
        const cast = literalValues(ref.of) ? ` as ${type}` : '';
        return `${head} {\n  return mapArray(v, path, ${this.fn(ref.of)}, bot)${cast};\n}`;
      }
      case 'file':
        return `${head} {\n  return v as InputFileLike;\n}`;
      case 'union':
        return `${head} {\n${this.#unionBody(ref.members)}\n}`;
      default:
        throw new Error(`no converter for ${ref.kind}`);
    }
  }

  /** Picks a member by the value's runtime shape: typeof for scalars, the discriminator for objects. */
  #unionBody(members: readonly TypeRef[]): string {
    const lines: string[] = [];
    for (const m of members) {
      if (m.kind === 'integer' || m.kind === 'float') lines.push(`  if (typeof v === 'number') return v;`);
      else if (m.kind === 'string') lines.push(`  if (typeof v === 'string') return v;`);
      else if (m.kind === 'boolean') lines.push(`  if (typeof v === 'boolean') return v;`);
    }
    const objects = members.filter((m): m is { kind: 'object'; name: string } => m.kind === 'object');
    if (objects.length > 0) {
      lines.push(`  const obj = checkObject(v, path);`);
      if (objects.length === 1) {
        lines.push(`  return ${this.fn(objects[0] as TypeRef)}(obj, path, bot);`);
      } else {
        lines.push(`  switch (obj.type) {`);
        for (const o of objects) {
          const disc = this.model.classes.find((c) => c.name === o.name)?.discriminator;
          if (disc) lines.push(`    case '${disc.value}':\n      return ${this.fn(o)}(obj, path, bot);`);
        }
        lines.push(`    default:\n      throw new InvalidFieldError(path, 'a known variant', obj);`);
        lines.push(`  }`);
      }
    } else {
      lines.push(`  throw new InvalidFieldError(path, '${members.map(refKey).join(' or ')}', v);`);
    }
    return lines.join('\n');
  }

  render(): string {
    return [...this.#defs.values()].join('\n\n');
  }
}

function doc(kind: string, name: string, href: string): string {
  return `/** The Bot API ${kind} [${name}](${href}). */`;
}

function fieldDecl(f: FieldModel): string {
  return `  declare readonly ${f.name}${f.required ? '' : '?'}: ${outputType(f.ref)};`;
}

function initField(f: FieldModel): string {
  return f.required
    ? `  readonly ${f.name}: ${inputType(f.ref)};`
    : `  readonly ${f.name}?: ${inputType(f.ref)} | undefined;`;
}

/**
 * The getters of a class's lazy fields, defined on its prototype from a static block so they can
 * reach the class's private input and cache while the fields' types stay plain `readonly` fields.
 * Each getter reads its field by name, so V8 keeps the read monomorphic per input shape.
 */
function lazyState(c: ClassModel, lazy: readonly FieldModel[]): string[] {
  const cache = lazy.map((f) => `${f.name}?: ${outputType(f.ref)}`).join('; ');
  return [
    `  /** The input; the fields below are built from it on first read. */`,
    `  readonly #input: ${c.name}Init;`,
    `  #built: { ${cache} } | undefined;`,
  ];
}

function lazyGetters(c: ClassModel, lazy: readonly FieldModel[], conv: Converters): string[] {
  const lines = ['  static {', '    const proto = this.prototype;'];
  for (const f of lazy) {
    lines.push(
      `    Object.defineProperty(proto, '${f.name}', {`,
      `      get(this: ${c.name}) {`,
      `        const raw = this.#input.${f.name};`,
      '        if (raw === undefined) return undefined;',
      `        const built = (this.#built ??= {});`,
      `        return (built.${f.name} ??= ${f.ref.kind === 'date' ? `toDate(raw, '${c.name}.${f.name}')` : `${conv.fn(f.ref)}(raw, '${c.name}.${f.name}', this._botIfAny())`});`,
      '      },',
      '    });',
    );
  }
  lines.push('  }');
  return lines;
}

/**
 * Fields most updates carry, tested first by the constructors' `switch` (V8 compares the cases
 * in order, and Message has over a hundred).
 */
const FREQUENT_FIELDS = [
  'update_id',
  'message',
  'callback_query',
  'message_id',
  'id',
  'from',
  'chat',
  'date',
  'text',
  'entities',
  'type',
  'is_bot',
  'first_name',
  'last_name',
  'username',
  'language_code',
  'title',
  'data',
  'chat_instance',
  'caption',
  'caption_entities',
  'photo',
  'reply_to_message',
  'edit_date',
  'reply_markup',
  'offset',
  'length',
];

function caseOrder(fields: readonly FieldModel[]): FieldModel[] {
  const rank = (f: FieldModel): number => {
    const index = FREQUENT_FIELDS.indexOf(f.name);
    return index === -1 ? FREQUENT_FIELDS.length : index;
  };
  return [...fields].sort((a, b) => rank(a) - rank(b));
}

function emitClass(c: ClassModel, conv: Converters, model: ApiModel): string {
  const parentBase = c.parent ? `${c.parent}Base` : 'TelegramObject';
  const head = constructorHead(
    c,
    (bot) => (c.parent ? `super(undefined, ${bot});` : `super(${bot});`),
    (f, value) => conv.expr(f.ref, value, `'${c.name}.${f.name}'`),
  );
  const lazy = c.fields.filter((f) => isLazy(c, f, model));
  if (head.custom && lazy.length > 0)
    throw new Error(`${c.name}: a PTB-style constructor on a lazily built class`);
  const cases = caseOrder(c.fields).map((f) => {
    const path = `'${c.name}.${f.name}'`;
    const store = lazy.includes(f)
      ? `${shallowCheck(f.ref)}(value, ${path});`
      : `this.${f.name} = ${conv.expr(f.ref, 'value', path)};`;
    return `        case '${f.name}':\n          ${store}\n          break;`;
  });
  const required = c.fields
    .filter((f) => f.required && !head.isFilled(f.name))
    .map(
      (f) =>
        `    if (${lazy.includes(f) ? 'init' : 'this'}.${f.name} === undefined) missingField('${c.name}', '${f.name}');`,
    );
  const idValues =
    c.idFields.length === 0
      ? ''
      : `\n\n  protected override _idValues(): readonly unknown[] {\n    return [${c.idFields.map((f) => `this.${f}`).join(', ')}];\n  }`;
  const body = [
    ...head.lines,
    '    let extra: Record<string, unknown> | undefined;',
    `    for (const key in init) {`,
    `      const value = (init as unknown as Record<string, unknown>)[key];`,
    `      if (value === undefined) continue;`,
    '      switch (key) {',
    ...cases,
    `        case 'apiKwargs':\n          break;\n        default:\n          (extra ??= {})[key] = value;\n      }`,
    `    }`,
    ...required,
    ...(lazy.length > 0 ? ['    this.#input = init;'] : []),
    `    this._finish(${head.apiKwargs}, extra);`,
    `    if (new.target === ${c.name}) Object.freeze(this);`,
    `  }`,
  ];
  const fromJSON = `  /** Builds a ${c.name} from the JSON object the Bot API sent; \`bot\` is the instance its shortcut methods call. */\n  static ${c.parent ? 'override ' : ''}fromJSON(data: unknown, bot?: Bot): ${c.name} {\n    return new ${c.name}(checkObject(data, '${c.name}') as unknown as ${c.name}Init, bot);\n  }`;
  const init = [
    `${doc('input shape of', c.name, c.href)}`,
    `export interface ${c.name}Init {`,
    ...c.fields.flatMap((f) => [fieldDoc(c, f, 'input'), initField(f)]),
    `  readonly apiKwargs?: Readonly<Record<string, unknown>> | undefined;`,
    `}`,
  ].join('\n');
  const cls = [
    doc('type', c.name, c.href),
    `export class ${c.name} extends ${parentBase} {`,
    ...c.fields.flatMap((f) => [fieldDoc(c, f, 'output'), fieldDecl(f)]),
    ...(lazy.length > 0 ? lazyState(c, lazy) : []),
    ...(c.fields.length > 0 ? [''] : []),
    ...body,
    '',
    ...(lazy.length > 0 ? [...lazyGetters(c, lazy, conv), ''] : []),
    ...(lazy.length > 0
      ? [
          '  protected override _input(): Readonly<Record<string, unknown>> {',
          '    return this.#input as unknown as Readonly<Record<string, unknown>>;',
          '  }',
          '',
        ]
      : []),
    fromJSON + idValues,
    `}`,
  ].join('\n');
  return `${init}\n\n${cls}`;
}

function unionTypeExpr(u: UnionModel): string {
  return [...u.classMembers, ...u.otherMembers.map((m) => outputType(m))].join(' | ');
}

function unionInitExpr(u: UnionModel): string {
  return [...u.classMembers.map((m) => `${m}Init`), ...u.otherMembers.map((m) => inputType(m))].join(' | ');
}

function resolutionBody(u: UnionModel, model: ApiModel): string {
  const lines: string[] = [];
  for (const other of u.otherMembers) {
    if (other.kind === 'string') lines.push(`    if (typeof data === 'string') return data;`);
    else if (other.kind === 'array') {
      lines.push(
        `    if (Array.isArray(data)) return mapArray(data, '${u.name}', convert${refKey(other.of)}, bot);`,
      );
    }
  }
  lines.push(`    const obj = checkObject(data, '${u.name}');`);
  if (u.resolution.by === 'value') {
    const { field, value, member, otherwise } = u.resolution;
    lines.push(
      `    if (obj.${field} === ${JSON.stringify(value)}) return new ${member}(obj as unknown as ${member}Init, bot);`,
    );
    lines.push(`    return new ${otherwise}(obj as unknown as ${otherwise}Init, bot);`);
    return lines.join('\n');
  }
  if (u.resolution.by === 'discriminator') {
    lines.push(`    switch (obj.${u.resolution.field}) {`);
    for (const c of u.resolution.cases) {
      lines.push(`      case '${c.value}':`);
      const [last, ...rest] = [...c.members].reverse();
      for (const m of rest.reverse()) {
        lines.push(
          `        if (obj.${m.marker} !== undefined) return new ${m.name}(obj as unknown as ${m.name}Init, bot);`,
        );
      }
      if (last) lines.push(`        return new ${last.name}(obj as unknown as ${last.name}Init, bot);`);
    }
    lines.push(`      default:\n        return new ${u.name}Base(obj, bot) as unknown as ${u.name};`);
    lines.push(`    }`);
    return lines.join('\n');
  }
  // No discriminator: the member whose required fields are all present, preferring the most specific.
  const candidates = u.classMembers
    .map((name) => ({
      name,
      required: (model.classes.find((c) => c.name === name)?.fields ?? [])
        .filter((f) => f.required)
        .map((f) => f.name),
    }))
    .sort((a, b) => b.required.length - a.required.length);
  for (const c of candidates) {
    const test = c.required.map((f) => `obj.${f} !== undefined`).join(' && ') || 'true';
    lines.push(`    if (${test}) return new ${c.name}(obj as unknown as ${c.name}Init, bot);`);
  }
  lines.push(`    return new ${u.name}Base(obj, bot) as unknown as ${u.name};`);
  return lines.join('\n');
}

function emitUnion(u: UnionModel, model: ApiModel): string {
  return [
    `/** Base class of every variant of the Bot API union [${u.name}](${u.href}); \`fromJSON\` picks the variant. */`,
    `export class ${u.name}Base extends TelegramObject {`,
    `  /** Builds an instance of a variant this library does not know yet: its fields are kept as they came. */`,
    `  constructor(init?: Readonly<Record<string, unknown>>, bot?: Bot) {`,
    `    super(bot);`,
    `    if (init !== undefined) {`,
    `      Object.assign(this, init);`,
    `      if (new.target === ${u.name}Base) Object.freeze(this);`,
    `    }`,
    `  }`,
    '',
    `  /** Builds the ${u.name} variant that the JSON object from the Bot API describes; \`bot\` is the instance its shortcut methods call. */`,
    `  static fromJSON(data: unknown, bot?: Bot): ${u.name} {`,
    resolutionBody(u, model),
    `  }`,
    `}`,
    '',
    `/** Any variant of [${u.name}](${u.href}); narrow it by its discriminator or with \`instanceof\`. */`,
    `export type ${u.name} = ${unionTypeExpr(u)};`,
    `/** The runtime base of {@link ${u.name}}: \`x instanceof ${u.name}\` and \`${u.name}.fromJSON(json)\`. */`,
    `export const ${u.name} = ${u.name}Base;`,
    `/** Input shape of any variant of [${u.name}](${u.href}). */`,
    `export type ${u.name}Init = ${unionInitExpr(u)};`,
  ].join('\n');
}

export function emitTypes(model: ApiModel): string {
  const conv = new Converters(model);
  const unions = model.unions.map((u) => emitUnion(u, model));
  // Converters used by unions that admit arrays of themselves (RichText).
  for (const u of model.unions) for (const o of u.otherMembers) if (o.kind === 'array') conv.fn(o.of);
  const classes = model.classes.map((c) => emitClass(c, conv, model));
  return [
    HEADER,
    `import type { Bot } from '../bot.js';`,
    `import { ${[...SUPPORT_IMPORTS, 'InvalidFieldError'].sort().join(', ')} } from '../base/field-check.js';`,
    `import type { InputFileLike } from '../request/input-file.js';`,
    `import { TelegramObject } from '../base/telegram-object.js';`,
    '',
    ...supportDeclarations(model).map((d) => `${d}\n`),
    ...unions.map((u) => `${u}\n`),
    ...classes.map((c) => `${c}\n`),
    `${conv.render()}\n`,
    emitClassEntries(model),
  ].join('\n');
}

/**
 * `apiClassEntries()`: every exported class by its exported name, in the order of the module's
 * namespace (names sorted by code unit), so a union's base class comes first under the union's
 * name. A function rather than a table at the top of the module: persistence needs the list, and
 * a bundle that never calls it can drop every class no other code reaches.
 */
function emitClassEntries(model: ApiModel): string {
  const names = [
    ...model.unions.flatMap((u) => [u.name, `${u.name}Base`]),
    ...model.classes.map((c) => c.name),
  ].sort();
  return [
    "/** Every Bot API class by exported name (a union under its own name and as `...Base`), in the order of the module's exports. */",
    'export function apiClassEntries(): readonly (readonly [string, abstract new (...args: never[]) => TelegramObject])[] {',
    '  return [',
    ...names.map((name) => `    ['${name}', ${name}],`),
    '  ];',
    '}',
    '',
  ].join('\n');
}
