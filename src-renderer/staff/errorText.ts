// A failed call's text for the staff screens: the code's translation, else the default.
import type { TFunction } from 'i18next';
import type { KioskError } from '../../src-main/common/contract/result';

const KNOWN = new Set(['NO_SESSION', 'UNAUTHORIZED', 'INVALID_CODE', 'SUBJECT_NOT_FOUND', 'INVALID_INPUT', 'CARD_EXPIRED', 'INTERNAL']);

export function errorText(t: TFunction, error: KioskError): string {
  // A refused code says what is wrong with it: "mistyped" is not "not found".
  if (error.code === 'INVALID_CODE' && error.problem) return t(`staff.errors.codeProblems.${error.problem}`);
  return KNOWN.has(error.code) ? t(`staff.errors.${error.code}`) : `${t('staff.errors.other')} (${error.code})`;
}
