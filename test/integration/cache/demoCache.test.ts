import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { publicVisibility } from '../../../src-main/common/rules/disclosurePolicy';
import { ensureDemoCache } from '../../../src-main/node/cache/cacheLocation';
import { openCreditCache } from '../../../src-main/node/cache/openCreditCache';
import { DEMO_DIR, demoCache, DINGSHENG_USCC, LIN_ID, LIN_NAME, NOW, QINGHE_FORMER, QINGHE_USCC, removeTempDirs, tempDir, TODAY, ZHOU_ID } from './cacheTestFiles';

afterEach(removeTempDirs);

describe('the demo cache', () => {
  it('finds subjects by resident ID, by USCC and by a former registration number', async () => {
    const { file, key } = demoCache();
    const cache = await openCreditCache({ file, key });
    try {
      const lin = await cache.findByCode(LIN_ID);
      expect(lin?.subject).toMatchObject({ kind: 'natural-person', name: LIN_NAME, code: LIN_ID });
      expect((await cache.findByCode(QINGHE_USCC))?.subject.name).toBe('演示市青禾智能科技有限公司');
      expect((await cache.findByCode(QINGHE_FORMER))?.subject.code).toBe(QINGHE_USCC);
      expect((await cache.findByCode(` ${QINGHE_USCC.toLowerCase()} `))?.subject.id).toBe('demo-s-qinghe');
      expect(await cache.findByCode('11010519491231002X')).toBeNull();
      expect(await cache.findByCode('')).toBeNull();
    } finally {
      await cache.close();
    }
  });

  it('reports its data version, cut-off time and size', async () => {
    const { file, key } = demoCache();
    const cache = await openCreditCache({ file, key });
    expect(await cache.dataInfo()).toEqual({ dataVersion: 1, dataAsOf: NOW.toISOString(), subjects: 6 });
    const check = await cache.check();
    expect(check).toMatchObject({ ok: true, source: 'demo', cipher: 'aes-256-gcm', subjects: 6, records: 17 });
    expect(check.subjectsByKind).toEqual({ 'natural-person': 2, enterprise: 2, 'non-enterprise-legal-person': 1, 'individual-business': 1 });
    await cache.close();
  });

  it('shows the in-period penalty, hides the past-deadline, repaired and minor ones', async () => {
    const { file, key } = demoCache();
    const cache = await openCreditCache({ file, key });
    const visibility = async (code: string, recordId: string) => {
      const found = await cache.findByCode(code);
      const record = found?.records.find((r) => r.id === recordId);
      expect(record, recordId).toBeDefined();
      return publicVisibility(record!, TODAY);
    };
    expect(await visibility(QINGHE_USCC, 'demo-r-qinghe-pen-current')).toEqual({ visible: true });
    expect(await visibility(QINGHE_USCC, 'demo-r-qinghe-pen-expired')).toEqual({ visible: false, reason: 'past-deadline' });
    expect(await visibility(DINGSHENG_USCC, 'demo-r-dingsheng-pen-repaired')).toEqual({ visible: false, reason: 'repaired' });
    expect(await visibility('92370303MA3E2R7T49', 'demo-r-noodles-pen-minor')).toEqual({ visible: false, reason: 'minor-not-disclosed' });
    expect(await visibility(QINGHE_USCC, 'demo-r-qinghe-honour-1')).toEqual({ visible: true });
    expect(await visibility(DINGSHENG_USCC, 'demo-r-dingsheng-sd-1')).toEqual({ visible: true });
    expect(await visibility(ZHOU_ID, 'demo-r-zhou-pen-current')).toEqual({ visible: true });
    await cache.close();
  });

  it('resolves relative dates against the load time', async () => {
    const { file, key } = demoCache();
    const cache = await openCreditCache({ file, key });
    const penalty = (await cache.findByCode(QINGHE_USCC))?.records.find((r) => r.id === 'demo-r-qinghe-pen-current');
    expect(penalty).toMatchObject({ decisionDate: '2026-03-16', disclosureDeadline: '2027-03-16', fields: { '罚款金额（万元）': 0.5 } });
    await cache.close();
  });

  it("returns a person's sealed record fields intact", async () => {
    const { file, key } = demoCache();
    const cache = await openCreditCache({ file, key });
    const zhou = await cache.findByCode(ZHOU_ID);
    expect(zhou?.records.find((r) => r.id === 'demo-r-zhou-sd-1')).toMatchObject({ content: '违反财产报告制度', fields: { 履行情况: '部分未履行' } });
    await cache.close();
  });

  it('finds the enterprise a card holder represents', async () => {
    const { file, key } = demoCache();
    const cache = await openCreditCache({ file, key });
    const represented = await cache.findRepresentedBy({ idNumber: LIN_ID, name: LIN_NAME });
    expect(represented.map((s) => s.id)).toEqual(['demo-s-qinghe']);
    expect(represented[0]?.legalRepresentative).toBe(LIN_NAME);
    expect(await cache.findRepresentedBy({ idNumber: ZHOU_ID, name: '周建国' })).toEqual([]);
    // No ID number in the data for 韩立军: the name alone matches.
    expect((await cache.findRepresentedBy({ idNumber: '11010519491231002X', name: '韩立军' })).map((s) => s.id)).toEqual(['demo-s-dingsheng']);
    await cache.close();
  });

  it('is built once, rebuilt when stale or sealed with another key, and never replaces a non-demo cache', () => {
    const dataDir = tempDir();
    const first = ensureDemoCache({ dataDir, demoDir: DEMO_DIR, now: NOW });
    expect(first.built).toBe(true);
    expect(fs.statSync(first.keyFile).mode & 0o777).toBe(0o600);
    expect(ensureDemoCache({ dataDir, demoDir: DEMO_DIR, now: NOW }).built).toBe(false);
    expect(ensureDemoCache({ dataDir, demoDir: DEMO_DIR, now: new Date(NOW.getTime() + 30 * 86_400_000) }).built).toBe(true);
    fs.rmSync(first.keyFile);
    expect(ensureDemoCache({ dataDir, demoDir: DEMO_DIR, now: NOW }).built).toBe(true);
  });

  it('refuses a wrong key with CACHE_UNAVAILABLE', async () => {
    const { file } = demoCache();
    await expect(openCreditCache({ file, key: Buffer.alloc(32, 7) })).rejects.toMatchObject({ code: 'CACHE_UNAVAILABLE' });
    await expect(openCreditCache({ file: `${file}.missing`, key: Buffer.alloc(32) })).rejects.toMatchObject({ code: 'CACHE_UNAVAILABLE' });
  });
});
