import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJobView } from '../../src-main/common/contract/views';

const BACK_TO_IDLE_MS = 10_000;

export function DoneScreen({ job, demo, onTimeout }: { job: PrintJobView | null; demo: boolean; onTimeout: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(onTimeout, BACK_TO_IDLE_MS);
    return () => clearTimeout(timer);
  }, [onTimeout]);
  return (
    <main className="screen done" data-testid="screen-done">
      <div className="check" aria-hidden="true">✓</div>
      <h1>{t('done.title')}</h1>
      <p className="lead">{t('done.sub')}</p>
      {job && <p className="muted" data-testid="done-report-number">{t('printing.reportNumber', { number: job.reportNumber })}</p>}
      {demo && <p className="muted">{t('done.fileOutput')}</p>}
    </main>
  );
}
