import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskPersonFor, maskPersonName, maskPhone, maskPersonalText, maskSubjectCode } from '../../../../src-main/common/rules/masking';

describe('masking', () => {
  it('keeps the first and last four characters of an ID number', () => {
    expect(maskIdNumber('37030219900101123X')).toBe('3703**********123X');
  });

  it('masks a name after the family name, a phone in the middle, an address after the city', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳明华')).toBe('欧***');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAddress('山东省淄博市张店区人民路1号')).toBe('山东省淄博市***');
  });

  it('is configurable in one place', () => {
    expect(maskIdNumber('37030219900101123X', { idKeepStart: 6, idKeepEnd: 2, maskChar: '#' })).toBe('370302##########3X');
  });

  it('shows each audience only what it needs', () => {
    const person = { name: '王小明', idNumber: '37030219900101123X', address: '山东省淄博市张店区人民路1号', phone: '13812345678' };
    expect(maskPersonFor('subject', person)).toEqual({ name: '王小明', idNumber: '3703**********123X', address: person.address, phone: '138****5678' });
    expect(maskPersonFor('staff', person)).toEqual({ name: '王小明', idNumber: '3703**********123X', address: '山东省淄博市***', phone: '138****5678' });
    expect(maskPersonFor('public', person)).toEqual({ name: '王**', idNumber: '3703**********123X' });
  });
});

describe('maskPersonalText', () => {
  it('masks an ID number, a USCC and phone numbers inside free text', () => {
    expect(maskPersonalText('申请人周建国 370302199001011234，电话 138 1234 5678')).toBe('申请人周建国 3703**********1234，电话 138****5678');
    expect(maskPersonalText('申请人周建国370302199001011234X')).toBe('申请人周建国370302199001011234X'); // 19 characters: not an ID number
    expect(maskPersonalText('单位 91370303MA3C7K2P1R 的负责人')).toBe('单位 9137**********2P1R 的负责人');
    expect(maskPersonalText('固话 0531-88886666')).toBe('固话 053*****6666');
    expect(maskPersonalText('见 2026-12-07 的函')).toBe('见 2026-12-07 的函');
  });
});

describe('maskSubjectCode', () => {
  it('masks what may name a person and shows an organisation code as it is', () => {
    expect(maskSubjectCode('370302199001011234')).toBe('3703**********1234');
    expect(maskSubjectCode('370303200045678')).toBe('370303200045678');
    expect(maskSubjectCode('91370303MA3C7K2P1R')).toBe('91370303MA3C7K2P1R');
    expect(maskSubjectCode('370302900101123')).toBe('3703*******1123'); // reads as a first-generation ID number
  });
});
