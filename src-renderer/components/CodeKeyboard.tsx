// An on-screen keyboard for unified social credit codes: a kiosk has no physical
// keyboard, and a USCC uses only these 31 characters (no I, O, Z, S, V).
import { useTranslation } from 'react-i18next';
import { USCC_CHARSET } from '../../src-main/common/codes/uscc';
import { validateSubjectCode } from '../../src-main/common/codes/subjectCode';

const ROWS = [USCC_CHARSET.slice(0, 10), USCC_CHARSET.slice(10, 20), USCC_CHARSET.slice(20)];

export function CodeKeyboard({ value, onChange, onSubmit }: { value: string; onChange: (value: string) => void; onSubmit: (code: string) => void }) {
  const { t } = useTranslation();
  const check = value.length === 18 ? validateSubjectCode(value) : null;
  const valid = check?.valid === true && check.kind === 'uscc';
  return (
    <div className="code-keyboard" data-testid="code-keyboard">
      <output className={`code-display ${check && !valid ? 'invalid' : ''}`} aria-live="polite" data-testid="code-display">
        {value.padEnd(18, '·')}
      </output>
      <p className="code-hint" aria-live="polite">
        {value.length < 18 ? t('enterprise.remaining', { count: 18 - value.length }) : valid ? t('enterprise.codeOk') : t('errors.INVALID_CODE')}
      </p>
      {ROWS.map((row) => (
        <div className="key-row" key={row}>
          {Array.from(row).map((ch) => (
            <button key={ch} type="button" className="key" disabled={value.length >= 18} onClick={() => onChange(value + ch)} data-testid={`key-${ch}`}>
              {ch}
            </button>
          ))}
        </div>
      ))}
      <div className="key-row">
        <button type="button" className="key wide" onClick={() => onChange(value.slice(0, -1))} data-testid="key-back">
          {t('enterprise.backspace')}
        </button>
        <button type="button" className="key wide" onClick={() => onChange('')}>
          {t('enterprise.clear')}
        </button>
        <button type="button" className="key wide primary-key" disabled={!valid} onClick={() => onSubmit(value)} data-testid="key-submit">
          {t('enterprise.query')}
        </button>
      </div>
    </div>
  );
}
