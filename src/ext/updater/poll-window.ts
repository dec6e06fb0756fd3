/**
 * The updates long polling has handed out and not yet confirmed to Telegram, in the order
 * Telegram sent them.
 *
 * Polling goes on while some of them are still being handled (a chat busy with its previous
 * update, a slow handler), so the next getUpdates overlaps the tail of the last batch. What it
 * confirms stays exact: the offset it sends is the oldest update not yet handled, so Telegram
 * forgets only handled updates, and it sends again the ones after it that are handed out already,
 * which {@link isDelivered} recognises and polling skips.
 */
export class PollWindow {
  /** Ids handed out, oldest first, from `#head` on; `#done` marks the handled ones. */
  #ids: number[] = [];
  #done: boolean[] = [];
  #head = 0;
  /** Absolute position of `#ids[0]`: a position handed to `complete` stays valid across compaction. */
  #base = 0;
  #last: number | undefined;
  #waiters: Array<() => void> = [];

  /** The offset a getUpdates sends: the oldest unhandled id, or the id after the last one handed out. */
  get offset(): number | undefined {
    if (this.#head < this.#ids.length) return this.#ids[this.#head];
    return this.#last === undefined ? undefined : this.#last + 1;
  }

  /** Updates handed out at or after the oldest unhandled one: what the next getUpdates repeats. */
  get size(): number {
    return this.#ids.length - this.#head;
  }

  /** Whether Telegram sent `id` before (it is then handled, or handed out and being handled). */
  isDelivered(id: number): boolean {
    return this.#last !== undefined && id <= this.#last;
  }

  /** Records an id as handed out; returns its position for {@link complete}. */
  deliver(id: number): number {
    this.#last = id;
    this.#ids.push(id);
    this.#done.push(false);
    return this.#base + this.#ids.length - 1;
  }

  /** Records an id that needs no handling (an unreadable update): handled as soon as seen. */
  skip(id: number): void {
    this.complete(this.deliver(id));
  }

  /** Marks the update at `position` handled, and wakes the waiters if the window shrank. */
  complete(position: number): void {
    const index = position - this.#base;
    this.#done[index] = true;
    if (index !== this.#head) return;
    while (this.#head < this.#ids.length && this.#done[this.#head] === true) this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#ids.length) {
      this.#ids = this.#ids.slice(this.#head);
      this.#done = this.#done.slice(this.#head);
      this.#base += this.#head;
      this.#head = 0;
    }
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  /**
   * Resolves once the window holds at most `size` updates, or `signal` aborts, or after `seconds`
   * when given.
   */
  shrinkTo(size: number, signal: AbortSignal | undefined, seconds?: number): Promise<void> {
    if (this.size <= size || signal?.aborted === true) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const finish = (): void => {
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', finish);
        resolve();
      };
      const check = (): void => {
        if (settled) return;
        if (this.size <= size) finish();
        else this.#waiters.push(check);
      };
      if (seconds !== undefined) timer = setTimeout(finish, seconds * 1000);
      signal?.addEventListener('abort', finish, { once: true });
      this.#waiters.push(check);
    });
  }
}
