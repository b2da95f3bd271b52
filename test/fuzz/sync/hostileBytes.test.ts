// Hostile metadata and package bytes never crash the parsers: always a SyncRefusal with a code.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SYNC_ERROR_CODES } from '../../../src-main/common/sync/syncErrors';
import { parseEnvelope, SyncRefusal } from '../../../src-main/common/sync/trustRules';
import { readPackage } from '../../../src-main/node/sync/packageReader';

const isRefusal = (e: unknown): boolean => e instanceof SyncRefusal && (SYNC_ERROR_CODES as readonly string[]).includes(e.code);

describe('hostile metadata', () => {
  it('any bytes: parsed or refused with SYNC_BAD_METADATA', () => {
    const jsonish = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.json().map((s) => new TextEncoder().encode(s)),
      fc.anything().map((v) => new TextEncoder().encode(JSON.stringify({ signed: v, signatures: [{ keyid: 'a'.repeat(64), sig: 'ab' }] }) ?? '')),
    );
    fc.assert(
      fc.property(jsonish, fc.constantFrom('root', 'timestamp', 'snapshot') as fc.Arbitrary<'root' | 'timestamp' | 'snapshot'>, (bytes, kind) => {
        try {
          parseEnvelope(bytes, kind);
        } catch (e) {
          expect(isRefusal(e)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile packages', () => {
  it('any (gzipped or raw) bytes: read or refused with a sync code', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-fuzz-'));
    try {
      const header = '{"t":"header","format":"credit-kiosk-package/1","kind":"full","version":1,"baseVersion":null,"dataAsOf":"x"}\n';
      const body = fc.oneof(
        fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.from(b)),
        fc.array(fc.oneof(fc.json(), fc.string()), { maxLength: 5 }).map((lines) => zlib.gzipSync(header + lines.join('\n'))),
        fc.uint8Array({ maxLength: 200 }).map((b) => zlib.gzipSync(Buffer.concat([Buffer.from(header), b]))),
      );
      let n = 0;
      await fc.assert(
        fc.asyncProperty(body, async (bytes) => {
          const file = path.join(dir, `p${n++}.gz`);
          fs.writeFileSync(file, bytes);
          try {
            for await (const line of readPackage(file, { maxUncompressed: 10_000 })) void line;
          } catch (e) {
            expect(isRefusal(e)).toBe(true);
          }
        }),
        { numRuns: 200 },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
