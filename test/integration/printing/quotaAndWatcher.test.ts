import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../../src-main/common/contract/views';
import type { PrinterAdapter } from '../../../src-main/node/printing/printerAdapter';
import { PrintQuotaStore } from '../../../src-main/node/printing/printQuota';
import { watchPrinterStatus } from '../../../src-main/node/printing/printerStatusWatcher';
import { normaliseReasons, reasonMessage } from '../../../src-main/node/printing/printerReasons';
import { tempDir } from '../report/reportTestKit';

const dir = tempDir('quota');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('PrintQuotaStore', () => {
  it('allows the configured prints per subject per day, surviving a restart', async () => {
    const file = path.join(dir, 'quota.sqlite');
    let quota = new PrintQuotaStore(file, 2);
    expect(await quota.remaining('s1', '2026-11-21')).toBe(2);
    expect(await quota.tryConsume('s1', '2026-11-21')).toBe(true);
    expect(await quota.remaining('s1', '2026-11-21')).toBe(1);
    expect(await quota.tryConsume('s1', '2026-11-21')).toBe(true);
    expect(await quota.remaining('s1', '2026-11-21')).toBe(0);
    quota.close();
    quota = new PrintQuotaStore(file, 2);
    expect(await quota.tryConsume('s1', '2026-11-21')).toBe(false);
    expect(await quota.tryConsume('s2', '2026-11-21')).toBe(true);
    expect(await quota.tryConsume('s1', '2026-11-22')).toBe(true);
    quota.close();
    const unlimited = new PrintQuotaStore(path.join(dir, 'q0.sqlite'), 0);
    for (let i = 0; i < 5; i++) expect(await unlimited.tryConsume('s1', '2026-11-21')).toBe(true);
    expect(await unlimited.remaining('s1', '2026-11-21')).toBeNull();
    unlimited.close();
  });
});

describe('printer reasons', () => {
  it('strips severity suffixes and speaks plain Chinese', () => {
    expect(normaliseReasons(['media-empty-error', 'none', 'toner-low-warning'])).toEqual(['media-empty', 'toner-low']);
    expect(normaliseReasons('none')).toEqual([]);
    expect(reasonMessage(['toner-low', 'media-jam'])).toContain('卡纸');
    expect(reasonMessage(['paused'])).toContain('暂停');
    expect(reasonMessage([])).toBeUndefined();
  });
});

describe('watchPrinterStatus', () => {
  it('emits on change only, and polls one at a time', async () => {
    const states: PrinterStatus[] = [
      { state: 'idle', name: 'p', kind: 'cups', reasons: ['none'] },
      { state: 'idle', name: 'p', kind: 'cups', reasons: ['none'] },
      { state: 'stopped', name: 'p', kind: 'cups', reasons: ['media-empty'], message: '缺纸' },
    ];
    let i = 0;
    const printer: PrinterAdapter = { status: async () => states[Math.min(i++, states.length - 1)]!, print: async () => ({ state: 'failed' }) };
    let tick: (() => void) | null = null;
    const seen: string[] = [];
    const watcher = watchPrinterStatus(printer, (s) => seen.push(s.state), { timers: { set: (fn) => (tick = fn), clear: () => (tick = null) } });
    await watcher.poll(); // joins the first poll already in flight
    await watcher.poll();
    await watcher.poll();
    expect(seen).toEqual(['idle', 'stopped']);
    expect(watcher.current()?.reasons).toEqual(['media-empty']);
    expect(tick).not.toBeNull();
    watcher.stop();
    expect(tick).toBeNull();
  });
});
