// Tiny valid images built byte by byte, for tests that send photos (the emulator reads their
// headers as Telegram's servers decode them, and refuses bytes that are no image).
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** A black 8-bit greyscale PNG. */
export function pngImage(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  // Each row: filter type 0, then one zero byte per pixel.
  const rows = Buffer.alloc((width + 1) * height);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes bits least significant first, as GIF's LZW codes and WebP's lossless stream want. */
class BitWriter {
  readonly bytes: number[] = [];
  #bit = 0;
  write(value: number, count: number): void {
    for (let i = 0; i < count; i += 1) {
      if (this.#bit === 0) this.bytes.push(0);
      const last = this.bytes.length - 1;
      this.bytes[last] = (this.bytes[last] ?? 0) | (((value >> i) & 1) << this.#bit);
      this.#bit = (this.#bit + 1) % 8;
    }
  }
}

/**
 * A black GIF89a with a two-colour palette. Its LZW data sends a clear code before every second
 * pixel, which keeps codes three bits wide without building a dictionary.
 */
export function gifImage(width: number, height: number): Buffer {
  const bits = new BitWriter();
  const clear = 4;
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    if (pixel % 2 === 0) bits.write(clear, 3);
    bits.write(0, 3);
  }
  bits.write(clear + 1, 3); // end of information
  const blocks: number[] = [];
  for (let at = 0; at < bits.bytes.length; at += 255) {
    const part = bits.bytes.slice(at, at + 255);
    blocks.push(part.length, ...part);
  }
  const size = (n: number): number[] => [n & 0xff, n >> 8];
  return Buffer.from([
    ...Buffer.from('GIF89a', 'latin1'),
    ...size(width),
    ...size(height),
    0x80, // a global palette of 2 colours
    0,
    0,
    ...[0, 0, 0, 255, 255, 255],
    0x2c, // image descriptor
    0,
    0,
    0,
    0,
    ...size(width),
    ...size(height),
    0,
    2, // LZW minimum code size
    ...blocks,
    0,
    0x3b, // trailer
  ]);
}

function riff(chunks: Buffer[]): Buffer {
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...chunks]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

function webpChunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, Buffer.alloc(body.length % 2)]);
}

/**
 * A lossless (VP8L) WebP of one opaque black colour: no transforms, and five prefix codes of a
 * single symbol each, so the pixels themselves take no bits. With `extended`, the same image
 * behind a VP8X header.
 */
export function webpImage(width: number, height: number, extended = false): Buffer {
  const bits = new BitWriter();
  bits.write(0x2f, 8);
  bits.write(width - 1, 14);
  bits.write(height - 1, 14);
  bits.write(0, 1); // no alpha used
  bits.write(0, 3); // version
  bits.write(0, 1); // no transform
  bits.write(0, 1); // no colour cache
  bits.write(0, 1); // no meta prefix codes
  for (const symbol of [0, 0, 0, 255, 0]) {
    // green, red, blue, alpha, distance: a "simple" code with one 8-bit symbol
    bits.write(1, 1);
    bits.write(0, 1);
    bits.write(1, 1);
    bits.write(symbol, 8);
  }
  const lossless = webpChunk('VP8L', Buffer.from(bits.bytes));
  if (!extended) return riff([lossless]);
  const header = Buffer.alloc(10);
  header.writeUIntLE(width - 1, 4, 3);
  header.writeUIntLE(height - 1, 7, 3);
  return riff([webpChunk('VP8X', header), lossless]);
}

/**
 * A baseline greyscale JPEG: quantisation all ones and one-bit Huffman codes, so each 8x8 block
 * is two zero bits ("DC unchanged", "end of block").
 */
export function jpegImage(width: number, height: number): Buffer {
  const segment = (marker: number, body: number[]): number[] => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const scan = Buffer.alloc(Math.ceil(blocks / 4));
  const pad = scan.length * 8 - blocks * 2;
  if (pad > 0) scan[scan.length - 1] = (1 << pad) - 1;
  const table = (id: number): number[] => [id, 1, ...new Array<number>(15).fill(0), 0];
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xc4, table(0x00)),
    ...segment(0xc4, table(0x10)),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
    ...scan,
    0xff,
    0xd9,
  ]);
}

/** The 2x1 PNG most tests send when any valid photo will do. */
export const TINY_PNG: Buffer = pngImage(2, 1);
