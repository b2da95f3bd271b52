// 信用修复 at the counter: look an application up by its number, and for the applicant in
// front of the staff member (their card on the counter's reader) list the penalties with
// whether each can be repaired now, then walk the same repair journey as the kiosk —
// checklist, the letter signed on the pad (or confirmed by staff for a person who cannot
// sign), pages photographed, phone — filed under the staff sign-in.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import { ApplicationNumber, type RepairCheckView, type RepairCounterApplicantView, type RepairOutputs } from '../../src-main/common/contract/repairApi';
import { formatDateTime } from '../components/formatTime';
import { counterRepairChannel } from './repairChannel';
import { RepairJourney } from './RepairScreen';

export function CounterRepair({ api, token }: { api: KioskApi; token: string }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [found, setFound] = useState<RepairOutputs['repairLookup'] | null>(null);
  const [applicant, setApplicant] = useState<RepairCounterApplicantView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const channel = useMemo(() => counterRepairChannel(api, token), [api, token]);
  const eligibility = useMemo(() => new Map<string, RepairCheckView>(applicant?.penalties.map((p) => [p.record.id, p.check]) ?? []), [applicant]);

  const lookup = async () => {
    setMessage(null);
    setFound(null);
    const r = await api.repairLookup({ token, applicationNumber: number.trim().toUpperCase() });
    if (r.ok) setFound(r.value);
    else setMessage(r.error.message);
  };

  const read = async () => {
    setMessage(null);
    const r = await api.repairCounterApplicant({ token });
    if (r.ok) setApplicant(r.value);
    else setMessage(r.error.message);
  };

  if (applicant)
    return (
      <div className="counter-repair" data-testid="counter-repair">
        <p className="staff-muted" data-testid="counter-repair-applicant">
          {t('repair.counterDesk.applicant', { name: applicant.subject.name, code: applicant.subject.codeMasked })}
        </p>
        <RepairJourney channel={channel} subject={applicant.subject} penalties={applicant.penalties.map((p) => p.record)} eligibility={eligibility} voiceVolume={0} onClose={() => setApplicant(null)} embedded />
      </div>
    );

  return (
    <div className="counter-repair" data-testid="counter-repair">
      <section className="staff-decision" aria-labelledby="counter-repair-lookup">
        <h2 id="counter-repair-lookup">{t('repair.counterDesk.lookupTitle')}</h2>
        <label>
          {t('repair.counterDesk.lookupLabel')}{' '}
          <input value={number} onChange={(e) => setNumber(e.target.value)} maxLength={22} data-testid="counter-repair-number" />
        </label>
        <button type="button" className="staff-primary" disabled={!ApplicationNumber.safeParse(number.trim().toUpperCase()).success} onClick={() => void lookup()} data-testid="counter-repair-lookup">
          {t('repair.counterDesk.lookup')}
        </button>
        {found && (
          <p data-testid="counter-repair-found" data-state={found.state}>
            {t('repair.counterDesk.lookupResult', { number: found.applicationNumber, state: t(`repair.states.${found.state}`), time: formatDateTime(found.submittedAt) })}
            {found.pagesWaiting > 0 && ` · ${t('repair.pagesWaiting', { count: found.pagesWaiting })}`}
          </p>
        )}
      </section>
      <section className="staff-decision" aria-labelledby="counter-repair-applicant-title">
        <h2 id="counter-repair-applicant-title">{t('repair.counterDesk.applicantTitle')}</h2>
        <p className="staff-muted">{t('repair.counterDesk.applicantLead')}</p>
        <button type="button" className="staff-primary" onClick={() => void read()} data-testid="counter-repair-read">
          {t('repair.counterDesk.read')}
        </button>
      </section>
      {message && (
        <p className="staff-message" role="alert" data-testid="counter-repair-message">
          {message}
        </p>
      )}
    </div>
  );
}
