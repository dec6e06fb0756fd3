// The image header reader behind sendPhoto: the layouts real files have, and what it must refuse.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { imageInfo, solidJpeg } from '../../src/testing/images.js';
import { gifImage, jpegImage, pngImage, webpImage } from '../helpers/images.js';

// A 123x45 lossy (VP8) WebP, made with `cwebp -q 50` from a black PNG.
const LOSSY_WEBP = Buffer.from(
  '524946463e000000574542505650382032000000f003009d012a7b002d003ed168b052a82624a2a16801001a09' +
    '6900000b32244891224489122447d000fef39d800000000000',
  'hex',
);

const size = (data: Buffer): string | undefined => {
  const info = imageInfo(data);
  return info && `${info.format} ${info.width}x${info.height}`;
};

describe('image headers', () => {
  test('each format and variant is read', () => {
    assert.equal(size(pngImage(640, 480)), 'png 640x480');
    assert.equal(size(jpegImage(1024, 768)), 'jpeg 1024x768');
    assert.equal(size(gifImage(300, 200)), 'gif 300x200');
    assert.equal(size(webpImage(16000, 3)), 'webp 16000x3');
    assert.equal(size(webpImage(5, 9, true)), 'webp 5x9');
    assert.equal(size(LOSSY_WEBP), 'webp 123x45');
  });

  test('JPEG segments before the frame header are skipped, whatever the frame type', () => {
    const plain = jpegImage(50, 40);
    const exif = Buffer.from([0xff, 0xe1, 0x00, 0x08, ...Buffer.from('Exif\0\0', 'latin1')]);
    // SOI, an EXIF segment, fill bytes, then the rest of the file.
    const withExif = Buffer.concat([
      plain.subarray(0, 2),
      exif,
      Buffer.from([0xff, 0xff]),
      plain.subarray(2),
    ]);
    assert.equal(size(withExif), 'jpeg 50x40');
    // The same frame marked progressive (SOF2) rather than baseline (SOF0).
    const progressive = Buffer.from(plain);
    const sof = progressive.indexOf(Buffer.from([0xff, 0xc0]));
    progressive[sof + 1] = 0xc2;
    assert.equal(size(progressive), 'jpeg 50x40');
  });

  test('what is not an image, or is cut short, gives nothing', () => {
    const refused: [string, Buffer][] = [
      ['text', Buffer.from('hello, world, this is not a picture')],
      ['empty', Buffer.alloc(0)],
      ['PNG signature only', pngImage(4, 4).subarray(0, 8)],
      ['PNG without IHDR first', Buffer.concat([pngImage(4, 4).subarray(0, 12), Buffer.alloc(21)])],
      ['JPEG start only', jpegImage(4, 4).subarray(0, 4)],
      ['JPEG scan before any frame', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9])],
      ['GIF of no pixels', gifImage(4, 4).fill(0, 6, 10)],
      ['RIFF that is no WebP', Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVE', 'latin1'), Buffer.alloc(30)])],
      ['WebP cut short', webpImage(4, 4).subarray(0, 22)],
    ];
    for (const [name, data] of refused) assert.equal(imageInfo(data), undefined, name);
  });

  test('the thumbnails the emulator makes are JPEGs of the size asked', () => {
    for (const [width, height] of [
      [90, 45],
      [1280, 960],
      [1, 1],
      [17, 9],
    ] as const) {
      assert.equal(size(solidJpeg(width, height)), `jpeg ${width}x${height}`);
    }
    assert.ok(solidJpeg(1280, 960).length > solidJpeg(90, 68).length, 'bigger images take more bytes');
  });
});
