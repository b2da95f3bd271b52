import { describe, expect, it } from 'vitest';
import { validateSubjectCode } from '../../../../src-main/common/codes/subjectCode';
import { checkResidentId, residentIdCheckChar } from '../../../../src-main/common/codes/residentId';
import { checkUscc, usccCheckChar } from '../../../../src-main/common/codes/uscc';

describe('validateSubjectCode', () => {
  it.each(['11010519491231002X', '360426199101010071'])('accepts the reference ID number %s', (id) => {
    expect(validateSubjectCode(id)).toMatchObject({ kind: 'resident-id', valid: true });
  });

  it.each(['91350100M000100Y43', '91110000600037341L', '91310115MA1K3BTP2B'])('accepts the reference USCC %s', (code) => {
    expect(validateSubjectCode(code)).toMatchObject({ kind: 'uscc', valid: true });
  });

  it('tolerates surrounding spaces and lower case', () => {
    expect(validateSubjectCode('  11010519491231002x ')).toMatchObject({ normalized: '11010519491231002X', kind: 'resident-id', valid: true });
    expect(validateSubjectCode(' 91350100m000100y43')).toMatchObject({ kind: 'uscc', valid: true });
  });

  it('names a wrong check character', () => {
    expect(validateSubjectCode('110105194912310021')).toMatchObject({ kind: 'resident-id', valid: false, problem: 'check-character' });
    expect(validateSubjectCode('91350100M000100Y44')).toMatchObject({ kind: 'uscc', valid: false, problem: 'check-character' });
  });

  it('refuses a birth date that does not exist', () => {
    const first17 = '11010519490230002';
    const id = first17 + residentIdCheckChar(first17);
    expect(validateSubjectCode(id)).toMatchObject({ kind: 'resident-id', valid: false, problem: 'birth-date' });
  });

  it('refuses letters a USCC never uses', () => {
    expect(validateSubjectCode('91350100O000100Y43')).toMatchObject({ kind: 'uscc', valid: false, problem: 'charset' });
  });

  it('says unknown for anything that is no code of any kind', () => {
    expect(validateSubjectCode('12345')).toMatchObject({ kind: 'unknown', valid: false, problem: 'length' });
    expect(validateSubjectCode('')).toMatchObject({ kind: 'unknown', valid: false });
    expect(validateSubjectCode('12345').reason).toMatch(/^位数不符.* \/ wrong length/);
  });

  // Both were "valid USCCs": ID numbers with a mistyped check digit whose digits pass the USCC check.
  it.each(['650102197607108653', '440106199211284108'])('reports %s as an ID number with a wrong check digit', (code) => {
    expect(validateSubjectCode(code)).toMatchObject({ kind: 'resident-id', valid: false, problem: 'check-character' });
  });

  it('refuses a USCC of a registration authority that does not exist', () => {
    expect(validateSubjectCode('000000192604223690')).toMatchObject({ valid: false, problem: 'authority' });
  });

  it('recognises a 15-digit former registration number and an organisation code as former codes', () => {
    expect(validateSubjectCode('370303200045678')).toMatchObject({ kind: 'registration-number', valid: true });
    expect(validateSubjectCode('990303200045678')).toMatchObject({ kind: 'registration-number', valid: false, problem: 'division' });
    expect(validateSubjectCode('M000100Y-4')).toMatchObject({ kind: 'organization-code', valid: true });
    expect(validateSubjectCode('M000100Y4')).toMatchObject({ kind: 'organization-code', valid: true });
    expect(validateSubjectCode('M000100Y-5')).toMatchObject({ kind: 'organization-code', valid: false, problem: 'check-character' });
  });
});

describe('check characters', () => {
  it('computes the GB 11643 check character and birth date', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(checkResidentId('11010519491231002X')).toEqual({ valid: true, birthDate: '1949-12-31', sex: 'female' });
  });

  it('computes the GB 32100 check character', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91350100I000100Y4')).toBeNull();
    expect(checkUscc('91110000600037341L')).toEqual({ valid: true });
  });
});
