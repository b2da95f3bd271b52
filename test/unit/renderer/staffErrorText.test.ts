// A refused code on the counter's screens says what is wrong with it — "mistyped" for a
// wrong check character — in the screen's language, not only "invalid code".
import { describe, expect, it } from 'vitest';
import { fail } from '../../../src-main/common/contract/result';
import { initI18n } from '../../../src-renderer/i18n';
import { errorText } from '../../../src-renderer/staff/errorText';

describe('errorText', () => {
  it('says a mistyped check character as such, in both languages', async () => {
    const i18n = initI18n('zh-CN');
    const refused = fail('INVALID_CODE', '代码格式或校验位不正确 / …: 校验位不符', 'check-character');
    if (refused.ok) throw new Error('unreachable');
    expect(errorText(i18n.t, refused.error)).toBe('校验位不符，请核对是否输错');
    await i18n.changeLanguage('en');
    expect(errorText(i18n.t, refused.error)).toMatch(/probably mistyped/);
    expect(errorText(i18n.t, { code: 'INVALID_CODE', message: '' })).toBe('The code is malformed or its check character is wrong');
    await i18n.changeLanguage('zh-CN');
  });
});
