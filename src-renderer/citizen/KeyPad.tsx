// An on-screen keypad for what a person types at the kiosk without a keyboard: a
// contact phone (digits) or a report number (digits and capital letters).
import { useTranslation } from 'react-i18next';

const DIGITS = ['123', '456', '789', '0'];
const LETTERS = ['ABCDEFGHIJ', 'KLMNOPQRST', 'UVWXYZ'];

interface KeyPadProps {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  letters?: boolean;
  /** The label the display is read by (screen readers). */
  label: string;
  hint: string;
  invalid?: boolean;
  testId: string;
}

export function KeyPad({ value, onChange, maxLength, letters = false, label, hint, invalid = false, testId }: KeyPadProps) {
  const { t } = useTranslation();
  const rows = letters ? [...DIGITS, ...LETTERS] : DIGITS;
  return (
    <div className="code-keyboard" data-testid={testId}>
      <output className={`code-display ${invalid ? 'invalid' : ''}`} aria-label={label} aria-live="polite" data-testid={`${testId}-display`}>
        {value.padEnd(maxLength, '·')}
      </output>
      <p className="code-hint" aria-live="polite">
        {hint}
      </p>
      {rows.map((row) => (
        <div className="key-row" key={row}>
          {Array.from(row).map((ch) => (
            <button key={ch} type="button" className="key" disabled={value.length >= maxLength} onClick={() => onChange(value + ch)} data-testid={`${testId}-key-${ch}`}>
              {ch}
            </button>
          ))}
        </div>
      ))}
      <div className="key-row">
        <button type="button" className="key wide" onClick={() => onChange(value.slice(0, -1))} data-testid={`${testId}-back`}>
          {t('citizen.objection.backspace')}
        </button>
        <button type="button" className="key wide" onClick={() => onChange('')}>
          {t('citizen.objection.clear')}
        </button>
      </div>
    </div>
  );
}
