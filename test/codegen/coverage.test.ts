/**
 * Holds the library's surface against the spec (PTB tests itself against the official docs the
 * same way): every method with every parameter under its API name, every type with every field.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { METHODS, TYPES } from '../../src/generated/metadata.js';
import { BotApi, type ResultParser } from '../../src/generated/methods.js';
import * as types from '../../src/generated/types.js';
import type { CallSettings } from '../../src/request/types.js';
import { sampleOf } from '../helpers/samples.js';
import { spec } from '../helpers/spec.js';

interface Captured {
  method: string;
  params: Record<string, unknown>;
  settings: CallSettings | undefined;
}

class CapturingApi extends BotApi {
  last: Captured | undefined;
  protected override _callMethod<T>(
    method: string,
    params: Record<string, unknown>,
    settings: CallSettings | undefined,
    _parse: ResultParser<T>,
  ): Promise<T> {
    this.last = { method, params, settings };
    return Promise.resolve(undefined as T);
  }
}

function sampleParam(types: readonly string[], name: string): unknown {
  const first = types[0] as string;
  if (first.startsWith('Array of ')) return [sampleParam([first.slice(9)], name)];
  switch (first) {
    case 'Integer':
      return 7;
    case 'Float':
      return 0.5;
    case 'String':
      return `value of ${name}`;
    case 'Boolean':
    case 'True':
      return true;
    case 'InputFile':
      return 'file-id';
    default:
      return sampleOf(first);
  }
}

test('every method of the spec exists with every parameter under its API name', async (t) => {
  const api = new CapturingApi() as unknown as Record<string, (...args: unknown[]) => Promise<unknown>> &
    CapturingApi;
  const methods = Object.values(spec().methods);
  let checkedParams = 0;
  for (const method of methods) {
    const fn = api[method.name];
    assert.equal(typeof fn, 'function', `Bot.${method.name} exists`);
    const fields = method.fields ?? [];
    const required = fields.filter((f) => f.required);
    const optional = fields.filter((f) => !f.required);
    const expected: Record<string, unknown> = {};
    for (const f of fields) expected[f.name] = sampleParam(f.types, f.name);
    const args: unknown[] = required.map((f) => expected[f.name]);
    if (optional.length > 0) args.push(Object.fromEntries(optional.map((f) => [f.name, expected[f.name]])));
    const settings = { readTimeout: 3 };
    args.push(settings);
    assert.equal((fn as (...a: unknown[]) => unknown).length, args.length, `${method.name} arity`);
    await (fn as (...a: unknown[]) => Promise<unknown>).apply(api, args);
    assert.equal(api.last?.method, method.name);
    assert.deepEqual(api.last?.params, expected, `${method.name} passes every parameter under its API name`);
    assert.equal(api.last?.settings, settings);
    const meta = METHODS[method.name];
    assert.ok(meta, `${method.name} has metadata`);
    assert.deepEqual(
      meta.params.map((p) => [p.name, p.types, p.required]),
      fields.map((f) => [f.name, f.types, f.required]),
    );
    assert.deepEqual(meta.returns, method.returns);
    checkedParams += fields.length;
  }
  t.diagnostic(
    `methods: ${methods.length}/${Object.keys(spec().methods).length} with ${checkedParams} parameters`,
  );
  assert.equal(methods.length, 185);
});

test('every type of the spec exists with every field', (t) => {
  const exported = types as unknown as Record<string, { fromJSON(d: unknown): unknown } | undefined>;
  const all = Object.values(spec().types);
  let checkedFields = 0;
  let present = 0;
  for (const type of all) {
    if (type.name === 'InputFile') {
      present++; // the request layer's InputFile class
      continue;
    }
    const cls = exported[type.name];
    assert.equal(typeof cls?.fromJSON, 'function', `${type.name} is exported with fromJSON`);
    const meta = TYPES[type.name];
    assert.ok(meta, `${type.name} has metadata`);
    assert.deepEqual(
      meta.fields.map((f) => f.name),
      (type.fields ?? []).map((f) => f.name),
    );
    if (!type.subtypes) {
      const obj = cls?.fromJSON(sampleOf(type.name)) as object;
      for (const field of type.fields ?? []) {
        assert.notEqual(
          (obj as Record<string, unknown>)[field.name],
          undefined,
          `${type.name}.${field.name}`,
        );
        checkedFields++;
      }
    }
    present++;
  }
  t.diagnostic(`types: ${present}/${all.length} with ${checkedFields} fields`);
  assert.equal(all.length, 400);
  assert.equal(present, 400);
});
