// Recording the outcome of a check: measures applied, incentives granted or none,
// with a note; then the 核查单 can be downloaded.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { CheckResultView, DecisionKind, DecisionView } from '../../src-main/common/contract/staffViews';
import { errorText } from './errorText';
import { offerDownload } from './files';

export function DecisionForm({ api, token, check }: { api: KioskApi; token: string; check: CheckResultView }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<DecisionKind>(check.measures.length > 0 ? 'measure-applied' : check.incentives.length > 0 ? 'incentive-granted' : 'none');
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const [note, setNote] = useState('');
  const [done, setDone] = useState<DecisionView | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const options = decision === 'measure-applied' ? check.measures : decision === 'incentive-granted' ? check.incentives : [];
  const toggle = (id: string): void =>
    setPicked((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const record = async (): Promise<void> => {
    const ids = options.map((o) => o.id).filter((id) => picked.has(id));
    if (decision !== 'none' && ids.length === 0) return setMessage(t('staff.decision.pickOne'));
    const r = await api.recordDecision({
      token,
      checkId: check.checkId,
      // The subject this form is for: the service refuses it if the check is another's.
      subjectCode: check.subject.code,
      decision,
      ...(decision === 'measure-applied' && { measureIds: ids }),
      ...(decision === 'incentive-granted' && { incentiveIds: ids }),
      ...(note.trim() !== '' && { note: note.trim() }),
    });
    if (r.ok) {
      setDone(r.value);
      setMessage(t('staff.decision.recorded', { seq: r.value.auditSeq }));
    } else setMessage(errorText(t, r.error));
  };

  const slip = async (): Promise<void> => {
    const r = await api.printCheckSlip({ token, checkId: check.checkId });
    if (r.ok) offerDownload(r.value);
    else setMessage(errorText(t, r.error));
  };

  return (
    <section className="staff-decision" aria-labelledby="staff-decision-title" data-testid="staff-decision">
      <h3 id="staff-decision-title">{t('staff.decision.title', { name: check.subject.name })}</h3>
      <fieldset disabled={done !== null}>
        {(['measure-applied', 'incentive-granted', 'none'] as const).map((d) => (
          <label key={d} className="staff-radio">
            <input
              type="radio"
              name="decision"
              value={d}
              checked={decision === d}
              disabled={(d === 'measure-applied' && check.measures.length === 0) || (d === 'incentive-granted' && check.incentives.length === 0)}
              onChange={() => {
                setDecision(d);
                setPicked(new Set());
              }}
            />
            {t(`staff.decision.${d}`)}
          </label>
        ))}
        {options.map((o) => (
          <label key={o.id} className="staff-check">
            <input type="checkbox" checked={picked.has(o.id)} onChange={() => toggle(o.id)} /> {o.name}
          </label>
        ))}
        <label>
          {t('staff.decision.note')}
          <textarea value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} rows={2} />
        </label>
        <button type="button" className="staff-primary" onClick={() => void record()}>
          {t('staff.decision.record')}
        </button>
      </fieldset>
      {message && <p className="staff-message">{message}</p>}
      <button type="button" onClick={() => void slip()}>
        {t('staff.decision.slip')}
      </button>
    </section>
  );
}
