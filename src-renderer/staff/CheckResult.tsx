// One check's answer: the subject, every hit (negative ones highlighted), the
// measures or incentives of this item with their legal basis, and the provenance.
import { useTranslation } from 'react-i18next';
import type { CheckResultView, IncentiveView, MeasureView } from '../../src-main/common/contract/staffViews';
import type { LegalBasis } from '../../src-main/common/staff/catalogue';
import { formatDateTime } from '../components/formatTime';

function Basis({ basis }: { basis: LegalBasis[] }) {
  return (
    <ul className="staff-basis">
      {basis.map((b) => (
        <li key={b.title + (b.article ?? '')}>
          {b.title}
          {b.article ?? ''}
        </li>
      ))}
    </ul>
  );
}

function MeasureCard({ m, kind }: { m: MeasureView | IncentiveView; kind: 'measure' | 'incentive' }) {
  const { t } = useTranslation();
  const measure = kind === 'measure' ? (m as MeasureView) : null;
  return (
    <article className={`staff-measure ${kind}`}>
      <h4>
        {m.name}
        {measure && (
          <span className="staff-tag">
            {measure.scope === 'local' ? t('staff.check.local') : t('staff.check.national', { n: measure.listNumber })} · {t('staff.check.type', { n: measure.type })}
          </span>
        )}
      </h4>
      <p>{m.measure}</p>
      <dl>
        <dt>{t('staff.check.legalBasis')}</dt>
        <dd>
          <Basis basis={m.legalBasis} />
        </dd>
        <dt>{t('staff.check.implementingBody')}</dt>
        <dd>{m.implementingBody}</dd>
        <dt>{t('staff.check.target')}</dt>
        <dd>{m.target}</dd>
        {measure && (
          <>
            <dt>{t('staff.check.triggeredBy')}</dt>
            <dd>{measure.triggeredBy.map((k) => t(`staff.hitKinds.${k}`)).join('、')}</dd>
          </>
        )}
      </dl>
    </article>
  );
}

export function CheckResult({ check }: { check: CheckResultView }) {
  const { t } = useTranslation();
  const p = check.provenance;
  return (
    <section className="staff-result" data-verdict={check.verdict} aria-live="polite" data-testid="staff-result">
      <header className={`staff-verdict ${check.verdict}`}>{t(`staff.verdict.${check.verdict}`)}</header>
      <h3>{t('staff.check.subject')}</h3>
      <p className="staff-subject">
        <strong>{check.subject.name}</strong> <code>{check.subject.code}</code>
        {check.subject.legalRepresentative && <span> · {check.subject.legalRepresentative}</span>}
        {check.statusTags.map((tag) => (
          <span key={tag} className="staff-tag">
            {tag}
          </span>
        ))}
      </p>
      <h3>{t('staff.check.hits')}</h3>
      {check.hits.length === 0 ? (
        <p className="staff-muted">{t('staff.check.noHits')}</p>
      ) : (
        <ul className="staff-hits">
          {check.hits.map((h) => (
            <li key={h.record.id} className={h.kind === 'red-list' ? 'good' : 'bad'}>
              <span className="staff-tag">{t(`staff.hitKinds.${h.kind}`)}</span> {h.record.title}
              <span className="staff-muted">
                {' '}
                {[h.record.documentNumber, h.record.authority, h.record.decisionDate].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('staff.check.measures')}</h3>
      {check.measures.length === 0 ? <p className="staff-muted">{t('staff.check.noMeasures')}</p> : check.measures.map((m) => <MeasureCard key={m.id} m={m} kind="measure" />)}
      {check.incentives.length > 0 && (
        <>
          <h3>{t('staff.check.incentives')}</h3>
          {check.incentives.map((i) => (
            <MeasureCard key={i.id} m={i} kind="incentive" />
          ))}
        </>
      )}
      <p className="staff-muted staff-provenance">
        {p.source === 'cache' ? t('staff.check.provenance', { version: p.dataVersion, time: formatDateTime(p.dataAsOf) }) : t('staff.check.online', { time: formatDateTime(p.askedAt) })}
        {p.source === 'cache' && p.stale && <strong className="staff-warn"> {t('staff.check.stale')}</strong>} · {t('staff.check.catalogue', { version: check.catalogueVersion })}
      </p>
    </section>
  );
}
