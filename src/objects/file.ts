/**
 * Downloads on `File` (what getFile returns): PTB's `download_to_drive`, `download_to_memory` and
 * `download_as_bytearray`. In local mode `file_path` is a path on this machine and is copied.
 * A Telegram Passport file given its credentials (`setCredentials`) is decrypted on the way.
 */
import { writeFile } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { File } from '../generated/types.js';
import type { FileCredentials } from '../passport/credentials.js';
import { decryptPayload, fromBase64 } from '../passport/crypto.js';
import { attachFileCredentials, credentialsOfFile } from '../passport/element.js';
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
    /**
     * Makes every download of this file decrypt it with `credentials` (a Telegram Passport file);
     * `PassportFile.getFile()` does it for the files of `PassportData.decryptedData`.
     */
    setCredentials(credentials: FileCredentials | undefined): void;
    /** The credentials set with {@link setCredentials}, if any. */
    readonly credentials: FileCredentials | undefined;
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

/** The whole file, fetched (or read in local mode) and decrypted with `credentials`. */
async function decryptedBytes(
  file: File,
  credentials: FileCredentials,
  options: DownloadOptions,
): Promise<Buffer> {
  const path = requirePath(file);
  const encrypted = isLocal(file, path)
    ? await readLocalFile(path)
    : await downloadToBytes(file.getBot().request, urlOf(file, path), options);
  return decryptPayload(
    fromBase64(credentials.secret, 'the file secret'),
    fromBase64(credentials.file_hash, 'the file hash'),
    encrypted,
  );
}

defineBehaviour(File, {
  async downloadToDrive(customPath, options = {}) {
    const path = this.file_path;
    const credentials = credentialsOfFile(this);
    if (credentials !== undefined) {
      // Decrypting needs the whole file (the hash covers it), so it is held in memory first.
      const bytes = await decryptedBytes(this, credentials, options);
      const target = resolve(
        customPath instanceof URL
          ? fileURLToPath(customPath)
          : (customPath ?? (path === undefined ? this.file_id : basename(path))),
      );
      await writeFile(target, bytes);
      return target;
    }
    if (path !== undefined && isLocal(this, path)) {
      return customPath === undefined ? path : copyLocalFile(path, customPath);
    }
    const target = customPath ?? resolve(path === undefined ? this.file_id : basename(path));
    return downloadToFile(this.getBot().request, urlOf(this, requirePath(this)), target, options);
  },

  async downloadToMemory(destination, options = {}) {
    const credentials = credentialsOfFile(this);
    if (credentials !== undefined) {
      const bytes = await decryptedBytes(this, credentials, options);
      const output = destination instanceof Writable ? destination : Writable.fromWeb(destination);
      await pipeline(Readable.from([bytes]), output, {
        end: options.end ?? true,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      return;
    }
    const path = requirePath(this);
    if (isLocal(this, path)) return copyLocalFileToWritable(path, destination, options);
    return downloadToWritable(this.getBot().request, urlOf(this, path), destination, options);
  },

  async downloadAsBytearray(options = {}) {
    const credentials = credentialsOfFile(this);
    if (credentials !== undefined) return decryptedBytes(this, credentials, options);
    const path = requirePath(this);
    if (isLocal(this, path)) return readLocalFile(path);
    return downloadToBytes(this.getBot().request, urlOf(this, path), options);
  },

  setCredentials(credentials) {
    attachFileCredentials(this, credentials);
  },

  get credentials(): FileCredentials | undefined {
    return credentialsOfFile(this);
  },
});
