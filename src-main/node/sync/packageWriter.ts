// Writes a package: NDJSON lines through gzip into a file, hashing and counting the
// compressed bytes as they go and the decompressed bytes for the signed cap. Lines
// are batched (64 KiB) and written with back-pressure, so memory stays flat.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';
import type { PackageLine } from '../../common/sync/packageLines';

export interface WrittenPackage {
  /** Where it was written (the constructor's file). */
  file: string;
  length: number;
  uncompressedLength: number;
  sha256: string;
}

export class PackageWriter {
  private readonly gzip = zlib.createGzip({ level: 6 });
  private readonly out: fs.WriteStream;
  private readonly hash = crypto.createHash('sha256');
  private length = 0;
  private uncompressed = 0;
  private pending: string[] = [];
  private pendingBytes = 0;

  constructor(readonly file: string) {
    this.out = fs.createWriteStream(file, { flags: 'wx' });
    this.gzip.on('data', (chunk: Buffer) => {
      this.hash.update(chunk);
      this.length += chunk.length;
    });
    this.gzip.pipe(this.out);
  }

  async write(line: PackageLine): Promise<void> {
    await this.writeText(JSON.stringify(line));
  }

  /** A line already serialised (the release builder assembles subject lines from validated parts). */
  async writeText(json: string): Promise<void> {
    this.pending.push(json, '\n');
    this.pendingBytes += json.length + 1;
    if (this.pendingBytes >= 65_536) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const buf = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingBytes = 0;
    this.uncompressed += buf.length;
    if (!this.gzip.write(buf)) await once(this.gzip, 'drain');
  }

  async close(): Promise<WrittenPackage> {
    await this.flush();
    this.gzip.end();
    await once(this.out, 'close');
    return { file: this.file, length: this.length, uncompressedLength: this.uncompressed, sha256: this.hash.digest('hex') };
  }

  /** Stops writing and removes the file (a release refused half way leaves nothing behind). */
  async abort(): Promise<void> {
    this.pending = [];
    this.gzip.destroy();
    if (!this.out.closed) {
      const closed = once(this.out, 'close');
      this.out.destroy();
      await closed;
    }
    fs.rmSync(this.file, { force: true });
  }
}
