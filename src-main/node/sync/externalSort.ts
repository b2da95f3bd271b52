// Sorts more lines than memory holds: lines are gathered up to a budget, sorted
// (JavaScript's own string order, which for the ASCII keys used here is byte order) and
// written to a run file; reading back merges the runs through a small heap. Lines must
// not contain a newline. Callers put the sort key first, ended by a tab (which sorts
// before every character a key may hold), so a line's order is its key's order.
// Lines travel in batches: one promise per line would cost more than the merge.
import fs from 'node:fs';
import path from 'node:path';

/** A text file's lines, in batches (one per read chunk). */
export async function* lineBatches(file: string): AsyncGenerator<string[]> {
  let carry = '';
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1024 * 1024 }) as AsyncIterable<string>) {
    const lines = (carry + chunk).split('\n');
    carry = lines.pop()!;
    if (lines.length > 0) yield lines;
  }
  if (carry !== '') yield [carry];
}

/** Walks batches of lines one line at a time; `next()` returns a promise only when it must read. */
export class LineCursor {
  /** The current line; null before the first `next()` and after the last line. */
  line: string | null = null;
  private batch: string[] = [];
  private index = 0;

  constructor(private readonly source: AsyncIterator<string[]>) {}

  next(): Promise<void> | undefined {
    if (++this.index < this.batch.length) {
      this.line = this.batch[this.index]!;
      return undefined;
    }
    return this.refill();
  }

  private async refill(): Promise<void> {
    for (;;) {
      const r = await this.source.next();
      if (r.done) {
        this.line = null;
        return;
      }
      if (r.value.length > 0) {
        this.batch = r.value;
        this.index = 0;
        this.line = this.batch[0]!;
        return;
      }
    }
  }

  async close(): Promise<void> {
    await this.source.return?.(undefined);
  }
}

const BATCH = 4096;

export class ExternalSorter {
  private buffer: string[] = [];
  private bytes = 0;
  private readonly runs: string[] = [];

  /** `budget`: characters held in memory before a run is written (default 128 Mi). */
  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly budget = 128 * 1024 * 1024,
  ) {}

  add(line: string): void {
    this.buffer.push(line);
    this.bytes += line.length;
    if (this.bytes >= this.budget) this.spill();
  }

  get runCount(): number {
    return this.runs.length;
  }

  private spill(): void {
    this.buffer.sort();
    const file = path.join(this.dir, `${this.name}-${this.runs.length}.run`);
    const fd = fs.openSync(file, 'w');
    try {
      // Written in slices: a whole run as one string could pass V8's longest string.
      for (let i = 0; i < this.buffer.length; i += BATCH) fs.writeSync(fd, `${this.buffer.slice(i, i + BATCH).join('\n')}\n`);
    } finally {
      fs.closeSync(fd);
    }
    this.runs.push(file);
    this.buffer = [];
    this.bytes = 0;
  }

  /** Every line added, in order, in batches (run files are removed when the merge ends). */
  async *sorted(): AsyncGenerator<string[]> {
    if (this.runs.length === 0) {
      this.buffer.sort();
      const lines = this.buffer;
      this.buffer = [];
      for (let i = 0; i < lines.length; i += BATCH) yield lines.slice(i, i + BATCH);
      return;
    }
    if (this.buffer.length > 0) this.spill();
    const cursors = this.runs.map((f) => new LineCursor(lineBatches(f)));
    try {
      const heap: LineCursor[] = [];
      for (const c of cursors) {
        await c.next();
        if (c.line !== null) heap.push(c);
      }
      const less = (a: LineCursor, b: LineCursor): boolean => a.line! < b.line!;
      const down = (start: number): void => {
        for (let i = start; ; ) {
          const l = 2 * i + 1;
          let m = i;
          if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
          if (l + 1 < heap.length && less(heap[l + 1]!, heap[m]!)) m = l + 1;
          if (m === i) return;
          [heap[i], heap[m]] = [heap[m]!, heap[i]!];
          i = m;
        }
      };
      for (let i = Math.floor(heap.length / 2) - 1; i >= 0; i--) down(i);
      let out: string[] = [];
      while (heap.length > 0) {
        const top = heap[0]!;
        out.push(top.line!);
        const wait = top.next();
        if (wait) await wait;
        if (top.line === null) {
          heap[0] = heap[heap.length - 1]!;
          heap.pop();
        }
        if (heap.length > 0) down(0);
        if (out.length >= BATCH) {
          yield out;
          out = [];
        }
      }
      if (out.length > 0) yield out;
    } finally {
      await Promise.all(cursors.map((c) => c.close()));
      for (const f of this.runs) fs.rmSync(f, { force: true });
    }
  }
}
