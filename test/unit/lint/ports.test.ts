// Ports live with the room that implements them: the report and printing rooms (and
// every other room the kiosk service uses) never import the kiosk service to learn
// what to implement. Only what composes the kiosk service (runtime, admin) imports it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const NODE = path.resolve(__dirname, '../../../src-main/node');
const COMPOSERS = new Set(['kiosk', 'runtime', 'admin']);

function filesOf(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesOf(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('ports', () => {
  it('no room below the kiosk service imports it', () => {
    const upward = filesOf(NODE)
      .filter((file) => !COMPOSERS.has(path.relative(NODE, file).split(path.sep)[0]!))
      .filter((file) => /from '[./]*\/?kiosk\/kioskService'/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(NODE, file));
    expect(upward).toEqual([]);
  });
});
