import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskPersonFor, maskPersonName, maskPhone } from '../../../../src-main/common/rules/masking';

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
