/** Stored files: uploads, files re-sent by file_id or URL, and the media objects describing them. */
import { createHash, randomBytes } from 'node:crypto';
import { badRequest } from '../errors.js';
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

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

/** Stores bytes as a new file and returns its record. */
export function storeFile(
  world: World,
  data: Buffer,
  kind: MediaKind,
  fileName: string | undefined,
  mimeType: string | undefined,
): FileRecord {
  const number = world.nextFileNumber();
  const unique = createHash('sha256').update(data).update(String(number)).digest();
  const fileUniqueId = `AgAD${base64url(unique.subarray(0, 9))}`;
  const fileId = `${kind === 'photo' ? 'AgAC' : 'BQAC'}${base64url(randomBytes(45))}`;
  const extension = fileName?.includes('.')
    ? fileName.slice(fileName.lastIndexOf('.') + 1)
    : EXTENSIONS[kind];
  const record: FileRecord = {
    fileId,
    fileUniqueId,
    data,
    filePath: `${FOLDERS[kind]}/file_${number}.${extension.replace(/[^A-Za-z0-9]/g, '') || 'dat'}`,
    fileName,
    mimeType,
  };
  world.files.set(fileId, record);
  return record;
}

/**
 * Resolves a file parameter: an upload stores new bytes, a known file_id reuses the file, an HTTP
 * URL makes an empty file named after the URL. Anything else is Telegram's "wrong file identifier".
 */
export function resolveFile(world: World, value: unknown, kind: MediaKind): FileRecord {
  if (value instanceof UploadRef) {
    return storeFile(world, value.upload.data, kind, value.upload.filename, value.upload.contentType);
  }
  if (typeof value === 'string') {
    const known = world.files.get(value);
    if (known !== undefined) return known;
    if (/^https?:\/\//i.test(value)) {
      const name = decodeURIComponent(new URL(value).pathname.split('/').pop() ?? '') || undefined;
      return storeFile(world, Buffer.alloc(0), kind, name, undefined);
    }
  }
  throw badRequest('wrong file identifier/HTTP URL specified');
}

/** Reads the pixel size of PNG, GIF and JPEG images; a 4:3 default otherwise. */
export function imageSize(data: Buffer): { width: number; height: number } {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 10 && data.toString('latin1', 0, 3) === 'GIF') {
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let at = 2;
    while (at + 9 < data.length && data[at] === 0xff) {
      const marker = data[at + 1] ?? 0;
      const size = data.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xc3)
        return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
      at += 2 + size;
    }
  }
  return { width: 800, height: 600 };
}

function base(file: FileRecord): Json {
  return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.data.length };
}

/** The message field describing a file of this kind (PhotoSize[], Document, Audio, ...). */
export function mediaJson(file: FileRecord, kind: MediaKind, params: Json): unknown {
  const duration = typeof params.duration === 'number' ? params.duration : 0;
  const named: Json = { ...base(file) };
  if (file.fileName !== undefined) named.file_name = file.fileName;
  if (file.mimeType !== undefined) named.mime_type = file.mimeType;
  switch (kind) {
    case 'photo': {
      const { width, height } = imageSize(file.data);
      return [{ ...base(file), width, height }];
    }
    case 'document':
      return named;
    case 'audio': {
      const out: Json = { ...named, duration };
      if (typeof params.performer === 'string') out.performer = params.performer;
      if (typeof params.title === 'string') out.title = params.title;
      return out;
    }
    case 'video':
    case 'animation':
      return {
        ...named,
        width: typeof params.width === 'number' ? params.width : 640,
        height: typeof params.height === 'number' ? params.height : 360,
        duration,
      };
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
