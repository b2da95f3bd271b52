import { useTranslation } from 'react-i18next';
import type { PrintJobView } from '../../src-main/common/contract/views';

export function PrintingScreen({ job }: { job: PrintJobView }) {
  const { t } = useTranslation();
  const failed = job.state === 'failed';
  return (
    <main className="screen printing" data-testid="screen-printing" aria-busy={!failed}>
      {!failed && <div className="spinner" aria-hidden="true" />}
      <h1>{t('printing.title')}</h1>
      <p className={`lead job-${job.state}`} data-testid="job-state" aria-live="polite">
        {t(`printing.${job.state}`)}
      </p>
      {job.message && <p className="job-message">{job.message}</p>}
      <p className="muted">
        {t('printing.reportNumber', { number: job.reportNumber })} · {t('printing.pages', { pages: job.pages })}
      </p>
    </main>
  );
}
