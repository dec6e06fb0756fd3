/**
 * An append-only journal file: lines of JSON, each written and synced to disk before its append
 * resolves (appends queued meanwhile share one write and one sync), emptied once their content
 * is stored elsewhere. A kill in the middle of a write leaves at most a torn last line without
 * its newline, which {@link readJournal} drops and cuts off.
 */
import { close, fdatasync, fstat, ftruncate, open, writeSync } from 'node:fs';
import { truncate } from 'node:fs/promises';
import { promisify } from 'node:util';
import { readTextIfExists } from './atomic-file.js';

// Plain descriptors, not FileHandles: a bot killed or never shut down leaves no handle for the
// garbage collector to close with a warning.
const openFd = promisify(open);
const syncFd = promisify(fdatasync);
const statFd = promisify(fstat);
const truncateFd = promisify(ftruncate);
const closeFd = promisify(close);

/** The complete lines of a journal file (a torn tail is cut off the file); none when it does not exist. */
export async function readJournal(file: string): Promise<string[]> {
  let text: string | undefined;
  try {
    text = await readTextIfExists(file);
  } catch (error) {
    throw new Error(`cannot read the journal ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (text === undefined || text === '') return [];
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) {
    // Appends only ever add whole lines: anything after the last newline is a write a kill cut.
    await truncate(file, Buffer.byteLength(text.slice(0, end), 'utf8'));
  }
  return text
    .slice(0, end)
    .split('\n')
    .filter((line) => line !== '');
}

/**
 * Appends lines to one journal file; appends and {@link clear} run one after another.
 *
 * @example
 * ```ts
 * const journal = new JournalFile('bot.json.journal');
 * await journal.append('{"u":1}'); // on disk when this resolves
 * await journal.clear();
 * ```
 */
export class JournalFile {
  readonly file: string;
  /** Whether each write is synced to disk before its appends resolve. */
  readonly sync: boolean;
  #fd: number | undefined;
  #size = 0;
  #queue: { text: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #draining: Promise<void> | undefined;

  /**
   * `sync: false` skips the sync of each write: a line is in the operating system's hands when its
   * append resolves, which survives the process being killed but not a power cut or a kernel crash.
   */
  constructor(file: string, options: { readonly sync?: boolean } = {}) {
    this.file = file;
    this.sync = options.sync ?? true;
  }

  /** Whether anything was appended since the file was opened or cleared. */
  get empty(): boolean {
    return this.#size === 0;
  }

  /**
   * Appends one line (no newline in it); resolves once it is written and (with `sync`) synced. Appends made while a
   * write is in progress are written and synced together next.
   */
  append(line: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ text: `${line}\n`, resolve, reject });
      this.#draining ??= this.#drain();
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue;
      this.#queue = [];
      try {
        await this.#write(batch.map((entry) => entry.text).join(''));
        for (const entry of batch) entry.resolve();
      } catch (error) {
        const failure = new Error(`cannot append to the journal ${this.file}: ${(error as Error).message}`, {
          cause: error,
        });
        for (const entry of batch) entry.reject(failure);
      }
    }
    this.#draining = undefined;
  }

  async #write(text: string): Promise<void> {
    const fd = await this.#open();
    const bytes = Buffer.from(text, 'utf8');
    try {
      // A write of a few lines to the page cache takes microseconds: done synchronously, it
      // saves a thread-pool round trip per batch; only the sync to disk is worth waiting for.
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      if (this.sync) await syncFd(fd);
      this.#size += bytes.length;
    } catch (error) {
      // Leave no half batch behind: lines that were not confirmed must not be replayed.
      await truncateFd(fd, this.#size).catch(() => undefined);
      throw error;
    }
  }

  async #open(): Promise<number> {
    if (this.#fd !== undefined) return this.#fd;
    const fd = await openFd(this.file, 'a', 0o600);
    this.#size = (await statFd(fd)).size;
    this.#fd = fd;
    return fd;
  }

  /** Waits for the appends in progress. */
  async settled(): Promise<void> {
    while (this.#draining !== undefined) await this.#draining;
  }

  /** Empties the file (its content is stored elsewhere now). Call between appends (see {@link settled}). */
  async clear(): Promise<void> {
    await this.settled();
    const fd = await this.#open();
    await truncateFd(fd, 0);
    await syncFd(fd);
    this.#size = 0;
  }

  /** Closes the file; the next append opens it again. */
  async close(): Promise<void> {
    await this.settled();
    const fd = this.#fd;
    this.#fd = undefined;
    if (fd !== undefined) await closeFd(fd);
  }
}
