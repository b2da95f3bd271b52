// 报告核验 as a panel: a printed report's QR read by the keyboard-wedge scanner, or its
// number typed on the keypad; the answer says whether it is genuine, for whom (masked),
// when and where it was issued — and what a genuine QR does not prove. The kiosk shows
// it without a card (from the idle menu); the counter shows it as a tab.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { ReportCheckView } from '../../src-main/common/contract/citizenApi';
import { isReportNumber } from '../../src-main/common/report/reportNumber';
import type { Scan } from '../../src-main/common/scanner/keyboardWedge';
import { formatDateTime } from '../components/formatTime';
import { useScanner } from '../components/useScanner';
import { KeyPad } from './KeyPad';
import './citizen.css';

const NUMBER_LENGTH = 22;

export function ReportCheckPanel({ api, active = true }: { api: Pick<KioskApi, 'verifyReportCode'>; active?: boolean }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReportCheckView | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const check = useCallback(
    async (text: string) => {
      setBusy(true);
      setFailed(null);
      const r = await api.verifyReportCode({ text });
      setBusy(false);
      if (r.ok) setResult(r.value);
      else setFailed(t(`errors.${r.error.code}`));
    },
    [api, t],
  );
  useScanner(active && result === null && !busy, useCallback((scan: Scan) => void check(scan.raw), [check]));

  if (result) {
    const v = result;
    const none = t('citizen.verify.unknownValue');
    return (
      <section className={`report-check verdict-${v.verdict}`} data-testid="report-check-result" data-verdict={v.verdict} aria-live="polite">
        <h2 className={v.verdict === 'genuine' ? 'verdict ok' : 'verdict bad'} data-testid="report-check-verdict">
          <span aria-hidden="true">{v.verdict === 'genuine' ? '✓ ' : '✗ '}</span>
          {t(`citizen.verify.verdicts.${v.verdict}`)}
        </h2>
        {v.reportNumber && (
          <dl className="subject-facts">
            <dt>{t('citizen.verify.fields.number')}</dt>
            <dd data-testid="report-check-number">{v.reportNumber}</dd>
            <dt>{t('citizen.verify.fields.kind')}</dt>
            <dd>{v.edition ? t(`citizen.verify.editions.${v.edition}`) : none}</dd>
            <dt>{t('citizen.verify.fields.subject')}</dt>
            <dd data-testid="report-check-subject">{v.subjectMasked ?? none}</dd>
            <dt>{t('citizen.verify.fields.issuedAt')}</dt>
            <dd>{v.issuedAt ? formatDateTime(v.issuedAt) : none}</dd>
            <dt>{t('citizen.verify.fields.issuedBy')}</dt>
            <dd>{v.issuedBy ?? none}</dd>
            {v.pages !== null && (
              <>
                <dt>{t('citizen.verify.fields.pages')}</dt>
                <dd>{v.pages}</dd>
              </>
            )}
          </dl>
        )}
        {v.reportNumber && (
          <ul className="check-facts">
            <li data-testid="report-check-seal">{t(`citizen.verify.seal.${v.seal}`)}</li>
            <li data-testid="report-check-platform">{t(`citizen.verify.platform.${v.platform}`)}</li>
          </ul>
        )}
        {v.verdict === 'genuine' && (
          <aside className="caveat" aria-labelledby="report-check-caveat" data-testid="report-check-caveat">
            <h3 id="report-check-caveat">{t('citizen.verify.caveatTitle')}</h3>
            {(t('citizen.verify.caveat', { returnObjects: true }) as string[]).map((p) => (
              <p key={p}>{p}</p>
            ))}
          </aside>
        )}
        <button
          type="button"
          className="primary"
          onClick={() => {
            setResult(null);
            setTyped('');
          }}
          data-testid="report-check-again"
        >
          {t('citizen.verify.again')}
        </button>
      </section>
    );
  }

  const complete = isReportNumber(typed);
  return (
    <section className="report-check" data-testid="report-check-form">
      <p className="lead">{t('citizen.verify.intro')}</p>
      {failed && (
        <p className="citizen-alert" role="alert">
          {failed}
        </p>
      )}
      <KeyPad
        value={typed}
        onChange={setTyped}
        maxLength={NUMBER_LENGTH}
        letters
        label={t('citizen.verify.numberLabel')}
        hint={typed.length < NUMBER_LENGTH ? t('citizen.verify.remaining', { count: NUMBER_LENGTH - typed.length }) : ''}
        testId="number-pad"
      />
      <button type="button" className="primary" disabled={!complete || busy} onClick={() => void check(typed)} data-testid="report-check-submit">
        {busy ? t('citizen.verify.checking') : t('citizen.verify.check')}
      </button>
    </section>
  );
}
