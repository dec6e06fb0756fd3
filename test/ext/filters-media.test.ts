import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as filters from '../../src/ext/filters/index.js';
import { messageFieldSample, messageUpdate, textUpdate } from '../helpers/updates.js';

const dice = (emoji: string, value: number) => messageUpdate({ dice: { emoji, value } });

describe('Dice', () => {
  const kinds = [
    ['DICE', 'Dice', '🎲'],
    ['DARTS', 'Darts', '🎯'],
    ['BASKETBALL', 'Basketball', '🏀'],
    ['FOOTBALL', 'Football', '⚽'],
    ['SLOT_MACHINE', 'SlotMachine', '🎰'],
    ['BOWLING', 'Bowling', '🎳'],
  ] as const;

  test('ALL passes any dice, never text', () => {
    assert.equal(filters.Dice.ALL.checkUpdate(dice('🎯', 3)), true);
    assert.equal(filters.Dice.ALL.checkUpdate(textUpdate('🎲')), false);
    assert.equal(filters.Dice.ALL.name, 'filters.Dice.ALL');
  });

  test('new Dice(values) passes those values with any emoji', () => {
    const threeOrFour = new filters.Dice([3, 4]);
    assert.equal(threeOrFour.name, 'filters.Dice([3, 4])');
    assert.equal(threeOrFour.checkUpdate(dice('🎲', 3)), true);
    assert.equal(threeOrFour.checkUpdate(dice('🏀', 4)), true);
    assert.equal(threeOrFour.checkUpdate(dice('🎲', 5)), false);
    assert.equal(new filters.Dice(6).checkUpdate(dice('🎳', 6)), true);
    assert.equal(new filters.Dice().checkUpdate(dice('🎳', 1)), true);
    assert.equal(
      new filters.Dice([]).checkUpdate(dice('🎳', 1)),
      true,
      'an empty list allows any value (PTB)',
    );
  });

  for (const [constant, className, emoji] of kinds) {
    test(`Dice.${constant} and Dice.${className}(values)`, () => {
      const any = filters.Dice[constant];
      assert.equal(any.name, `filters.Dice.${constant}`);
      assert.equal(any.checkUpdate(dice(emoji, 1)), true);
      const other = kinds.find(([, , e]) => e !== emoji)?.[2] as string;
      assert.equal(any.checkUpdate(dice(other, 1)), false);
      const five = new filters.Dice[className]([5, 6]);
      assert.equal(five.name, `filters.Dice.${className}([5, 6])`);
      assert.equal(five.checkUpdate(dice(emoji, 5)), true);
      assert.equal(five.checkUpdate(dice(emoji, 1)), false);
      assert.equal(five.checkUpdate(dice(other, 5)), false);
      assert.equal(new filters.Dice[className](1).checkUpdate(dice(emoji, 1)), true);
    });
  }
});

describe('Document', () => {
  const doc = (fields: Record<string, unknown>) =>
    messageUpdate({ document: { file_id: 'f', file_unique_id: 'u', ...fields } });
  const pdf = doc({ file_name: 'Report.PDF', mime_type: 'application/pdf' });
  const plain = doc({ file_name: 'Dockerfile', mime_type: 'text/plain' });
  const nameless = doc({});

  test('ALL passes any document', () => {
    assert.equal(filters.Document.ALL.checkUpdate(nameless), true);
    assert.equal(filters.Document.ALL.checkUpdate(textUpdate('x')), false);
  });

  test('Category by MIME type prefix', () => {
    assert.equal(filters.Document.APPLICATION.checkUpdate(pdf), true);
    assert.equal(filters.Document.TEXT.checkUpdate(pdf), false);
    assert.equal(filters.Document.TEXT.checkUpdate(plain), true);
    assert.equal(filters.Document.AUDIO.checkUpdate(doc({ mime_type: 'audio/x-wav' })), true);
    assert.equal(filters.Document.IMAGE.checkUpdate(doc({ mime_type: 'image/png' })), true);
    assert.equal(filters.Document.VIDEO.checkUpdate(doc({ mime_type: 'video/webm' })), true);
    assert.equal(filters.Document.VIDEO.checkUpdate(nameless), false);
    assert.equal(new filters.Document.Category('text/').name, "filters.Document.Category('text/')");
  });

  test('FileExtension, case-insensitive by default; null for names without a dot', () => {
    assert.equal(new filters.Document.FileExtension('pdf').checkUpdate(pdf), true);
    assert.equal(new filters.Document.FileExtension('PDF').name, "filters.Document.FileExtension('pdf')");
    assert.equal(new filters.Document.FileExtension('pdf', true).checkUpdate(pdf), false);
    assert.equal(new filters.Document.FileExtension('PDF', true).checkUpdate(pdf), true);
    assert.equal(new filters.Document.FileExtension('.pdf').checkUpdate(pdf), false, 'looks for "..pdf"');
    assert.equal(new filters.Document.FileExtension(null).checkUpdate(plain), true);
    assert.equal(new filters.Document.FileExtension(null).checkUpdate(pdf), false);
    assert.equal(new filters.Document.FileExtension('pdf').checkUpdate(nameless), false);
    assert.equal(new filters.Document.FileExtension(null).checkUpdate(nameless), false);
  });

  test('MimeType and its constants', () => {
    const expected: Record<string, string> = {
      APK: 'application/vnd.android.package-archive',
      DOC: 'application/msword',
      DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      EXE: 'application/octet-stream',
      MP4: 'video/mp4',
      GIF: 'image/gif',
      JPG: 'image/jpeg',
      MP3: 'audio/mpeg',
      PDF: 'application/pdf',
      PY: 'text/x-python',
      SVG: 'image/svg+xml',
      TXT: 'text/plain',
      TARGZ: 'application/x-compressed-tar',
      WAV: 'audio/x-wav',
      XML: 'text/xml',
      ZIP: 'application/zip',
    };
    for (const [name, mime] of Object.entries(expected)) {
      const filter = filters.Document[name as keyof typeof filters.Document] as filters.BaseFilter;
      assert.equal(filter.checkUpdate(doc({ mime_type: mime })), true, name);
      assert.equal(filter.checkUpdate(doc({ mime_type: `${mime}x` })), false, name);
      assert.equal(filter.name, `filters.Document.MimeType('${mime}')`);
    }
    assert.equal(new filters.Document.MimeType('application/pdf').checkUpdate(pdf), true);
    assert.equal(new filters.Document.MimeType('application/pdf').checkUpdate(textUpdate('x')), false);
  });
});

describe('Sticker', () => {
  const sticker = (fields: Record<string, unknown>) => {
    const base = messageFieldSample('sticker') as Record<string, unknown>;
    const { premium_animation: _premium, ...plain } = base;
    return messageUpdate({ sticker: { ...plain, is_animated: false, is_video: false, ...fields } });
  };
  const flat = sticker({});
  const animated = sticker({ is_animated: true });
  const video = sticker({ is_video: true });
  const premium = sticker({ premium_animation: { file_id: 'p', file_unique_id: 'pu' } });

  test('each kind passes its own stickers', () => {
    const table = [
      [filters.Sticker.ALL, [flat, animated, video, premium]],
      [filters.Sticker.STATIC, [flat, premium]],
      [filters.Sticker.ANIMATED, [animated]],
      [filters.Sticker.VIDEO, [video]],
      [filters.Sticker.PREMIUM, [premium]],
    ] as const;
    for (const [filter, passing] of table) {
      for (const update of [flat, animated, video, premium]) {
        assert.equal(
          filter.checkUpdate(update),
          (passing as readonly unknown[]).includes(update),
          filter.name,
        );
      }
      assert.equal(filter.checkUpdate(textUpdate('x')), false);
    }
    assert.equal(filters.Sticker.PREMIUM.name, 'filters.Sticker.PREMIUM');
  });
});
