// 异议申请 from the summary the person is looking at (their own, or their enterprise's
// as its legal representative): choose a record, a reason, a contact phone, confirm,
// and take the receipt. Everything typed lives in this screen's state only: when the
// card is lifted or the session times out the screen unmounts and it is gone; nothing
// reaches the kiosk's services before 提交.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import { ContactPhone, type ObjectionApplicationView, type ObjectionOptionsView, type ObjectionReceiptView, type ObjectionRefusal } from '../../src-main/common/contract/citizenApi';
import type { CreditSummary, RecordView } from '../../src-main/common/contract/views';
import type { RecordCategory } from '../../src-main/common/domain/creditRecord';
import { ApplicationList } from '../components/ApplicationList';
import { formatDateTime } from '../components/formatTime';
import { StepActionBar } from '../components/StepActionBar';
import { useStepPrompt } from '../components/useVoicePrompt';
import { KeyPad } from './KeyPad';
import './citizen.css';

type Step = 'list' | 'reason' | 'phone' | 'confirm' | 'receipt';
/** The step 上一步 returns to. */
const BACK_OF: Partial<Record<Step, Step>> = { reason: 'list', phone: 'reason', confirm: 'phone' };

interface ObjectionScreenProps {
  api: KioskApi;
  sessionId: string;
  /** The enterprise whose summary is shown (its legal representative objects for it). */
  uscc?: string;
  summary: CreditSummary;
  voiceVolume: number;
  onClose: () => void;
}

export function ObjectionScreen({ api, sessionId, uscc, summary, voiceVolume, onClose }: ObjectionScreenProps) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>('list');
  const [options, setOptions] = useState<ObjectionOptionsView | null>(null);
  const [mine, setMine] = useState<ObjectionApplicationView[] | null>(null);
  const [record, setRecord] = useState<RecordView | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [phone, setPhone] = useState('');
  const [refusal, setRefusal] = useState<{ reason: ObjectionRefusal; category?: RecordCategory } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<ObjectionReceiptView | null>(null);
  useStepPrompt(`objection-${step}`, i18n.language, voiceVolume);
  const who = uscc === undefined ? { sessionId } : { sessionId, uscc };

  useEffect(() => {
    void api.objectionOptions({ sessionId }).then((r) => r.ok && setOptions(r.value));
    void api.objectionList(uscc === undefined ? { sessionId } : { sessionId, uscc }).then((r) => setMine(r.ok ? r.value : []));
  }, [api, sessionId, uscc]);

  const errorText = (code: string) => t([`citizen.objection.errors.${code}`, `errors.${code}`]);

  const choose = async (r: RecordView) => {
    setRefusal(null);
    setError(null);
    const check = await api.objectionCheck({ ...who, recordId: r.id });
    if (!check.ok) return setError(errorText(check.error.code));
    if (!check.value.allowed) return setRefusal({ reason: check.value.reason, ...(check.value.category && { category: check.value.category }) });
    setRecord(r);
    setStep('reason');
  };

  const submit = async () => {
    if (!record || !reason) return;
    setBusy(true);
    setError(null);
    const r = await api.objectionSubmit({ ...who, recordId: record.id, reasonCode: reason, phone });
    setBusy(false);
    if (!r.ok) return setError(errorText(r.error.code));
    if (!r.value.submitted) {
      setRefusal({ reason: r.value.reason });
      setStep('list');
      return;
    }
    setPhone('');
    setReceipt(r.value.receipt);
    setStep('receipt');
  };

  const reasonLabel = (code: string) => {
    const found = options?.reasons.find((x) => x.code === code);
    return found ? (i18n.language === 'en' ? found.en : found.zh) : code;
  };
  const phoneOk = ContactPhone.safeParse(phone).success;
  const person = summary.subject.kind === 'natural-person';

  return (
    <main className="screen objection has-action-bar" data-testid={`screen-objection-${step}`}>
      <div className="screen-body">
        <h1>{person ? t('citizen.objection.title') : t('citizen.objection.titleEnterprise', { name: summary.subject.name })}</h1>
        {error && (
          <p className="citizen-alert" role="alert" data-testid="objection-error">
            {error}
          </p>
        )}

        {step === 'list' && (
          <>
            <p className="lead">{t('citizen.objection.intro')}</p>
            {refusal && (
              <p className="citizen-alert" role="alert" data-testid="objection-refusal" data-reason={refusal.reason}>
                {t(`citizen.objection.refusals.${refusal.reason}`, { category: refusal.category ? t(`recordCategories.${refusal.category}`) : '' })}
              </p>
            )}
            <ApplicationList
              testIdPrefix="objection"
              heading={t('citizen.objection.mine')}
              emptyText={t('citizen.objection.noneYet')}
              numberLabel={t('citizen.objection.receiptNumber')}
              timeLabel={t('citizen.objection.receiptTime')}
              rows={mine && mine.map((a) => ({ applicationNumber: a.applicationNumber, recordTitle: a.recordTitle, submittedAt: a.submittedAt, stateText: t(`citizen.objection.states.${a.state}`), settled: a.state === 'answered' }))}
            />
            <section aria-labelledby="objection-choose">
              <h2 id="objection-choose">{t('citizen.objection.choose')}</h2>
              {summary.records.length === 0 ? (
                <p className="muted">{t('citizen.objection.noRecords')}</p>
              ) : (
                <ul className="record-list">
                  {summary.records.map((r) => (
                    <li key={r.id}>
                      <button type="button" className={`record record-choice ${r.category}`} onClick={() => void choose(r)} data-testid={`objection-record-${r.id}`}>
                        <span className="record-head">
                          <span className="record-category">{t(`recordCategories.${r.category}`)}</span>
                          <span className="record-title">{r.title}</span>
                          {r.status === 'objection-pending' && <span className="tag warn">{t('summary.objectionPending')}</span>}
                        </span>
                        <span className="record-meta">
                          {r.authority && <span>{r.authority}</span>}
                          {r.decisionDate && <span>{r.decisionDate}</span>}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}

        {step === 'reason' && options && (
          <fieldset className="reason-list">
            <legend>{t('citizen.objection.reasonTitle')}</legend>
            <p className="muted">{record?.title}</p>
            {options.reasons.map((r) => (
              <label key={r.code} className="reason-choice">
                <input type="radio" name="reason" value={r.code} checked={reason === r.code} onChange={() => setReason(r.code)} data-testid={`objection-reason-${r.code}`} />
                <span>{i18n.language === 'en' ? r.en : r.zh}</span>
              </label>
            ))}
          </fieldset>
        )}

        {step === 'phone' && (
          <section aria-labelledby="objection-phone">
            <h2 id="objection-phone">{t('citizen.objection.phoneTitle')}</h2>
            <p className="muted">{t('citizen.objection.phoneHint')}</p>
            <KeyPad
              value={phone}
              onChange={setPhone}
              maxLength={12}
              label={t('citizen.objection.confirmPhone')}
              hint={phone.length >= 11 && !phoneOk ? t('citizen.objection.phoneInvalid') : ''}
              invalid={phone.length >= 11 && !phoneOk}
              testId="phone-pad"
            />
          </section>
        )}

        {step === 'confirm' && record && reason && (
          <section aria-labelledby="objection-confirm">
            <h2 id="objection-confirm">{t('citizen.objection.confirmTitle')}</h2>
            <dl className="subject-facts" data-testid="objection-confirm">
              <dt>{t('citizen.objection.confirmRecord')}</dt>
              <dd>{record.title}</dd>
              <dt>{t('citizen.objection.confirmReason')}</dt>
              <dd>{reasonLabel(reason)}</dd>
              <dt>{t('citizen.objection.confirmPhone')}</dt>
              <dd>{phone}</dd>
            </dl>
          </section>
        )}

        {step === 'receipt' && receipt && (
          <section aria-labelledby="objection-receipt" data-testid="objection-receipt">
            <h2 id="objection-receipt">{t('citizen.objection.receiptTitle')}</h2>
            <dl className="subject-facts">
              <dt>{t('citizen.objection.receiptNumber')}</dt>
              <dd data-testid="objection-number">{receipt.applicationNumber}</dd>
              <dt>{t('citizen.objection.receiptTime')}</dt>
              <dd>{formatDateTime(receipt.submittedAt)}</dd>
              <dt>{t('citizen.objection.confirmRecord')}</dt>
              <dd>{receipt.recordTitle}</dd>
              <dt>{t('citizen.objection.confirmReason')}</dt>
              <dd>{reasonLabel(receipt.reasonCode)}</dd>
              <dt>{t('citizen.objection.confirmPhone')}</dt>
              <dd data-testid="objection-phone-masked">{receipt.phoneMasked}</dd>
            </dl>
            <p className="info-paragraph">{t('citizen.objection.receiptNext', { days: receipt.answerWorkingDays })}</p>
            <p className="info-paragraph">{t('citizen.objection.receiptQueued')}</p>
            <p className="info-paragraph" data-testid="objection-print-note">
              {receipt.printJobId ? t('citizen.objection.receiptPrinted') : t('citizen.objection.receiptNotPrinted')}
            </p>
          </section>
        )}
      </div>

      <StepActionBar
        testIdPrefix="objection"
        cancel={step === 'list' ? { label: t('citizen.objection.cancel'), onClick: onClose } : undefined}
        back={BACK_OF[step] && { label: t('citizen.objection.back'), onClick: () => setStep(BACK_OF[step]!) }}
        next={step === 'reason' || step === 'phone' ? { label: t('citizen.objection.next'), disabled: step === 'reason' ? !reason : !phoneOk, onClick: () => setStep(step === 'reason' ? 'phone' : 'confirm') } : undefined}
        submit={step === 'confirm' ? { label: busy ? t('citizen.objection.submitting') : t('citizen.objection.submit'), disabled: busy, onClick: () => void submit() } : undefined}
        done={step === 'receipt' ? { label: t('citizen.objection.done'), onClick: onClose } : undefined}
      />
    </main>
  );
}
