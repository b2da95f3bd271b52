// Sex codes of GB/T 2261.1 as stored on the card.

export const SEX_CODES: ReadonlyMap<string, { zh: string; en: string }> = new Map([
  ['0', { zh: '未知', en: 'unknown' }],
  ['1', { zh: '男', en: 'male' }],
  ['2', { zh: '女', en: 'female' }],
  ['9', { zh: '未说明', en: 'not stated' }],
]);

/** The Chinese text for a code; an unknown code is shown as 未知. */
export function sexName(code: string): string {
  return SEX_CODES.get(code)?.zh ?? '未知';
}

export function sexCode(name: string): string | undefined {
  for (const [code, n] of SEX_CODES) if (n.zh === name || n.en === name) return code;
  return undefined;
}
