// The log file: created 0600, rotated when it reaches a size, and rotated files
// removed past an age and beyond a count — a kiosk runs for years unattended and its
// logs, masked as they are, still say who used it when.
import fs from 'node:fs';
import path from 'node:path';

export interface LogRetention {
  /** Rotate kiosk.log when a write would take it past this many bytes. */
  maxBytes: number;
  /** Rotated files kept at most. */
  maxFiles: number;
  /** Rotated files older than this are removed. */
  maxAgeDays: number;
}

export const DEFAULT_LOG_RETENTION: LogRetention = { maxBytes: 10 * 1024 * 1024, maxFiles: 10, maxAgeDays: 30 };

const FILE_MODE = 0o600;

/** A synchronous destination for pino: each line is on disk when the call returns. */
export class RotatingLogFile {
  private fd: number;
  private size: number;

  constructor(
    private readonly file: string,
    private readonly retention: LogRetention = DEFAULT_LOG_RETENTION,
    private readonly now: () => Date = () => new Date(),
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.fd = this.open();
    this.size = fs.fstatSync(this.fd).size;
    this.expire();
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.retention.maxBytes) this.rotate();
    fs.writeSync(this.fd, line);
    this.size += bytes;
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  /** Rotated files, oldest first. */
  rotated(): string[] {
    const { name, ext } = path.parse(this.file);
    const dir = path.dirname(this.file);
    return fs
      .readdirSync(dir)
      .filter((f) => f.startsWith(`${name}.`) && f.endsWith(ext) && f !== path.basename(this.file))
      .sort()
      .map((f) => path.join(dir, f));
  }

  private open(): number {
    const fd = fs.openSync(this.file, 'a', FILE_MODE);
    // A file made by an older version (or another umask) is narrowed too.
    fs.fchmodSync(fd, FILE_MODE);
    return fd;
  }

  private rotate(): void {
    fs.closeSync(this.fd);
    const { dir, name, ext } = path.parse(this.file);
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    let target = path.join(dir, `${name}.${stamp}${ext}`);
    for (let n = 1; fs.existsSync(target); n++) target = path.join(dir, `${name}.${stamp}-${n}${ext}`);
    fs.renameSync(this.file, target);
    this.fd = this.open();
    this.size = 0;
    this.expire();
  }

  private expire(): void {
    const cutoff = this.now().getTime() - this.retention.maxAgeDays * 86_400_000;
    const files = this.rotated();
    files.forEach((f, i) => {
      const tooMany = i < files.length - this.retention.maxFiles;
      if (tooMany || fs.statSync(f).mtimeMs < cutoff) fs.rmSync(f, { force: true });
    });
  }
}
