// Unified social credit code (统一社会信用代码), GB 32100-2015: registration authority,
// entity type, 6-digit division, 9-character organisation code, check character.

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccProblem = 'format' | 'charset' | 'check-character';

export interface UsccCheck {
  valid: boolean;
  problem?: UsccProblem;
}

/** The check character a code's first 17 characters call for, or null if one is outside the charset. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Checks an already normalised (trimmed, upper-case) 18-character code. */
export function checkUscc(code: string): UsccCheck {
  if (code.length !== 18) return { valid: false, problem: 'format' };
  for (const ch of code) if (!USCC_CHARSET.includes(ch)) return { valid: false, problem: 'charset' };
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return { valid: false, problem: 'check-character' };
  return { valid: true };
}
