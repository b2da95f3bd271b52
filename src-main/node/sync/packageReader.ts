// Reads a package (gzip NDJSON) as validated lines, one at a time: memory is bounded
// by the longest line, whatever the package's size. The decompressed size is capped
// by the signed uncompressedLength (a compression bomb stops there), and the first
// and last lines must be the header and the end with matching counts (truncation).
import fs from 'node:fs';
import zlib from 'node:zlib';
import { PackageLineSchema, type PackageHeader, type PackageLine } from '../../common/sync/packageLines';
import { SyncRefusal } from '../../common/sync/trustRules';

export const MAX_LINE_BYTES = 32 * 1024 * 1024;

export interface ReadPackageOptions {
  maxUncompressed: number;
  /** Called with the header before any other line is yielded. */
  onHeader?: (header: PackageHeader) => void;
}

type BodyLine = Exclude<PackageLine, { t: 'header' } | { t: 'end' }>;

export async function* readPackage(file: string, options: ReadPackageOptions): AsyncGenerator<BodyLine> {
  const source = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  const gunzip = zlib.createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  let total = 0;
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let lineNo = 0;
  let header: PackageHeader | undefined;
  let ended = false;
  const counts = { subjects: 0, records: 0, tombstones: 0 };
  const handle = (raw: Buffer): BodyLine | null => {
    lineNo += 1;
    if (ended) throw new SyncRefusal('SYNC_BAD_PACKAGE', `line ${lineNo}: data after the end line`);
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new SyncRefusal('SYNC_BAD_PACKAGE', `line ${lineNo}: not JSON`);
    }
    const parsed = PackageLineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SyncRefusal('SYNC_BAD_PACKAGE', `line ${lineNo}: ${issue ? `${issue.path.map(String).join('.')} ${issue.message}` : 'invalid'}`);
    }
    const line = parsed.data;
    if (!header) {
      if (line.t !== 'header') throw new SyncRefusal('SYNC_BAD_PACKAGE', 'the first line is not the header');
      header = line;
      options.onHeader?.(line);
      return null;
    }
    switch (line.t) {
      case 'header':
        throw new SyncRefusal('SYNC_BAD_PACKAGE', `line ${lineNo}: a second header`);
      case 'end':
        if (line.subjects !== counts.subjects || line.records !== counts.records || line.tombstones !== counts.tombstones) {
          throw new SyncRefusal('SYNC_BAD_PACKAGE', 'the end line’s counts do not match the package');
        }
        ended = true;
        return null;
      case 'subject':
        counts.subjects += 1;
        counts.records += line.records.length;
        return line;
      default:
        counts.tombstones += 1;
        return line;
    }
  };
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > options.maxUncompressed) throw new SyncRefusal('SYNC_TOO_LARGE', 'the package decompresses to more than its signed size');
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, nl);
        const raw = carryBytes > 0 ? Buffer.concat([...carry, piece]) : piece;
        carry = [];
        carryBytes = 0;
        start = nl + 1;
        const line = handle(raw);
        if (line) yield line;
      }
      if (start < chunk.length) {
        carry.push(chunk.subarray(start));
        carryBytes += chunk.length - start;
        if (carryBytes > MAX_LINE_BYTES) throw new SyncRefusal('SYNC_BAD_PACKAGE', `line ${lineNo + 1} is longer than ${MAX_LINE_BYTES} bytes`);
      }
    }
  } catch (err) {
    if (err instanceof SyncRefusal) throw err;
    throw new SyncRefusal('SYNC_BAD_PACKAGE', `gzip: ${(err as { code?: string }).code ?? (err as Error).message}`);
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (carryBytes > 0) throw new SyncRefusal('SYNC_BAD_PACKAGE', 'the last line is not terminated');
  if (!header) throw new SyncRefusal('SYNC_BAD_PACKAGE', 'the package is empty');
  if (!ended) throw new SyncRefusal('SYNC_BAD_PACKAGE', 'the package ends before its end line (truncated)');
}
