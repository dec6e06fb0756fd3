/** Emits src/generated/params.ts (options types) and src/generated/methods.ts (the BotApi class). */
import { fieldDoc, methodDoc } from './docs.js';
import { HEADER } from './header.js';
import type { ApiModel, FieldModel, MethodModel } from './model.js';
import type { TypeRef } from './spec.js';
import { inputType, outputType, referencedObjects, refKey } from './tstypes.js';

export function optionsTypeName(method: MethodModel): string {
  return `${method.name[0]?.toUpperCase()}${method.name.slice(1)}Options`;
}

function optionalParams(m: MethodModel): readonly FieldModel[] {
  return m.params.filter((p) => !p.required);
}

function initImports(refs: Iterable<TypeRef>): string[] {
  const names = new Set<string>();
  for (const r of refs) referencedObjects(r, names);
  return [...names].sort().map((n) => `${n}Init`);
}

export function emitParams(model: ApiModel): string {
  const withOptions = model.methods.filter((m) => optionalParams(m).length > 0);
  const imports = initImports(withOptions.flatMap((m) => optionalParams(m).map((p) => p.ref)));
  const blocks = withOptions.map((m) =>
    [
      `/** Optional parameters of [${m.name}](${m.href}). */`,
      `export interface ${optionsTypeName(m)} {`,
      ...optionalParams(m).flatMap((p) => [
        fieldDoc(m, p, 'input'),
        `  readonly ${p.name}?: ${inputType(p.ref)} | undefined;`,
      ]),
      `}`,
    ].join('\n'),
  );
  const usesFiles = withOptions.some((m) =>
    optionalParams(m).some((p) => inputType(p.ref).includes('InputFileLike')),
  );
  return [
    HEADER,
    usesFiles ? `import type { InputFileLike } from '../request/input-file.js';` : '',
    `import type {\n${imports.map((i) => `  ${i},`).join('\n')}\n} from './types.js';`,
    '',
    blocks.join('\n\n'),
    '',
  ].join('\n');
}

/** The type a method resolves to: API `True` results are typed `true`. */
function returnType(ref: TypeRef): string {
  if (ref.kind === 'boolean') return 'true';
  if (ref.kind === 'union') return ref.members.map(returnType).join(' | ');
  return outputType(ref);
}

class ResultParsers {
  readonly #defs = new Map<string, string>();
  readonly values = new Set<string>();

  name(ref: TypeRef): string {
    const name = `parse${refKey(ref)}`;
    if (!this.#defs.has(name)) this.#defs.set(name, this.#define(name, ref));
    return name;
  }

  #element(ref: TypeRef): string {
    switch (ref.kind) {
      case 'object':
        this.values.add(ref.name);
        return `(v: unknown, _path: string, bot: Bot | undefined) => ${ref.name}.fromJSON(v, bot)`;
      case 'string':
        return 'checkString';
      case 'integer':
        return 'checkInteger';
      default:
        throw new Error(`unsupported array element in a result: ${ref.kind}`);
    }
  }

  #define(name: string, ref: TypeRef): string {
    const head = `const ${name} = (result: unknown, bot: Bot): ${returnType(ref)} =>`;
    switch (ref.kind) {
      case 'object':
        this.values.add(ref.name);
        return `${head} ${ref.name}.fromJSON(result, bot);`;
      case 'array':
        return `${head} mapArray(result, 'result', ${this.#element(ref.of)}, bot);`;
      case 'boolean':
        return `${head} checkBoolean(result, 'result') as true;`;
      case 'string':
        return `${head} checkString(result, 'result');`;
      case 'integer':
        return `${head} checkInteger(result, 'result');`;
      case 'union': {
        const object = ref.members.find((m) => m.kind === 'object');
        if (ref.members.length !== 2 || !object || !ref.members.some((m) => m.kind === 'boolean')) {
          throw new Error(`unsupported result union ${refKey(ref)}`);
        }
        return `${head}\n  result === true ? true : ${this.name(object)}(result, bot);`;
      }
      default:
        throw new Error(`unsupported result type ${ref.kind}`);
    }
  }

  render(): string {
    return [...this.#defs.values()].join('\n');
  }
}

function emitMethod(m: MethodModel, parsers: ResultParsers): string {
  const required = m.params.filter((p) => p.required);
  const hasOptions = optionalParams(m).length > 0;
  // sendPoll has a parameter named `options` (the poll's answers): its bag of optional parameters is `other`.
  const bag = m.params.some((p) => p.name === 'options') ? 'other' : 'options';
  const args = [
    ...required.map((p) => `${p.name}: ${inputType(p.ref)}`),
    ...(hasOptions ? [`${bag}?: ${optionsTypeName(m)}`] : []),
    'settings?: CallSettings',
  ];
  const fields = [...required.map((p) => p.name), ...(hasOptions ? [`...${bag}`] : [])];
  const params = fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
  return [
    methodDoc(m, hasOptions ? { name: bag, type: optionsTypeName(m) } : undefined),
    `  ${m.name}(${args.join(', ')}): Promise<${returnType(m.returns)}> {`,
    `    return this._callMethod('${m.name}', ${params}, settings, ${parsers.name(m.returns)});`,
    `  }`,
  ].join('\n');
}

export function emitMethods(model: ApiModel): string {
  const parsers = new ResultParsers();
  const methods = model.methods.map((m) => emitMethod(m, parsers));
  const paramTypes = initImports(
    model.methods.flatMap((m) => m.params.filter((p) => p.required).map((p) => p.ref)),
  );
  const resultTypes = new Set<string>();
  for (const m of model.methods) referencedObjects(m.returns, resultTypes);
  const valueImports = [...parsers.values].sort();
  const typeOnly = [...paramTypes, ...[...resultTypes].filter((t) => !parsers.values.has(t))].sort();
  const options = model.methods
    .filter((m) => optionalParams(m).length > 0)
    .map(optionsTypeName)
    .sort();
  const usesFiles = model.methods.some((m) =>
    m.params.some((p) => p.required && inputType(p.ref).includes('InputFileLike')),
  );
  return [
    HEADER,
    `import type { Bot } from '../bot.js';`,
    `import { checkBoolean, checkInteger, checkString, mapArray } from '../base/field-check.js';`,
    usesFiles ? `import type { InputFileLike } from '../request/input-file.js';` : '',
    `import type { CallSettings } from '../request/types.js';`,
    `import type {\n${options.map((o) => `  ${o},`).join('\n')}\n} from './params.js';`,
    `import type {\n${typeOnly.map((t) => `  ${t},`).join('\n')}\n} from './types.js';`,
    `import {\n${valueImports.map((t) => `  ${t},`).join('\n')}\n} from './types.js';`,
    '',
    `/** Turns a method's raw \`result\` into the library's objects. */`,
    `export type ResultParser<T> = (result: unknown, bot: Bot) => T;`,
    '',
    parsers.render(),
    '',
    `/**`,
    ` * Every method of Bot API ${model.version}, named as the API names it: required parameters positional,`,
    ` * optional ones in \`options\`, per-call settings (timeouts, signal, extra fields) last.`,
    ` */`,
    `export abstract class BotApi {`,
    `  /** Sends one API call and parses its result; implemented by {@link Bot}. */`,
    `  protected abstract _callMethod<T>(`,
    `    method: string,`,
    `    params: Record<string, unknown>,`,
    `    settings: CallSettings | undefined,`,
    `    parse: ResultParser<T>,`,
    `  ): Promise<T>;`,
    '',
    methods.join('\n\n'),
    `}`,
    '',
  ]
    .filter((l) => l !== '')
    .join('\n')
    .replace(/\n(\/\*\*\n \* Every)/, '\n\n$1');
}
