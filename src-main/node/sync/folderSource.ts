// A repository on a folder (USB media): files are copied into staging before use,
// so what is verified is what is applied even if the medium changes underneath.
import fs from 'node:fs';
import path from 'node:path';
import { SyncRefusal } from '../../common/sync/trustRules';
import { isRepositoryPath } from './repoLayout';
import type { RepoSource } from './repoSource';

export function folderSource(dir: string): RepoSource {
  const root = path.resolve(dir);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new SyncRefusal('SYNC_SOURCE_MISSING', path.basename(root));
  const resolve = (rel: string): string => {
    if (!isRepositoryPath(rel)) throw new SyncRefusal('SYNC_BAD_METADATA', `not a repository path: ${rel}`);
    return path.join(root, rel);
  };
  return {
    describe: () => `folder ${path.basename(root)}`,
    async fetchMeta(rel, maxBytes) {
      const file = resolve(rel);
      let fd: number;
      try {
        fd = fs.openSync(file, 'r');
      } catch {
        return null;
      }
      try {
        const buf = Buffer.alloc(maxBytes + 1);
        let n = 0;
        for (let r = 1; r > 0 && n <= maxBytes; n += r) r = fs.readSync(fd, buf, n, maxBytes + 1 - n, n);
        if (n > maxBytes) throw new SyncRefusal('SYNC_TOO_LARGE', `${rel} > ${maxBytes} bytes`);
        return buf.subarray(0, n);
      } finally {
        fs.closeSync(fd);
      }
    },
    async fetchFile(rel, dest, length, onBytes) {
      const file = resolve(rel);
      let size: number;
      try {
        size = fs.statSync(file).size;
      } catch {
        throw new SyncRefusal('SYNC_SOURCE_MISSING', rel);
      }
      if (size > length) throw new SyncRefusal('SYNC_TOO_LARGE', `${rel}: ${size} bytes, signed ${length}`);
      // Copy at most length + 1 bytes: the medium may grow between stat and read.
      const input = fs.openSync(file, 'r');
      const output = fs.openSync(dest, 'w');
      try {
        const buf = Buffer.alloc(1 << 20);
        let done = 0;
        for (;;) {
          const r = fs.readSync(input, buf, 0, buf.length, done);
          if (r === 0) break;
          done += r;
          if (done > length) throw new SyncRefusal('SYNC_TOO_LARGE', `${rel} is longer than its signed length ${length}`);
          fs.writeSync(output, buf, 0, r);
          onBytes?.(done);
        }
      } finally {
        fs.closeSync(input);
        fs.closeSync(output);
      }
    },
  };
}
