// Shown the moment 打印 is pressed (job null while the report is being made), then
// follows the job; a failed job offers the way back to the summary.
import { useTranslation } from 'react-i18next';
import type { PrintJobView } from '../../src-main/common/contract/views';

export function PrintingScreen({ job, onBack }: { job: PrintJobView | null; onBack: (() => void) | null }) {
  const { t } = useTranslation();
  const failed = job?.state === 'failed';
  return (
    <main className="screen printing" data-testid="screen-printing" aria-busy={!failed}>
      {!failed && <div className="spinner" aria-hidden="true" />}
      <h1>{t('printing.title')}</h1>
      <p className={`lead job-${job?.state ?? 'preparing'}`} data-testid="job-state" aria-live="polite">
        {t(`printing.${job?.state ?? 'preparing'}`)}
      </p>
      {job?.message && <p className="job-message">{job.message}</p>}
      {job && (
        <p className="muted">
          {t('printing.reportNumber', { number: job.reportNumber })} · {t('printing.pages', { pages: job.pages })}
        </p>
      )}
      {failed && onBack && (
        <button type="button" className="primary" onClick={onBack} data-testid="printing-back">
          {t('done.backToSummary')}
        </button>
      )}
    </main>
  );
}
