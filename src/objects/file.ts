/**
 * Downloads on `File` (what getFile returns): PTB's `download_to_drive`, `download_to_memory` and
 * `download_as_bytearray`. In local mode `file_path` is a path on this machine and is copied.
 */
import { basename, isAbsolute, resolve } from 'node:path';
import { File } from '../generated/types.js';
import {
  type ByteDestination,
  buildFileUrl,
  copyLocalFile,
  copyLocalFileToWritable,
  type DownloadOptions,
  downloadToBytes,
  downloadToFile,
  downloadToWritable,
  readLocalFile,
  type WritableOptions,
} from '../request/download.js';
import { defineBehaviour } from './behaviour.js';

declare module '../generated/types.js' {
  interface File {
    /**
     * Saves the file to `customPath`, by default to the working directory under the name of its
     * `file_path` (or its `file_id` when there is none). Streams to disk; resolves to the path written.
     *
     * @example const path = await (await bot.getFile(voice.file_id)).downloadToDrive('voice.ogg');
     */
    downloadToDrive(customPath?: string | URL, options?: DownloadOptions): Promise<string>;
    /** Streams the file into a Node `Writable` or a web `WritableStream`. */
    downloadToMemory(destination: ByteDestination, options?: WritableOptions): Promise<void>;
    /** The file's bytes. */
    downloadAsBytearray(options?: DownloadOptions): Promise<Uint8Array>;
  }
}

function requirePath(file: File): string {
  if (file.file_path === undefined) {
    throw new Error(
      `File ${file.file_id} has no file_path: get it with bot.getFile(file_id) before downloading`,
    );
  }
  return file.file_path;
}

function isLocal(file: File, path: string): boolean {
  return file.getBot().localMode && isAbsolute(path);
}

function urlOf(file: File, path: string): string {
  return buildFileUrl(file.getBot().baseFileUrl, path);
}

defineBehaviour(File, {
  async downloadToDrive(customPath, options = {}) {
    const path = this.file_path;
    if (path !== undefined && isLocal(this, path)) {
      return customPath === undefined ? path : copyLocalFile(path, customPath);
    }
    const target = customPath ?? resolve(path === undefined ? this.file_id : basename(path));
    return downloadToFile(this.getBot().request, urlOf(this, requirePath(this)), target, options);
  },

  async downloadToMemory(destination, options = {}) {
    const path = requirePath(this);
    if (isLocal(this, path)) return copyLocalFileToWritable(path, destination, options);
    return downloadToWritable(this.getBot().request, urlOf(this, path), destination, options);
  },

  async downloadAsBytearray(options = {}) {
    const path = requirePath(this);
    if (isLocal(this, path)) return readLocalFile(path);
    return downloadToBytes(this.getBot().request, urlOf(this, path), options);
  },
});
