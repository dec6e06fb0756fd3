/**
 * The head of a generated constructor: its signatures, the `super` call and, for the classes of
 * constructor-forms.ts, the PTB-style positional form and the fields the class fills in. The body
 * that reads the init object (emit-types) is the same for every class; the head leaves `init`
 * (the fields object, possibly undefined) and `bot` in scope for it.
 */
import {
  CONSTRUCTOR_FORMS,
  type ConstructorForm,
  constructorFormOf,
  filledValue,
} from './constructor-forms.js';
import type { ApiModel, ClassModel, FieldModel } from './model.js';
import { inputType } from './tstypes.js';

/** What emit-types needs to finish a constructor. */
export interface ConstructorHead {
  /** Whether the class has a form of its own (constructor-forms.ts). */
  readonly custom: boolean;
  /** Signature, `super` call and the assignments that precede the loop over `init`. */
  readonly lines: readonly string[];
  /** Whether a required field is set by the class itself (no missing-field check). */
  readonly isFilled: (field: string) => boolean;
  /** The expression for the given `apiKwargs`. */
  readonly apiKwargs: string;
}

/** Accepts `(init, bot?)`, or PTB's positional form for the classes that have one. */
export function constructorHead(
  c: ClassModel,
  superCall: (bot: string) => string,
  convert: (f: FieldModel, value: string) => string,
): ConstructorHead {
  const form = constructorFormOf(c);
  if (form === undefined) {
    return {
      lines: [`  constructor(init: ${c.name}Init, bot?: Bot) {`, `    ${superCall('bot')}`],
      custom: false,
      isFilled: () => false,
      apiKwargs: 'init.apiKwargs',
    };
  }
  const filled = form.filled.map((name) => `    this.${name} = ${filledValue(c, name)};`);
  const stillRequired = c.fields.some((f) => f.required && !form.filled.includes(f.name));
  const initType =
    form.filled.length === 0 ? `${c.name}Init` : `Prefilled<${c.name}Init, ${quoted(form.filled)}>`;
  const initParam = `init${stillRequired ? '' : '?'}: ${initType}`;
  const lines =
    form.positional.length === 0
      ? [
          `  ${initDoc(c, form)}`,
          `  constructor(${initParam}, bot?: Bot) {`,
          `    ${superCall('bot')}`,
          ...filled,
        ]
      : positionalHead(c, form, initParam, superCall, convert, filled);
  return {
    custom: true,
    lines,
    isFilled: (name) => form.filled.includes(name),
    apiKwargs: 'init?.apiKwargs',
  };
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(' | ');
}

function initDoc(c: ClassModel, form: ConstructorForm): string {
  const fills = form.filled.map((name) => `\`${name}\` defaults to ${filledValue(c, name)}`).join(', ');
  return `/** From its fields${fills ? ` (${fills})` : ''}. @example ${form.example} */`;
}

function positionalHead(
  c: ClassModel,
  form: ConstructorForm,
  initParam: string,
  superCall: (bot: string) => string,
  convert: (f: FieldModel, value: string) => string,
  filled: readonly string[],
): string[] {
  const fields = form.positional.map((name) => c.fields.find((f) => f.name === name) as FieldModel);
  const rest = c.fields.filter((f) => !form.positional.includes(f.name) && !form.filled.includes(f.name));
  const optionsOptional = rest.every((f) => !f.required);
  const params = fields.map((f) => `${f.name}: ${form.positionalTypes?.[f.name] ?? inputType(f.ref)}`);
  params.push(
    `options${optionsOptional ? '?' : ''}: Omit<${c.name}Init, ${quoted([...form.positional, ...form.filled])}>`,
  );
  const args = fields.map((_, i) => `arg${i}`);
  const optionsArg = `arg${fields.length}`;
  const first = fields[0] as FieldModel;
  // A file may itself be an object (an InputFile, bytes, a PhotoSize), so file-first classes tell
  // the two forms apart by shape; elsewhere an object that is not an array is the fields object.
  const positional =
    first.ref.kind === 'file'
      ? `arg0 !== undefined && !isFieldsObject(arg0, '${first.name}')`
      : `(typeof arg0 !== 'object' && arg0 !== undefined) || Array.isArray(arg0)`;
  const fills = form.filled.map((name) => `\`${name}\``).join(' and ');
  return [
    `  /** From its fields${fills ? `; ${fills} default${form.filled.length > 1 ? '' : 's'} to the class's value` : ''}. */`,
    `  constructor(${initParam}, bot?: Bot);`,
    `  /**`,
    `   * PTB's form: ${fields.map((f) => `\`${f.name}\``).join(', ')}, then the other fields.`,
    `   *`,
    `   * @example ${form.example}`,
    `   */`,
    `  constructor(${params.join(', ')});`,
    `  constructor(${[...args, optionsArg].map((a) => `${a}?: unknown`).join(', ')}) {`,
    `    const positional = ${positional};`,
    `    const bot = positional ? undefined : (arg1 as Bot | undefined);`,
    `    ${superCall('bot')}`,
    `    const init = (positional ? ${optionsArg} : arg0) as ${c.name}Init | undefined;`,
    ...filled,
    `    if (positional) {`,
    // The first is there (it chose this form); a later one left out is reported as missing below.
    ...fields.map((f, i) =>
      i === 0
        ? `      this.${f.name} = ${convert(f, 'arg0')};`
        : `      if (arg${i} !== undefined) this.${f.name} = ${convert(f, `arg${i}`)};`,
    ),
    `    }`,
  ];
}

/** Declarations the constructors of a model use: `Prefilled` and, for file-first forms, `isFieldsObject`. */
export function supportDeclarations(model: ApiModel): string[] {
  const forms = model.classes.flatMap((c) => {
    const form = constructorFormOf(c);
    return form ? [{ c, form }] : [];
  });
  const out: string[] = [];
  if (forms.some(({ form }) => form.filled.length > 0)) out.push(PREFILLED);
  const fileFirst = forms.some(({ c, form }) => {
    const first = form.positional[0];
    return c.fields.find((f) => f.name === first)?.ref.kind === 'file';
  });
  if (fileFirst) out.push(IS_FIELDS_OBJECT);
  return out;
}

const PREFILLED = [
  '/** An input shape whose fields `K` may be left out: the class fills them in (`new ForceReply()`). */',
  'export type Prefilled<T, K extends keyof T> = Omit<T, K> & { readonly [P in K]?: T[P] | undefined };',
].join('\n');

const IS_FIELDS_OBJECT = [
  '/**',
  ' * Whether the first argument of a constructor that takes a file first is the fields object: an',
  ' * object holding the file field, or a plain object that is not a file reference (`{ file_id }`).',
  ' */',
  'function isFieldsObject(value: unknown, fileField: string): boolean {',
  "  if (typeof value !== 'object' || value === null) return false;",
  '  if (fileField in value) return true;',
  "  if ('file_id' in value) return false;",
  '  const prototype: unknown = Object.getPrototypeOf(value);',
  '  return prototype === Object.prototype || prototype === null;',
  '}',
].join('\n');

/** Converters of classes built from a bare string take it as their first positional field. */
export function fromStringCase(className: string): string | undefined {
  const form = CONSTRUCTOR_FORMS[className];
  return form?.fromString ? `  if (typeof v === 'string') return new ${className}(v);` : undefined;
}
