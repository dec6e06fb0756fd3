/**
 * Image headers: the pixel size of PNG, JPEG, GIF and WebP files read from their first bytes, and
 * a tiny encoder of plain grey JPEGs the emulator serves as the thumbnails it "renders".
 */

/** The formats {@link imageInfo} recognises. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

/** What the header of an image says. */
export interface ImageInfo {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function png(data: Buffer): ImageInfo | undefined {
  // The first chunk must be IHDR (13 bytes of data): width and height are its first two words.
  if (data.length < 33 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (data.readUInt32BE(8) !== 13 || data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { format: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function gif(data: Buffer): ImageInfo | undefined {
  const magic = data.toString('latin1', 0, 6);
  if (data.length < 13 || (magic !== 'GIF87a' && magic !== 'GIF89a')) return undefined;
  return { format: 'gif', width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
}

/** Start-of-frame markers: C0..CF except DHT (C4), JPG (C8) and DAC (CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpeg(data: Buffer): ImageInfo | undefined {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    // The image data starts (SOS) or ends (EOI) before any frame header: not a usable image.
    if (marker === 0xda || marker === 0xd9) return undefined;
    const length = data.readUInt16BE(at + 2);
    if (length < 2) return undefined;
    if (isStartOfFrame(marker)) {
      if (at + 9 > data.length) return undefined;
      return { format: 'jpeg', height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

function webp(data: Buffer): ImageInfo | undefined {
  if (data.length < 30 || data.toString('latin1', 0, 4) !== 'RIFF') return undefined;
  if (data.toString('latin1', 8, 12) !== 'WEBP') return undefined;
  const chunk = data.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    // Lossy: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height.
    if (data[23] !== 0x9d || data[24] !== 0x01 || data[25] !== 0x2a) return undefined;
    return { format: 'webp', width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    // Lossless: the signature byte 2F, then width-1 and height-1 in 14 bits each.
    if (data[20] !== 0x2f) return undefined;
    const bits = data.readUInt32LE(21);
    return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    // Extended: flags and reserved bytes, then the canvas width-1 and height-1 in 24 bits each.
    return { format: 'webp', width: data.readUIntLE(24, 3) + 1, height: data.readUIntLE(27, 3) + 1 };
  }
  return undefined;
}

/** The format and pixel size an image's header declares, or undefined if the bytes are no image. */
export function imageInfo(data: Buffer): ImageInfo | undefined {
  const info = png(data) ?? jpeg(data) ?? gif(data) ?? webp(data);
  if (info === undefined || info.width <= 0 || info.height <= 0) return undefined;
  return info;
}

function segment(marker: number, body: readonly number[]): number[] {
  const length = body.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...body];
}

/**
 * A valid baseline JPEG of a uniform mid-grey: one component, quantisation all ones, and Huffman
 * tables holding a single one-bit code each, so that every 8x8 block is "no DC change, end of
 * block" — two zero bits. Its size grows with the number of blocks, like a real file's.
 */
export function solidJpeg(width: number, height: number): Buffer {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const scan = Buffer.alloc(Math.ceil((blocks * 2) / 8));
  const padBits = scan.length * 8 - blocks * 2;
  // The last byte's unused bits are padded with ones, as the format asks.
  if (padBits > 0) scan[scan.length - 1] = (1 << padBits) - 1;
  const counts = (code: number): number[] => [code, 1, ...new Array<number>(15).fill(0), 0x00];
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xc4, counts(0x00)),
    ...segment(0xc4, counts(0x10)),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...scan,
    0xff,
    0xd9,
  ]);
}
