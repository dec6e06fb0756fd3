// persistenceCopy: the deep copy the application hands to a persistence.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { persistenceCopy } from '../../../src/ext/persistence/copy.js';
import { User } from '../../../src/generated/types.js';
import { contractBot } from './contract.js';

class Basket {
  items: string[] = [];
  count(): number {
    return this.items.length;
  }
}

describe('persistenceCopy', () => {
  it('copies plain data, Maps, Sets, Dates and class instances deeply, keeping prototypes', () => {
    const basket = new Basket();
    basket.items.push('apple');
    const original = {
      list: [1, { n: 2 }],
      map: new Map([['k', { v: 1 }]]),
      set: new Set([[1]]),
      when: new Date(5),
      basket,
      bytes: new Uint8Array([1]),
    };
    const copy = persistenceCopy(original);
    assert.deepEqual(copy, original, 'equal');
    assert.notEqual(copy.list[1], original.list[1], 'nested object copied');
    assert.notEqual(copy.map.get('k'), original.map.get('k'), 'Map values copied');
    assert.notEqual(copy.when, original.when, 'Date copied');
    assert.ok(
      copy.basket instanceof Basket && copy.basket.count() === 1,
      'class instance keeps its prototype',
    );
    basket.items.push('pear');
    assert.equal(copy.basket.count(), 1, 'and is independent');
    assert.notEqual(copy.bytes, original.bytes, 'bytes copied');
  });

  it('keeps Bot API objects, the bot and functions by reference; cycles and shared references survive', () => {
    const user = new User({ id: 1, is_bot: false, first_name: 'A' });
    const shared = { s: 1 };
    const original: Record<string, unknown> = { user, bot: contractBot, f: Math.max, a: shared, b: shared };
    original.self = original;
    const copy = persistenceCopy(original);
    assert.equal(copy.user, user, 'frozen API object shared');
    assert.equal(copy.bot, contractBot, 'the bot shared');
    assert.equal(copy.f, Math.max, 'functions shared');
    assert.equal(copy.a, copy.b, 'a shared reference stays shared');
    assert.notEqual(copy.a, shared, 'but copied');
    assert.equal(copy.self, copy, 'a cycle points to the copy');
  });

  it('keeps what is special about a property: accessors, non-enumerable or read-only ones, an own "__proto__" key, symbols, frozen objects', () => {
    const original = JSON.parse('{"__proto__": {"x": 1}, "plain": [1]}') as Record<string, unknown>;
    Object.defineProperty(original, 'hidden', {
      value: { h: 1 },
      enumerable: false,
      writable: true,
      configurable: true,
    });
    Object.defineProperty(original, 'fixed', {
      value: 5,
      enumerable: true,
      writable: false,
      configurable: false,
    });
    Object.defineProperty(original, 'computed', { get: () => 42, enumerable: true, configurable: true });
    const tag = Symbol('tag');
    original[tag as unknown as string] = 'symbol value';
    original.frozen = Object.freeze({ f: 1 });
    const copy = persistenceCopy(original);
    assert.equal(
      Object.getPrototypeOf(copy),
      Object.prototype,
      'the "__proto__" key did not set the prototype',
    );
    assert.deepEqual(
      Object.getOwnPropertyDescriptor(copy, '__proto__')?.value,
      { x: 1 },
      'an own "__proto__" key',
    );
    assert.deepEqual(copy.plain, [1], 'an ordinary property');
    assert.equal(Object.getOwnPropertyDescriptor(copy, 'hidden')?.enumerable, false, 'still not enumerable');
    assert.notEqual(copy.hidden, original.hidden, 'and copied deeply');
    assert.equal(Object.getOwnPropertyDescriptor(copy, 'fixed')?.writable, false, 'still read-only');
    assert.equal(typeof Object.getOwnPropertyDescriptor(copy, 'computed')?.get, 'function', 'still a getter');
    assert.equal(copy[tag as unknown as string], 'symbol value', 'symbol keys');
    assert.ok(Object.isFrozen(copy.frozen), 'a frozen object stays frozen');
  });
});
