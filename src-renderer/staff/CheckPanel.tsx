// 信用核查: choose the business item, identify the subject (code, name search, or the
// card on the reader), see the answer, record the decision.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { BusinessItemView, CheckResultView, SubjectCandidate } from '../../src-main/common/contract/staffViews';
import { CheckResult } from './CheckResult';
import { CounterCommitment, offersCommitment } from '../commitment/CounterCommitment';
import { DecisionForm } from './DecisionForm';
import { errorText } from './errorText';

type By = 'code' | 'name' | 'card';

export function CheckPanel({ api, token, items }: { api: KioskApi; token: string; items: BusinessItemView[] }) {
  const { t } = useTranslation();
  const [itemId, setItemId] = useState('');
  const [by, setBy] = useState<By>('code');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [candidates, setCandidates] = useState<SubjectCandidate[] | null>(null);
  const [check, setCheck] = useState<CheckResultView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // 已人工核验身份: for a person the kiosk's face check could not take (the counter is its fallback).
  const [sightVerified, setSightVerified] = useState(false);
  /** The check the confirmation was recorded with; each check by card asks for it anew. */
  const [sightRecorded, setSightRecorded] = useState<string | null>(null);

  /** A new query or a new way to identify the subject: the previous subject's answer and decision form go first. */
  const clearAnswer = (): void => {
    setCheck(null);
    setMessage(null);
  };

  const run = async (input: { by: 'code'; code: string } | { by: 'card'; sightVerified?: true }): Promise<void> => {
    clearAnswer();
    if (!itemId) return setMessage(t('staff.check.chooseItem'));
    setBusy(true);
    const r = await api.checkSubject({ token, itemId, ...input });
    setBusy(false);
    if (r.ok) {
      setCheck(r.value);
      setSightRecorded(input.by === 'card' && input.sightVerified ? r.value.checkId : null);
      setSightVerified(false);
    } else setMessage(errorText(t, r.error));
  };

  const search = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    clearAnswer();
    setCandidates(null);
    const r = await api.searchSubjects({ token, text: name.trim() });
    if (r.ok) setCandidates(r.value.candidates);
    else setMessage(errorText(t, r.error));
  };

  return (
    <div className="staff-panel staff-check-panel">
      <h2>{t('staff.check.title')}</h2>
      <label>
        {t('staff.check.item')}
        <select
          name="item"
          value={itemId}
          onChange={(e) => {
            setItemId(e.target.value);
            setCheck(null); // an answer belongs to the item it was asked for
          }}
        >
          <option value="">{t('staff.check.chooseItem')}</option>
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.category} · {i.name}
            </option>
          ))}
        </select>
      </label>
      <div className="staff-tabs" role="tablist">
        {(['code', 'name', 'card'] as const).map((b) => (
          <button key={b} type="button" role="tab" aria-selected={by === b} className={by === b ? 'active' : ''} onClick={() => {
              setBy(b);
              clearAnswer();
              setCandidates(null);
            }}>
            {t(`staff.check.by.${b}`)}
          </button>
        ))}
      </div>
      {by === 'code' && (
        <form
          className="staff-row"
          onSubmit={(e) => {
            e.preventDefault();
            void run({ by: 'code', code: code.trim() });
          }}
        >
          <input name="code" aria-label={t('staff.check.code')} placeholder={t('staff.check.code')} value={code} maxLength={40} onChange={(e) => setCode(e.target.value)} />
          <button type="submit" className="staff-primary" disabled={busy}>
            {t('staff.check.run')}
          </button>
        </form>
      )}
      {by === 'name' && (
        <>
          <form className="staff-row" onSubmit={(e) => void search(e)}>
            <input name="name" aria-label={t('staff.check.name')} placeholder={t('staff.check.name')} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
            <button type="submit">{t('staff.check.search')}</button>
          </form>
          {candidates && candidates.length === 0 && <p className="staff-muted">{t('staff.check.noMatches')}</p>}
          {candidates && candidates.length > 0 && (
            <ul className="staff-candidates">
              {candidates.map((c) => (
                <li key={c.code}>
                  <button type="button" onClick={() => void run({ by: 'code', code: c.code })} disabled={busy}>
                    {c.name} <code>{c.code}</code>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {by === 'card' && (
        <div className="staff-row">
          <p className="staff-muted">{t('staff.check.cardHint')}</p>
          <label>
            <input type="checkbox" name="sight-verified" checked={sightVerified} onChange={(e) => setSightVerified(e.target.checked)} />
            {t('staff.check.sightVerified')}
          </label>
          <button type="button" className="staff-primary" onClick={() => void run(sightVerified ? { by: 'card', sightVerified: true } : { by: 'card' })} disabled={busy}>
            {t('staff.check.run')}
          </button>
        </div>
      )}
      {busy && <p className="staff-muted">{t('staff.busy')}</p>}
      {message && (
        <p className="staff-message" role="alert">
          {message}
        </p>
      )}
      {check && (
        <>
          <CheckResult check={check} />
          {sightRecorded === check.checkId && (
            <p className="staff-muted" role="status" data-testid="sight-recorded">
              {t('staff.check.sightRecorded')}
            </p>
          )}
          <DecisionForm key={check.checkId} api={api} token={token} check={check} />
          {offersCommitment(check) && <CounterCommitment key={`commitment-${check.checkId}`} api={api} token={token} check={check} />}
        </>
      )}
    </div>
  );
}
