// A legal representative opens their enterprise's credit information: pick one the
// data names them for, type its USCC on the on-screen keyboard, or scan the
// licence's QR code. The services check the representation either way.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnterpriseChoice } from '../../src-main/common/contract/views';
import type { Scan } from '../../src-main/common/scanner/keyboardWedge';
import { CodeKeyboard } from '../components/CodeKeyboard';
import { useScanner } from '../components/useScanner';

/** `choices`: the enterprises the session's holder represents, null while they are being asked for. */
export function EnterpriseScreen({ choices, onOpen, onBack }: { choices: EnterpriseChoice[] | null; onOpen: (uscc: string) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const onScan = useCallback((scan: Scan) => scan.kind === 'uscc' && onOpen(scan.code), [onOpen]);
  useScanner(true, onScan);
  return (
    <main className="screen enterprise has-action-bar" data-testid="screen-enterprise">
      <div className="screen-body" tabIndex={0}>
      <h1>{t('enterprise.title')}</h1>
      <p className="lead">{t('enterprise.intro')}</p>
      {choices === null ? (
        <div className="choices-placeholder" aria-busy="true" />
      ) : choices.length > 0 ? (
        <ul className="choices">
          {choices.map((c) => (
            <li key={c.code}>
              <button type="button" className="choice" onClick={() => onOpen(c.code)} data-testid={`enterprise-${c.code}`}>
                <span className="choice-name">{c.name}</span>
                <span className="choice-code">{c.code}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('enterprise.noneListed')}</p>
      )}
      <h2>{t('enterprise.typeCode')}</h2>
      <p className="muted">{t('enterprise.scanHint')}</p>
      <CodeKeyboard value={code} onChange={setCode} onSubmit={onOpen} />
      </div>
      <div className="action-bar">
        <button type="button" className="secondary" onClick={onBack} data-testid="enterprise-back">
          {t('actions.back')}
        </button>
      </div>
    </main>
  );
}
