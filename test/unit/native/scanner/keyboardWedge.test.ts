import { describe, expect, it } from 'vitest';
import { classifyScan, KeyboardWedge, type WedgeOutput } from '../../../../src-main/common/scanner/keyboardWedge';

/** Types text starting at `start`, one key every `gapMs`, then the terminator. */
function type(wedge: KeyboardWedge, text: string, gapMs: number, start = 1000, terminator: string | null = 'Enter'): WedgeOutput[] {
  const out: WedgeOutput[] = [];
  let t = start;
  for (const ch of text) {
    out.push(...wedge.feed(ch, t));
    t += gapMs;
  }
  if (terminator) out.push(...wedge.feed(terminator, t));
  return out;
}

describe('keyboard-wedge scanner', () => {
  it('takes a fast burst ending in Enter as a scanned USCC', () => {
    const out = type(new KeyboardWedge(), '91350100M000100Y43', 8);
    expect(out).toEqual([{ type: 'scan', scan: expect.objectContaining({ code: '91350100M000100Y43', kind: 'uscc', terminator: 'Enter' }) }]);
  });

  it('takes slow keys as a person typing, not a scan', () => {
    const out = type(new KeyboardWedge(), '91350100M000100Y43', 150);
    expect(out.every((o) => o.type === 'typed')).toBe(true);
    expect(out.map((o) => (o.type === 'typed' ? o.text : '')).join('')).toBe('91350100M000100Y43\n');
  });

  it('ignores modifier keys inside a burst (scanners send Shift for capitals)', () => {
    const wedge = new KeyboardWedge();
    const out = [...wedge.feed('Shift', 0), ...type(wedge, '11010519491231002X', 5, 1)];
    expect(out).toEqual([{ type: 'scan', scan: expect.objectContaining({ kind: 'resident-id', code: '11010519491231002X' }) }]);
  });

  it('accepts Tab as the terminator too', () => {
    const out = type(new KeyboardWedge(), '91110000600037341L', 5, 0, 'Tab');
    expect(out[0]).toMatchObject({ type: 'scan', scan: { kind: 'uscc', terminator: 'Tab' } });
  });

  it('ends a burst without terminator when flushed after a pause', () => {
    const wedge = new KeyboardWedge();
    expect(type(wedge, '91310115MA1K3BTP2B', 4, 0, null)).toEqual([]);
    expect(wedge.flush(10_000)).toEqual([{ type: 'scan', scan: expect.objectContaining({ kind: 'uscc', terminator: 'none' }) }]);
  });

  it('does not take a short fast double press for a scan', () => {
    expect(type(new KeyboardWedge(), 'ab', 5)).toEqual([{ type: 'typed', text: 'ab' }, { type: 'typed', text: '\n' }]);
  });

  it('separates a person typing from a scan that follows', () => {
    const wedge = new KeyboardWedge();
    const out = [...type(wedge, 'hi', 200, 0, null), ...type(wedge, '91350100M000100Y43', 6, 2000)];
    expect(out).toEqual([{ type: 'typed', text: 'h' }, { type: 'typed', text: 'i' }, { type: 'scan', scan: expect.objectContaining({ kind: 'uscc' }) }]);
  });
});

describe('classifyScan', () => {
  it('finds the USCC inside a business licence QR URL', () => {
    expect(classifyScan('http://www.gsxt.gov.cn/index?uniscid=91350100M000100Y43&x=1')).toMatchObject({ kind: 'uscc', code: '91350100M000100Y43' });
  });

  it('takes a verification code from a report QR URL, with the report module’s own test', () => {
    const isCode = (c: string) => /^CR-\d{8}-[A-Z0-9]{6}$/.test(c);
    expect(classifyScan('https://credit.example/verify?code=CR-20250101-ABC123', isCode)).toMatchObject({ kind: 'report-verification', code: 'CR-20250101-ABC123' });
  });

  it('says unknown for a USCC with a wrong check character, with the reason', () => {
    expect(classifyScan('91350100M000100Y44', () => false)).toMatchObject({ kind: 'unknown', validation: { valid: false, problem: 'check-character' } });
  });
});
