// The report is out. While the session lasts the person may go back and print
// another (their own and their enterprise's); once it has ended, the screen asks
// for card and report and returns to the start by itself.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJobView } from '../../src-main/common/contract/views';
import { FinishButton } from '../components/FinishButton';

const BACK_TO_IDLE_MS = 10_000;

export function DoneScreen({ job, demo, inSession, onTimeout, onBack, onFinish }: { job: PrintJobView | null; demo: boolean; inSession: boolean; onTimeout: () => void; onBack: () => void; onFinish: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (inSession) return;
    const timer = setTimeout(onTimeout, BACK_TO_IDLE_MS);
    return () => clearTimeout(timer);
  }, [onTimeout, inSession]);
  return (
    <main className="screen done" data-testid="screen-done">
      <div className="check" aria-hidden="true">✓</div>
      <h1>{inSession ? t('done.titleInSession') : t('done.title')}</h1>
      <p className="lead">{inSession ? t('done.more') : t('done.sub')}</p>
      {job && <p className="muted" data-testid="done-report-number">{t('printing.reportNumber', { number: job.reportNumber })}</p>}
      {demo && <p className="muted">{t('done.fileOutput')}</p>}
      {inSession && (
        <div className="actions">
          <button type="button" className="primary" onClick={onBack} data-testid="done-back">
            {t('done.backToSummary')}
          </button>
          <FinishButton onFinish={onFinish} testId="done-finish" />
        </div>
      )}
    </main>
  );
}
