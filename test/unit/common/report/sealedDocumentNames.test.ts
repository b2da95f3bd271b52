// One table names sealed documents: the report check screen (both languages) and
// `verify-report` read the same names; every sealed edition, the commitment included, has one.
import { describe, expect, it } from 'vitest';
import { SEALED_DOCUMENT_NAMES, sealedDocumentKind, sealedDocumentName } from '../../../../src-main/common/report/sealedDocumentNames';
import { citizenEn } from '../../../../src-renderer/citizen/i18n/en';
import { citizenZhCN } from '../../../../src-renderer/citizen/i18n/zh-CN';

describe('sealed document names', () => {
  it('gives every sealed edition its kind; report editions are the report', () => {
    expect(['standard', 'no-violation', 'check-slip', 'objection-receipt', 'commitment', 'other', null].map(sealedDocumentKind)).toEqual(['report', 'report', 'check-slip', 'objection-receipt', 'commitment', null, null]);
    expect(sealedDocumentName('commitment')).toBe('信用承诺书 / Credit commitment');
  });

  it('is what the report check screen shows, in both languages', () => {
    expect(citizenZhCN.verify.editions).toEqual(Object.fromEntries(Object.entries(SEALED_DOCUMENT_NAMES).map(([k, v]) => [k, v.zh])));
    expect(citizenEn.verify.editions).toEqual(Object.fromEntries(Object.entries(SEALED_DOCUMENT_NAMES).map(([k, v]) => [k, v.en])));
  });
});
