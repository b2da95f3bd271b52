// Unified social credit code (统一社会信用代码), GB 32100-2015: registration authority,
// category, 6-digit division, 9-character organisation code, check character.
import { isRegistrationDivisionCode } from './divisionCode';

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * Registration-authority codes (first character) and the category codes (second
 * character) each allows, as GB 32100-2015 Annex A and the authorities' published
 * assignments list them.
 */
export const USCC_CATEGORIES: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 中央编办直管群众团体, 其他
  '2': '19', // 外交: 外国常驻新闻机构, 其他
  '3': '1234569', // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 法律援助, 其他
  '4': '19', // 文化: 外国在华文化中心, 其他
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游: 外国/港澳台旅游部门常驻代表机构, 其他
  '7': '129', // 宗教: 宗教活动场所, 宗教院校, 其他
  '8': '19', // 工会: 基层工会, 其他
  '9': '123', // 工商: 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室: 军队事业单位, 其他
  N: '1239', // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
  Y: '1', // 其他
};

export type UsccProblem = 'format' | 'charset' | 'authority' | 'category' | 'division' | 'check-character';

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

/** Whether the last character is the one the first 17 call for (structure aside). */
export function usccCheckCharMatches(code: string): boolean {
  return code.length === 18 && usccCheckChar(code.slice(0, 17)) === code[17];
}

/** Checks an already normalised (trimmed, upper-case) 18-character code: structure first, then the check character. */
export function checkUscc(code: string): UsccCheck {
  if (code.length !== 18) return { valid: false, problem: 'format' };
  for (const ch of code) if (!USCC_CHARSET.includes(ch)) return { valid: false, problem: 'charset' };
  const categories = USCC_CATEGORIES[code[0]!];
  if (categories === undefined) return { valid: false, problem: 'authority' };
  if (!categories.includes(code[1]!)) return { valid: false, problem: 'category' };
  if (!isRegistrationDivisionCode(code.slice(2, 8))) return { valid: false, problem: 'division' };
  if (!usccCheckCharMatches(code)) return { valid: false, problem: 'check-character' };
  return { valid: true };
}
