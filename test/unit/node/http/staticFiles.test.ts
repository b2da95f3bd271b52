// The one static-file module both hosts serve the renderer with: the MIME table and
// the traversal guard, tested once here (the hosts' tests cover their transports).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeOf, readStaticFile, resolveUnderRoot } from '../../../../src-main/node/http/staticFiles';

let tmp: string;
let root: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-static-'));
  root = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'chime.ogg'), Buffer.from([1]));
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'do not serve');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('static files', () => {
  it('keeps resolved paths under the root', () => {
    const r = path.resolve('/srv/r');
    expect(resolveUnderRoot(r, '/a/b.js')).toBe(path.join(r, 'a', 'b.js'));
    expect(resolveUnderRoot(r, '/')).toBe(path.join(r, 'index.html'));
    expect(resolveUnderRoot(r, '/..%2F..%2Fx')).toBeNull();
    expect(resolveUnderRoot(r, '/%2e%2e')).toBeNull();
    expect(resolveUnderRoot(r, '/..%5Cx')).toBeNull();
    expect(resolveUnderRoot(r, '/index.html%00.js')).toBeNull();
    expect(resolveUnderRoot(r, '/%E0%A4%A')).toBeNull();
  });

  it('has one MIME table, audio included, and octet-stream for the rest', () => {
    expect(mimeTypeOf('chime.ogg')).toBe('audio/ogg');
    expect(mimeTypeOf('X.PNG')).toBe('image/png');
    expect(mimeTypeOf('x.exe')).toBe('application/octet-stream');
  });

  it('reads a file under the root, refuses one outside it, and says 404 for what is not a file', async () => {
    expect(await readStaticFile(root, '/assets/chime.ogg')).toMatchObject({ status: 200, contentType: 'audio/ogg' });
    expect(await readStaticFile(root, '/..%2Fsecret.txt')).toEqual({ status: 403 });
    expect(await readStaticFile(root, '/assets')).toEqual({ status: 404 });
    expect(await readStaticFile(root, '/nope.js')).toEqual({ status: 404 });
  });
});
