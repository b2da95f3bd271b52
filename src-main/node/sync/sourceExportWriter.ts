// Writes subject bundles as a folder of source exports, the publisher's input (docs/sync.md):
// subjects.ndjson and one NDJSON file per record category, records without dataVersion.
// For the generator's data in benches and tests of `publish --input`; streams, so any
// number of bundles fits in memory.
import fs from 'node:fs';
import path from 'node:path';
import type { SubjectBundle } from '../cache/cacheWriter';

const FLUSH_LINES = 4096;

/** Lines to a file, written in slices of FLUSH_LINES. */
class LineFile {
  private lines: string[] = [];
  private readonly fd: number;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  add(line: string): void {
    this.lines.push(line);
    if (this.lines.length >= FLUSH_LINES) this.flush();
  }

  private flush(): void {
    if (this.lines.length > 0) fs.writeSync(this.fd, `${this.lines.join('\n')}\n`);
    this.lines = [];
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

export function writeSourceExports(dir: string, bundles: Iterable<SubjectBundle>): void {
  fs.mkdirSync(dir, { recursive: true });
  const files = new Map<string, LineFile>();
  const fileFor = (name: string): LineFile => {
    let file = files.get(name);
    if (!file) files.set(name, (file = new LineFile(path.join(dir, `${name}.ndjson`))));
    return file;
  };
  try {
    for (const { subject, records } of bundles) {
      fileFor('subjects').add(JSON.stringify(subject));
      for (const { dataVersion: _release, ...r } of records) fileFor(r.category).add(JSON.stringify(r));
    }
  } finally {
    for (const file of files.values()) file.close();
  }
}
