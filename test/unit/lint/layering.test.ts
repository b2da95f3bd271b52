// The layering of ARCHITECTURE.md is enforced by lint: these are the imports it refuses.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/layers' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('layering lint rule', () => {
  it.each([
    ['src-main/common/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n", "may not import the Node built-in 'node:fs'"],
    ['src-main/common/x.ts', "import { app } from 'electron';\nexport const a = app;\n", "may not import the package 'electron'"],
    ['src-main/common/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n", "may not import the package 'better-sqlite3'"],
    ['src-main/common/x.ts', "import { createKioskRuntime } from '../node/runtime/kioskRuntime';\nexport const a = createKioskRuntime;\n", "layer 'common' may not import from layer 'node'"],
    ['src-main/common/x.ts', 'export const w = window.innerWidth;\n', 'common is pure'],
    ['src-main/node/x.ts', "import { app } from 'electron';\nexport const a = app;\n", "only hosts/electron may import 'electron'"],
    ['src-main/hosts/web/x.ts', "import { app } from 'electron';\nexport const a = app;\n", "only hosts/electron may import 'electron'"],
    ['src-renderer/x.ts', "import fs from 'fs';\nexport const a = fs;\n", "may not import the Node built-in 'fs'"],
    ['src-renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n", "may not import the package 'electron'"],
    ['src-renderer/x.ts', "import { loadKioskConfig } from '../src-main/node/config/kioskConfig';\nexport const a = loadKioskConfig;\n", "layer 'renderer' may not import from layer 'node'"],
    ['native/x.ts', "import { BrowserWindow } from 'electron';\nexport const a = BrowserWindow;\n", "only hosts/electron may import 'electron'"],
  ])('%s: refuses %j', async (file, code, expected) => {
    const errors = await layerErrors(file, code);
    expect(errors.join('\n')).toContain(expected);
  });

  it.each([
    ['src-main/common/x.ts', "import { z } from 'zod';\nimport { checkUscc } from './codes/uscc';\nexport const a = [z, checkUscc];\n"],
    ['src-main/hosts/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src-main/node/x.ts', "import fs from 'node:fs';\nimport Database from 'better-sqlite3';\nexport const a = [fs, Database];\n"],
    ['src-renderer/x.ts', "import { useState } from 'react';\nimport { validateSubjectCode } from '../src-main/common/codes/subjectCode';\nexport const a = [useState, validateSubjectCode];\n"],
  ])('%s: allows what its layer may use', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('fails the fixture file on disk, as CI would', async () => {
    const fixture = path.join(root, 'test/fixtures/lint/common-imports-fs.ts');
    const code = (await import('node:fs')).readFileSync(fixture, 'utf8');
    expect(await layerErrors('src-main/common/fixture.ts', code)).not.toEqual([]);
  });
});
