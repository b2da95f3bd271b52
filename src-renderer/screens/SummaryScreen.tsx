// The person's own credit summary: counts in the report's eight categories, then
// the publicly disclosed records, and where the data came from.
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../src-main/common/contract/errorCodes';
import type { CreditSummary } from '../../src-main/common/contract/views';
import type { ReportEdition } from '../../src-main/common/report/reportModel';
import { SUMMARY_CATEGORIES } from '../../src-main/common/domain/summaryCategory';
import { FinishButton } from '../components/FinishButton';
import { EditionChoice } from '../editions/EditionChoice';
import { formatDateTime } from '../components/formatTime';

interface SummaryScreenProps {
  summary: CreditSummary;
  viewingEnterprise: boolean;
  /** Offer the enterprise lookup ('offer'), explain there is none here ('none'), or say nothing (a card type that cannot represent one, or not known yet). */
  enterprise: 'offer' | 'none' | 'hidden';
  /** The printer says it cannot print: 打印 is disabled, and why is said. */
  printerDown: boolean;
  /** Why the last print was refused. */
  refusal: ErrorCode | null;
  /** An enterprise's report edition, and choosing it (absent: the holder's own summary, standard only). */
  edition?: { chosen: ReportEdition; onChoose: (edition: ReportEdition) => void };
  onPrint: () => void;
  onPreview: () => void;
  onEnterprise: () => void;
  /** 签署信用承诺 for whoever this summary is of. */
  onCommitment: () => void;
  onBackToSelf: () => void;
  onFinish: () => void;
  /** 异议申请 for a record on this summary. */
  onObjection?: () => void;
  /** 信用修复申请 for a penalty on this summary. */
  onRepair?: () => void;
  busy: boolean;
}

export function SummaryScreen({ summary, viewingEnterprise, enterprise, printerDown, refusal, edition, onPrint, onPreview, onEnterprise, onCommitment, onBackToSelf, onFinish, onObjection, onRepair, busy }: SummaryScreenProps) {
  const { t } = useTranslation();
  const { subject, provenance } = summary;
  const person = subject.kind === 'natural-person';
  const usedUp = summary.printsLeftToday === 0;
  return (
    <main className="screen summary has-action-bar" data-testid="screen-summary">
      <div className="screen-body" tabIndex={0} data-testid="summary-body">
      <header className="summary-header">
        <h1 data-testid="summary-title">{person ? t('summary.title') : t('summary.enterpriseTitle', { name: subject.name })}</h1>
        <p className="subject-name" data-testid="subject-name">
          {person ? t('summary.greeting', { name: subject.name }) : subject.name}
        </p>
        <dl className="subject-facts">
          <dt>{person ? t('summary.subjectCode') : t('summary.usccCode')}</dt>
          <dd data-testid="subject-code">{subject.code}</dd>
          {subject.legalRepresentative && (
            <>
              <dt>{t('summary.legalRepresentative')}</dt>
              <dd>{subject.legalRepresentative}</dd>
            </>
          )}
        </dl>
        {summary.statusTags.length > 0 && (
          <ul className="tags">
            {summary.statusTags.map((tag) => (
              <li key={tag} className="tag">
                {tag}
              </li>
            ))}
          </ul>
        )}
      </header>

      {edition && <EditionChoice edition={edition.chosen} onChoose={edition.onChoose} />}

      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t('summary.counts')}</h2>
        <ul className="counts" data-testid="summary-counts">
          {SUMMARY_CATEGORIES.map((c) => (
            <li key={c} className={summary.counts[c] > 0 ? 'count nonzero' : 'count'}>
              <span className="count-label">{t(`categories.${c}`)}</span>
              <span className="count-value">{summary.counts[c]}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="records-title" className="records">
        <h2 id="records-title">{t('summary.records')}</h2>
        {summary.records.length === 0 ? (
          <p className="empty">{t('summary.noRecords')}</p>
        ) : (
          <ol className="record-list" data-testid="record-list">
            {summary.records.map((r) => (
              <li key={r.id} className={`record ${r.category}`}>
                <div className="record-head">
                  <span className="record-category">{t(`recordCategories.${r.category}`)}</span>
                  <span className="record-title">{r.title}</span>
                  {r.status === 'objection-pending' && <span className="tag warn">{t('summary.objectionPending')}</span>}
                </div>
                <div className="record-meta">
                  {r.authority && (
                    <span>
                      {t('record.authority')}：{r.authority}
                    </span>
                  )}
                  {r.decisionDate && (
                    <span>
                      {t('record.decisionDate')}：{r.decisionDate}
                    </span>
                  )}
                  {r.disclosureDeadline && (
                    <span>
                      {t('record.deadline')}：{r.disclosureDeadline}
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <p className={provenance.source === 'cache' && provenance.stale ? 'provenance stale' : 'provenance'} data-testid="provenance">
        {provenance.source === 'cache'
          ? provenance.stale
            ? t('summary.stale', { time: formatDateTime(provenance.dataAsOf) })
            : t('summary.fromCache', { time: formatDateTime(provenance.dataAsOf), version: provenance.dataVersion })
          : t('summary.fromOnline', { time: formatDateTime(provenance.askedAt) })}
      </p>

      {!viewingEnterprise && enterprise === 'none' && (
        <p className="muted" data-testid="no-enterprise">
          {t('enterprise.noneHere')}
        </p>
      )}
      </div>

      <div className="action-bar" data-testid="action-bar">
        <PrintNotes printsLeft={summary.printsLeftToday} printerDown={printerDown} refusal={refusal} />
        <div className="action-buttons">
          <button type="button" className="primary" onClick={onPrint} disabled={busy || printerDown || usedUp} data-testid="print-report">
            {t('actions.print')}
          </button>
          <button type="button" className="secondary" onClick={onPreview} data-testid="preview-report">
            {t('actions.preview')}
          </button>
          <button type="button" className="secondary" onClick={onCommitment} data-testid="open-commitment">
            {t('commitment.open')}
          </button>
          {viewingEnterprise ? (
            <button type="button" className="secondary" onClick={onBackToSelf} data-testid="back-to-self">
              {t('enterprise.backToSelf')}
            </button>
          ) : (
            enterprise === 'offer' && (
              <button type="button" className="secondary" onClick={onEnterprise} data-testid="open-enterprise">
                {t('enterprise.open')}
              </button>
            )
          )}
          {onObjection && (
            <button type="button" className="secondary" onClick={onObjection} data-testid="open-objection">
              {t('citizen.objection.open')}
            </button>
          )}
          {onRepair && summary.records.some((r) => r.category === 'penalty') && (
            <button type="button" className="secondary" onClick={onRepair} data-testid="open-repair">
              {t('repair.open')}
            </button>
          )}
          <FinishButton onFinish={onFinish} testId="finish" />
        </div>
      </div>
    </main>
  );
}

/** Beside 打印: why it cannot print now, or how many free prints are left today. */
export function PrintNotes({ printsLeft, printerDown, refusal }: { printsLeft: number | undefined; printerDown: boolean; refusal: ErrorCode | null }) {
  const { t } = useTranslation();
  const note = refusal
    ? t(`errors.${refusal}`)
    : printerDown
      ? t('summary.printerDown')
      : printsLeft === undefined
        ? null
        : printsLeft === 0
          ? t('summary.printsUsedUp')
          : t('summary.printsLeft', { count: printsLeft });
  return (
    <p className={refusal || printerDown ? 'print-note warn' : 'print-note'} role="status" data-testid="print-note" data-refusal={refusal ?? undefined}>
      {note}
    </p>
  );
}
