/** Stored files: uploads, files re-sent by file_id or URL, and the media objects describing them. */
import { createHash, randomBytes } from 'node:crypto';
import { badRequest } from '../errors.js';
import type { ImageFormat } from '../images.js';
import { imageInfo, solidJpeg } from '../images.js';
import { extensionOf, mimeTypeOf } from '../mime-types.js';
import { UploadRef } from '../validate.js';
import type { FileRecord, Json } from './records.js';
import type { World } from './world.js';

/** Kinds of media a message can carry (each a Message field holding a file). */
export const MEDIA_KINDS = [
  'photo',
  'document',
  'audio',
  'video',
  'animation',
  'voice',
  'video_note',
  'sticker',
] as const;

/** One of {@link MEDIA_KINDS}. */
export type MediaKind = (typeof MEDIA_KINDS)[number];

const EXTENSIONS: Record<MediaKind, string> = {
  photo: 'jpg',
  document: 'dat',
  audio: 'mp3',
  video: 'mp4',
  animation: 'mp4',
  voice: 'oga',
  video_note: 'mp4',
  sticker: 'webp',
};

const FOLDERS: Record<MediaKind, string> = {
  photo: 'photos',
  document: 'documents',
  audio: 'music',
  video: 'videos',
  animation: 'animations',
  voice: 'voice',
  video_note: 'video_notes',
  sticker: 'stickers',
};

/** The MIME type a kind reports when neither the file name nor the upload says anything. */
const DEFAULT_MIME: Partial<Record<MediaKind, string>> = {
  document: 'application/octet-stream',
  audio: 'audio/mpeg',
  video: 'video/mp4',
  animation: 'video/mp4',
  voice: 'audio/ogg',
};

const IMAGE_MIME: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** The long side of each photo size Telegram keeps, smallest first ('s', 'm', 'x', 'y'). */
export const PHOTO_SIDES = [90, 320, 800, 1280] as const;

/** The size of the image a user's photo gets when the test gives no bytes. */
const DEFAULT_PHOTO = { width: 800, height: 600 };

/**
 * The MIME type Telegram reports: by the file name's extension, else the type the upload declared,
 * else the kind's default. Telegram turns GIF animations into MP4 videos.
 */
function mimeFor(
  kind: MediaKind,
  fileName: string | undefined,
  declared: string | undefined,
): string | undefined {
  if (kind === 'photo' || kind === 'sticker' || kind === 'video_note') return undefined;
  const declaredType = declared?.split(';')[0]?.trim().toLowerCase() || undefined;
  const mime = mimeTypeOf(fileName) ?? declaredType ?? DEFAULT_MIME[kind];
  return kind === 'animation' && mime === 'image/gif' ? 'video/mp4' : mime;
}

interface NewFile {
  readonly data: Buffer;
  readonly kind: MediaKind;
  readonly extension: string;
  readonly fileName?: string | undefined;
  readonly mimeType?: string | undefined;
  readonly width?: number;
  readonly height?: number;
  readonly sizes?: readonly FileRecord[];
  /** The folder of its file_path, the kind's by default. */
  readonly folder?: string;
}

function addRecord(world: World, file: NewFile): FileRecord {
  const number = world.nextFileNumber();
  const unique = createHash('sha256').update(file.data).update(String(number)).digest();
  const fileId = `${file.kind === 'photo' ? 'AgAC' : 'BQAC'}${randomBytes(45).toString('base64url')}`;
  const extension = file.extension.replace(/[^A-Za-z0-9]/g, '') || 'dat';
  const record: FileRecord = {
    fileId,
    fileUniqueId: `AgAD${unique.subarray(0, 9).toString('base64url')}`,
    data: file.data,
    filePath: `${file.folder ?? FOLDERS[file.kind]}/file_${number}.${extension}`,
    fileName: file.fileName,
    mimeType: file.mimeType,
    ...(file.width !== undefined && { width: file.width }),
    ...(file.height !== undefined && { height: file.height }),
    ...(file.sizes !== undefined && { sizes: file.sizes }),
  };
  world.files.set(fileId, record);
  return record;
}

/** The size an image of `width` x `height` gets when its long side is brought down to `side`. */
function scaled(width: number, height: number, side: number): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= side) return { width, height };
  const ratio = side / long;
  return { width: Math.max(1, Math.round(width * ratio)), height: Math.max(1, Math.round(height * ratio)) };
}

/**
 * Stores a photo as Telegram does: one file per entry of {@link PHOTO_SIDES} (the image scaled so
 * its long side is at most that many pixels, never enlarged, equal sizes kept once). The entry at
 * the original size keeps the uploaded bytes; scaled ones are plain grey JPEGs of their size.
 * Returns the largest; every entry's `sizes` lists all of them. Bytes that are no PNG, JPEG, GIF
 * or WebP image are refused.
 */
export function storePhoto(world: World, data: Buffer): FileRecord {
  const info = imageInfo(data);
  if (info === undefined) throw badRequest('IMAGE_PROCESS_FAILED');
  const { width, height } = info;
  if (width + height > 10_000 || Math.max(width, height) / Math.min(width, height) > 20) {
    throw badRequest('PHOTO_INVALID_DIMENSIONS');
  }
  const sizes: FileRecord[] = [];
  for (const side of PHOTO_SIDES) {
    const size = scaled(width, height, side);
    const last = sizes.at(-1);
    if (last !== undefined && last.width === size.width && last.height === size.height) continue;
    const original = size.width === width && size.height === height;
    sizes.push(
      addRecord(world, {
        kind: 'photo',
        data: original ? data : solidJpeg(size.width, size.height),
        extension: original && info.format !== 'jpeg' ? info.format : 'jpg',
        mimeType: original ? IMAGE_MIME[info.format] : 'image/jpeg',
        ...size,
        sizes,
      }),
    );
  }
  const largest = sizes.at(-1);
  if (largest === undefined) throw badRequest('IMAGE_PROCESS_FAILED');
  return largest;
}

/**
 * Stores bytes as a new file of a kind and returns its record (for a photo, its largest size).
 * A photo without bytes — a simulated user's photo the test gave no content for — is a plain image.
 */
export function storeFile(
  world: World,
  data: Buffer,
  kind: MediaKind,
  fileName: string | undefined,
  mimeType: string | undefined,
): FileRecord {
  if (kind === 'photo') {
    return storePhoto(world, data.length > 0 ? data : solidJpeg(DEFAULT_PHOTO.width, DEFAULT_PHOTO.height));
  }
  return addRecord(world, {
    kind,
    data,
    extension: extensionOf(fileName) ?? EXTENSIONS[kind],
    fileName,
    mimeType: mimeFor(kind, fileName, mimeType),
  });
}

/**
 * Stores a Telegram Passport scan, already encrypted (see passport.ts), as the PassportFile a bot
 * receives; it downloads through getFile like any file, still encrypted.
 */
export function storePassportFile(world: World, encrypted: Buffer): Json {
  const record = addRecord(world, {
    kind: 'document',
    data: encrypted,
    extension: 'jpg',
    folder: 'passport',
  });
  return { ...base(record), file_date: world.now() };
}

/** What the emulator answers for an HTTP URL in place of fetching it (it never goes online). */
export interface RegisteredUrl {
  readonly data: Buffer;
  readonly contentType: string | undefined;
}

/** Makes `url` serve these bytes to every method that is given it as a file. */
export function registerUrl(world: World, url: string, content: RegisteredUrl): void {
  if (!/^https?:\/\/[^/\s]+/i.test(url)) throw badRequest('url must be an HTTP or HTTPS URL');
  world.urls.set(url, content);
}

function fromUrl(world: World, url: string, kind: MediaKind): FileRecord {
  const content = world.urls.get(url);
  if (content === undefined) throw badRequest('failed to get HTTP URL content');
  if (kind === 'photo' && imageInfo(content.data) === undefined) {
    throw badRequest('wrong type of the web page content');
  }
  let name: string | undefined;
  try {
    name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || undefined;
  } catch {
    name = undefined;
  }
  return storeFile(world, content.data, kind, name, content.contentType);
}

/**
 * Resolves a file parameter: an upload stores new bytes, a known file_id reuses the file, an HTTP
 * URL stores the bytes registered for it (see {@link registerUrl}). Anything else is Telegram's
 * "wrong file identifier". A photo must be an image, and a photo's file_id cannot stand for
 * another kind of file.
 */
export function resolveFile(world: World, value: unknown, kind: MediaKind): FileRecord {
  if (value instanceof UploadRef) {
    const { data, filename, contentType } = value.upload;
    if (kind === 'photo') return storePhoto(world, data);
    return storeFile(world, data, kind, filename, contentType);
  }
  if (typeof value === 'string') {
    const known = world.files.get(value);
    if (known !== undefined) {
      if (kind === 'photo' && known.sizes === undefined) throw badRequest('type of file mismatch');
      return known;
    }
    if (/^https?:\/\//i.test(value)) return fromUrl(world, value, kind);
  }
  throw badRequest('wrong file identifier/HTTP URL specified');
}

function base(file: FileRecord): Json {
  return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.data.length };
}

function photoSizes(file: FileRecord): Json[] {
  if (file.sizes === undefined) throw badRequest('type of file mismatch');
  return file.sizes.map((size) => ({ ...base(size), width: size.width, height: size.height }));
}

/** The message field describing a file of this kind (PhotoSize[], Document, Audio, ...). */
export function mediaJson(file: FileRecord, kind: MediaKind, params: Json): unknown {
  const duration = typeof params.duration === 'number' ? params.duration : 0;
  const named: Json = { ...base(file) };
  if (file.fileName !== undefined) named.file_name = file.fileName;
  if (file.mimeType !== undefined) named.mime_type = file.mimeType;
  switch (kind) {
    case 'photo':
      return photoSizes(file);
    case 'document':
      return named;
    case 'audio': {
      const out: Json = { ...named, duration };
      if (typeof params.performer === 'string') out.performer = params.performer;
      if (typeof params.title === 'string') out.title = params.title;
      return out;
    }
    case 'video':
    case 'animation': {
      // A GIF (or WebP) animation's header gives its size; other videos need the parameters.
      const image = kind === 'animation' ? imageInfo(file.data) : undefined;
      return {
        ...named,
        width: typeof params.width === 'number' ? params.width : (image?.width ?? 640),
        height: typeof params.height === 'number' ? params.height : (image?.height ?? 360),
        duration,
      };
    }
    case 'voice':
      return { ...base(file), duration, ...(file.mimeType !== undefined && { mime_type: file.mimeType }) };
    case 'video_note':
      return { ...base(file), length: typeof params.length === 'number' ? params.length : 240, duration };
    case 'sticker':
      return { ...base(file), type: 'regular', width: 512, height: 512, is_animated: false, is_video: false };
  }
}

/** The `File` object of `getFile`. */
export function fileJson(file: FileRecord): Json {
  return { ...base(file), file_path: file.filePath };
}
