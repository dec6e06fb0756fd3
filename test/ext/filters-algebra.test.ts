import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MESSAGE_UPDATE_TYPES } from '../../src/constants/message-types.js';
import * as filters from '../../src/ext/filters/index.js';
import type { FilterResult } from '../../src/ext/filters/types.js';
import type { Message } from '../../src/index.js';
import { sampleOf } from '../helpers/samples.js';
import { callbackQueryUpdate, messageUpdate, rawUpdate, textUpdate } from '../helpers/updates.js';

/** A message filter that records how often it was asked and answers `result`. */
function probe(name: string, result: FilterResult, dataFilter = false) {
  const calls = { count: 0 };
  const filter = filters.messageFilter(
    name,
    () => {
      calls.count++;
      return result;
    },
    { dataFilter },
  );
  return { filter, calls };
}

const hello = textUpdate('hello world');

describe('filter kinds', () => {
  test('every kind of filter only passes updates that carry a message', () => {
    const nonMessage = [
      callbackQueryUpdate(),
      rawUpdate({ poll: sampleOf('Poll') }),
      rawUpdate({
        inline_query: { id: 'i', from: { id: 1, is_bot: false, first_name: 'A' }, query: 'q', offset: '' },
      }),
    ];
    const always = filters.updateFilter('always', () => true);
    for (const update of nonMessage) {
      assert.equal(filters.ALL.checkUpdate(update), false);
      assert.equal(always.checkUpdate(update), false);
      assert.equal(filters.TEXT.not().checkUpdate(update), false, 'not() keeps the message gate');
      assert.equal(filters.ALL.or(always).checkUpdate(update), false);
      assert.equal(new filters.BaseFilter().checkUpdate(update), false);
    }
    for (const kind of MESSAGE_UPDATE_TYPES) {
      assert.equal(filters.ALL.checkUpdate(messageUpdate({}, kind)), true, kind);
      assert.equal(always.checkUpdate(messageUpdate({}, kind)), true, kind);
    }
  });

  test('a MessageFilter receives the update message, an UpdateFilter the update', () => {
    let seenMessage: Message | undefined;
    const byMessage = filters.messageFilter('m', (message) => {
      seenMessage = message;
      return true;
    });
    const edited = messageUpdate({ text: 'x' }, 'edited_message');
    assert.equal(byMessage.checkUpdate(edited), true);
    assert.equal(seenMessage, edited.edited_message);
    const byUpdate = filters.updateFilter('u', (update) => update.edited_message !== undefined);
    assert.equal(byUpdate.checkUpdate(edited), true);
    assert.equal(byUpdate.checkUpdate(hello), false);
  });

  test('subclasses implement filter(); the default name is the class name', () => {
    class Long extends filters.MessageFilter<filters.Has<'text'>> {
      filter(message: Message): boolean {
        return (message.text?.length ?? 0) > 5;
      }
    }
    const long = new Long();
    assert.equal(long.name, 'Long');
    assert.equal(long.checkUpdate(hello), true);
    assert.equal(long.checkUpdate(textUpdate('hi')), false);
    long.name = 'filters.Long';
    assert.equal(String(long), 'filters.Long');
    assert.equal(long.dataFilter, false);
  });

  test('passes() is checkUpdate as a boolean', () => {
    assert.equal(filters.TEXT.passes(hello), true);
    assert.equal(filters.PHOTO.passes(hello), false);
    assert.equal(new filters.Regex('nothing').passes(hello), false);
    assert.equal(new filters.Regex('hello').passes(hello), true);
  });
});

describe('combinators', () => {
  test('and: both must pass; the right side is skipped when the left fails', () => {
    const yes = probe('yes', true);
    const no = probe('no', false);
    assert.equal(no.filter.and(yes.filter).checkUpdate(hello), false);
    assert.equal(yes.calls.count, 0);
    assert.equal(yes.filter.and(no.filter).checkUpdate(hello), false);
    assert.equal(yes.calls.count, 1);
    assert.equal(yes.filter.and(yes.filter).checkUpdate(hello), true);
  });

  test('or: either passes; the right side is skipped when the left passes', () => {
    const yes = probe('yes', true);
    const no = probe('no', false);
    assert.equal(yes.filter.or(no.filter).checkUpdate(hello), true);
    assert.equal(no.calls.count, 0);
    assert.equal(no.filter.or(yes.filter).checkUpdate(hello), true);
    assert.equal(no.calls.count, 1);
    assert.equal(no.filter.or(no.filter).checkUpdate(hello), false);
  });

  test('xor: exactly one passes', () => {
    const yes = probe('yes', true).filter;
    const no = probe('no', false).filter;
    assert.equal(yes.xor(no).checkUpdate(hello), true);
    assert.equal(no.xor(yes).checkUpdate(hello), true);
    assert.equal(yes.xor(yes).checkUpdate(hello), false);
    assert.equal(no.xor(no).checkUpdate(hello), false);
  });

  test('not inverts, including data results', () => {
    assert.equal(filters.TEXT.not().checkUpdate(hello), false);
    assert.equal(filters.PHOTO.not().checkUpdate(hello), true);
    assert.equal(new filters.Regex('world').not().checkUpdate(hello), false);
    assert.equal(new filters.Regex('moon').not().checkUpdate(hello), true);
    assert.equal(filters.PHOTO.not().not().checkUpdate(hello), false);
  });

  test('readable names', () => {
    assert.equal(String(filters.TEXT.and(filters.COMMAND.not())), '<filters.TEXT and not filters.COMMAND>');
    assert.equal(
      filters.PHOTO.or(filters.VIDEO).and(filters.CAPTION).name,
      '<<filters.PHOTO or filters.VIDEO> and filters.CAPTION>',
    );
    assert.equal(filters.AUDIO.xor(filters.VOICE).name, '<filters.AUDIO xor filters.VOICE>');
    assert.throws(() => {
      filters.AUDIO.xor(filters.VOICE).name = 'x';
    }, /Cannot set the name/);
  });

  test('combined names follow their parts when those change', () => {
    const chat = new filters.Chat({ chatId: 1 });
    const both = filters.TEXT.and(chat);
    assert.equal(both.name, '<filters.TEXT and filters.Chat(1)>');
    chat.addChatIds(2);
    assert.equal(both.name, '<filters.TEXT and filters.Chat(1, 2)>');
  });
});

describe('data filters', () => {
  const text = textUpdate('apple banana');

  test('a data filter returns its matches; combinations are data filters when a part is', () => {
    const regex = new filters.Regex('(a)pple');
    assert.equal(regex.dataFilter, true);
    const result = regex.checkUpdate(text);
    assert.ok(typeof result === 'object');
    assert.equal(result.matches?.[0]?.[1], 'a');
    assert.equal(filters.TEXT.and(regex).dataFilter, true);
    assert.equal(filters.TEXT.or(regex).dataFilter, true);
    assert.equal(filters.TEXT.and(filters.PHOTO).dataFilter, false);
    assert.equal(regex.not().dataFilter, false);
  });

  test('and merges the matches of both sides, left first', () => {
    const both = new filters.Regex('b(an)ana').and(new filters.Regex('(app)le'));
    const result = both.checkUpdate(text);
    assert.ok(typeof result === 'object');
    assert.deepEqual(
      result.matches?.map((m) => m[1]),
      ['an', 'app'],
    );
  });

  test('and with a plain filter keeps the data of the data side', () => {
    const left = filters.TEXT.and(new filters.Regex('ban'));
    const right = new filters.Regex('ban').and(filters.TEXT);
    for (const filter of [left, right]) {
      const result = filter.checkUpdate(text);
      assert.ok(typeof result === 'object');
      assert.equal(result.matches?.length, 1);
    }
  });

  test('and of data filters whose data is empty answers true', () => {
    const empty = probe('empty', true, true).filter;
    assert.equal(empty.and(filters.TEXT).checkUpdate(text), true);
  });

  test('or returns the data of the first passing side only', () => {
    const either = new filters.Regex('(a)pple').or(new filters.Regex('(b)anana'));
    const result = either.checkUpdate(text);
    assert.ok(typeof result === 'object');
    assert.deepEqual(
      result.matches?.map((m) => m[1]),
      ['a'],
    );
    const second = new filters.Regex('cherry').or(new filters.Regex('(b)anana')).checkUpdate(text);
    assert.ok(typeof second === 'object');
    assert.equal(second.matches?.[0]?.[1], 'b');
    assert.equal(filters.TEXT.or(new filters.Regex('x')).checkUpdate(text), true);
  });

  test('xor returns the data of the passing side', () => {
    const result = new filters.Regex('cherry').xor(new filters.Regex('(b)anana')).checkUpdate(text);
    assert.ok(typeof result === 'object');
    assert.equal(result.matches?.[0]?.[1], 'b');
    assert.equal(new filters.Regex('apple').xor(new filters.Regex('banana')).checkUpdate(text), false);
  });

  test('nested merges concatenate all matches and leave the parts untouched', () => {
    const a = new filters.Regex('(a)');
    const three = a.and(new filters.Regex('(b)')).and(new filters.Regex('(n)'));
    const result = three.checkUpdate(text);
    assert.ok(typeof result === 'object');
    assert.deepEqual(
      result.matches?.map((m) => m[1]),
      ['a', 'b', 'n'],
    );
    const again = three.checkUpdate(text);
    assert.ok(typeof again === 'object');
    assert.equal(again.matches?.length, 3, 'no state kept between checks');
  });

  test('custom data keys merge like matches', () => {
    const left = filters.messageFilter('left', () => ({ tags: ['x'] }), { dataFilter: true });
    const right = filters.messageFilter('right', () => ({ tags: ['y'], other: [1] }), { dataFilter: true });
    assert.deepEqual(left.and(right).checkUpdate(text), { tags: ['x', 'y'], other: [1] });
  });

  test('an empty data object fails, as an empty dict in PTB', () => {
    const empty = probe('empty', {}, true).filter;
    assert.equal(empty.passes(text), false);
    assert.equal(empty.or(filters.TEXT).checkUpdate(text), true);
    assert.equal(empty.and(filters.TEXT).checkUpdate(text), false);
  });
});
