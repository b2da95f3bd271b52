// A staff number (工号): up to four letters then up to eight digits (D001, A12), or
// two to eight digits. Never the 11, 15 or 18 digits of a phone or ID number, so
// a citizen's number typed into the field is refused before it is logged or audited.
export const STAFF_NUMBER_PATTERN = /^(?:[A-Za-z]{1,4}\d{1,8}|\d{2,8})$/;

export const STAFF_NUMBER_RULE = '工号为 1–4 个字母加 1–8 位数字，或 2–8 位数字 / a staff number is 1–4 letters and 1–8 digits, or 2–8 digits';

export function isStaffNumber(text: string): boolean {
  return STAFF_NUMBER_PATTERN.test(text);
}
