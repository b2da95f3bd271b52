// 信用修复申请 from the summary the person is looking at (their own, or their enterprise's
// as its legal representative): choose a penalty, see whether it can be repaired now (and
// if not, why and from when), the checklist for this case, sign the 信用修复承诺书, photograph
// the materials with the document camera, give a contact phone, confirm, take the receipt.
// Everything signed, photographed or typed lives in this screen's state only: when the card
// is lifted or the session times out the screen unmounts and it is gone (the camera stops);
// nothing reaches the kiosk's services before 提交申请.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenFields } from '../../src-main/common/commitment/commitmentCatalogue';
import { ContactPhone } from '../../src-main/common/contract/citizenApi';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { RepairApplicationView, RepairCheckView, RepairReceiptView } from '../../src-main/common/contract/repairApi';
import type { FileView } from '../../src-main/common/contract/staffViews';
import type { CreditSummary, RecordView } from '../../src-main/common/contract/views';
import type { SubjectKind } from '../../src-main/common/domain/subject';
import { SignatureStrokesSchema, type SignatureStrokes } from '../../src-main/common/signature/signatureStrokes';
import { KeyPad } from '../citizen/KeyPad';
import { FieldChoices, LetterItems } from '../commitment/LetterParts';
import { SignaturePad } from '../commitment/SignaturePad';
import { ApplicationList } from '../components/ApplicationList';
import { formatDateTime } from '../components/formatTime';
import { StepActionBar } from '../components/StepActionBar';
import { useStepPrompt } from '../components/useVoicePrompt';
import { offerDownload } from '../staff/files';
import { DocumentCamera, type CameraState } from './DocumentCamera';
import { kioskRepairChannel, type RepairChannel } from './repairChannel';
import { refusalText } from './repairRefusal';
import '../citizen/citizen.css';
import '../commitment/commitment.css';
import './repair.css';

type Step = 'list' | 'checklist' | 'sign' | 'photos' | 'phone' | 'confirm' | 'receipt';
const BACK_OF: Partial<Record<Step, Step>> = { checklist: 'list', sign: 'checklist', photos: 'sign', phone: 'photos', confirm: 'phone' };
type Eligible = Extract<RepairCheckView, { allowed: true }>;

interface RepairScreenProps {
  api: KioskApi;
  sessionId: string;
  uscc?: string;
  summary: CreditSummary;
  voiceVolume: number;
  onClose: () => void;
}

/** The journey on the self-service kiosk, for the session's holder (or the enterprise they represent). */
export function RepairScreen({ api, sessionId, uscc, summary, voiceVolume, onClose }: RepairScreenProps) {
  const channel = useMemo(() => kioskRepairChannel(api, sessionId, uscc), [api, sessionId, uscc]);
  return <RepairJourney channel={channel} subject={summary.subject} penalties={summary.records.filter((r) => r.category === 'penalty')} voiceVolume={voiceVolume} onClose={onClose} />;
}

interface RepairJourneyProps {
  channel: RepairChannel;
  subject: { name: string; kind: SubjectKind };
  /** The penalties shown to the applicant now. */
  penalties: RecordView[];
  /** At the counter: each penalty's answer, shown beside it before one is chosen. */
  eligibility?: ReadonlyMap<string, RepairCheckView>;
  voiceVolume: number;
  onClose: () => void;
  /** Inside another screen's main landmark (the counter's workstation): a section, not a second main. */
  embedded?: boolean;
}

/** The one repair journey, on the kiosk and at the counter (where staff help). */
export function RepairJourney({ channel, subject, penalties, eligibility, voiceVolume, onClose, embedded = false }: RepairJourneyProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [step, setStep] = useState<Step>('list');
  const [mine, setMine] = useState<RepairApplicationView[] | null>(null);
  const [record, setRecord] = useState<RecordView | null>(null);
  const [check, setCheck] = useState<Eligible | null>(null);
  const [refusal, setRefusal] = useState<Exclude<RepairCheckView, { allowed: true }> | null>(null);
  const [fields, setFields] = useState<ChosenFields>({});
  const [strokes, setStrokes] = useState<SignatureStrokes>([]);
  const [photos, setPhotos] = useState<Record<string, string>>({});
  const [current, setCurrent] = useState(0);
  const [camera, setCamera] = useState<CameraState | 'closed'>('closed');
  // Bumped by "open the camera again" after it failed mid-capture: a fresh camera, the pages taken so far kept.
  const [cameraTry, setCameraTry] = useState(0);
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<RepairReceiptView | null>(null);
  const [letterFile, setLetterFile] = useState<FileView | null>(null);
  const [cannotSign, setCannotSign] = useState(false);
  useStepPrompt(`repair-${step}`, i18n.language, voiceVolume);
  const pages = check ? check.checklist.filter((m) => m.source === 'photo') : [];

  useEffect(() => {
    void channel.list().then((r) => setMine(r.ok ? r.value : []));
  }, [channel]);

  // The host grants the camera only while this step is open; leaving it (or unmounting) closes it.
  const [cameraGranted, setCameraGranted] = useState(false);
  useEffect(() => {
    if (step !== 'photos') return;
    let gone = false;
    void channel.cameraStep(true).then((r) => !gone && setCameraGranted(r.ok));
    return () => {
      gone = true;
      setCameraGranted(false);
      setCamera('closed');
      void channel.cameraStep(false);
    };
  }, [channel, step]);
  const onCameraState = useCallback((s: CameraState) => setCamera(s), []);

  const errorText = (code: string, message: string) => t([`repair.errors.${code}`, `errors.${code}`, 'repair.errors.other'], { message });

  const choose = async (r: RecordView) => {
    setRefusal(null);
    setError(null);
    const c = await channel.check(r.id);
    if (!c.ok) return setError(errorText(c.error.code, c.error.message));
    if (!c.value.allowed) return setRefusal(c.value);
    setRecord(r);
    setCheck(c.value);
    setFields({});
    setStrokes([]);
    setCannotSign(false);
    setPhotos({});
    setCurrent(0);
    setStep('checklist');
  };

  const submit = async () => {
    if (!record || !check) return;
    setBusy(true);
    setError(null);
    const signature = cannotSign ? { kind: 'staff-confirmed' as const } : { kind: 'drawn' as const, strokes };
    const r = await channel.submit({ recordId: record.id, fields, signature, phone, photos: pages.map((m) => ({ material: m.code, jpeg: photos[m.code]! })) });
    setBusy(false);
    if (!r.ok) return setError(errorText(r.error.code, r.error.message));
    if (!r.value.submitted) {
      setRefusal(r.value.check);
      setStep('list');
      return;
    }
    // Sent: nothing of it stays on this screen.
    setPhotos({});
    setStrokes([]);
    setPhone('');
    setReceipt(r.value.receipt);
    setLetterFile(r.value.file ?? null);
    setStep('receipt');
  };

  const letter = check?.letter;
  const chosenAll = letter !== undefined && letter.fields.every((f) => fields[f.id] !== undefined);
  const inked = cannotSign || SignatureStrokesSchema.safeParse(strokes).success;
  const allTaken = pages.length > 0 && pages.every((m) => photos[m.code] !== undefined);
  const phoneOk = ContactPhone.safeParse(phone).success;
  const person = subject.kind === 'natural-person';
  const material = pages[current];
  const cameraTrouble = camera === 'absent' || camera === 'denied' || camera === 'failed';
  const canNext: Partial<Record<Step, boolean>> = { checklist: true, sign: chosenAll && inked, photos: allTaken, phone: phoneOk };
  const NEXT: Partial<Record<Step, Step>> = { checklist: 'sign', sign: 'photos', photos: 'phone', phone: 'confirm' };
  const Root = embedded ? 'section' : 'main';

  return (
    <Root className="screen repair has-action-bar" data-testid={`screen-repair-${step}`}>
      <div className="screen-body" tabIndex={0}>
        <h1>{person ? t('repair.title') : t('repair.titleEnterprise', { name: subject.name })}</h1>
        {error && (
          <p className="citizen-alert" role="alert" data-testid="repair-error">
            {error}
          </p>
        )}

        {step === 'list' && (
          <>
            <p className="lead">{t('repair.intro')}</p>
            {refusal && (
              <p className="citizen-alert" role="alert" data-testid="repair-refusal" data-reason={refusal.reason === 'rules' ? refusal.eligibility.reason : refusal.reason}>
                {refusalText(t, refusal)}
              </p>
            )}
            <ApplicationList
              testIdPrefix="repair"
              heading={t('repair.mine')}
              emptyText={t('repair.noneYet')}
              numberLabel={t('repair.number')}
              timeLabel={t('repair.time')}
              rows={
                mine &&
                mine.map((a) => ({
                  applicationNumber: a.applicationNumber,
                  recordTitle: a.recordTitle,
                  submittedAt: a.submittedAt,
                  stateText: t(`repair.states.${a.state}`),
                  settled: a.state === 'done',
                  note: a.pagesWaiting > 0 ? t('repair.pagesWaiting', { count: a.pagesWaiting }) : undefined,
                }))
              }
            />
            <section aria-labelledby="repair-choose">
              <h2 id="repair-choose">{t('repair.choose')}</h2>
              {penalties.length === 0 ? (
                <p className="muted">{t('repair.noPenalties')}</p>
              ) : (
                <ul className="record-list">
                  {penalties.map((r) => (
                    <li key={r.id}>
                      <button type="button" className="record record-choice penalty" onClick={() => void choose(r)} data-testid={`repair-record-${r.id}`}>
                        <span className="record-head">
                          <span className="record-title">{r.title}</span>
                          <RepairTag check={eligibility?.get(r.id)} />
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

        {step === 'checklist' && check && record && (
          <section aria-labelledby="repair-checklist">
            <h2 id="repair-checklist">{t('repair.checklist.title')}</h2>
            <p className="muted">{record.title}</p>
            <p className="lead">{t('repair.checklist.lead', { severity: t(`repair.severities.${check.severity}`) })}</p>
            <ol className="repair-checklist" data-testid="repair-checklist">
              {check.checklist.map((m) => (
                <li key={m.code} data-testid={`repair-material-${m.code}`}>
                  <span className="material-name">{m.name[en ? 'en' : 'zh-CN']}</span>
                  <span className="tag">{m.source === 'signed' ? t('repair.checklist.signedHere') : t('repair.checklist.photo')}</span>
                  {m.hint && <span className="muted">{m.hint[en ? 'en' : 'zh-CN']}</span>}
                </li>
              ))}
            </ol>
            <p className="info-paragraph">{t('repair.checklist.answer', { days: check.answerWorkingDays })}</p>
          </section>
        )}

        {step === 'sign' && letter && (
          <section aria-labelledby="repair-sign">
            <h2 id="repair-sign">{t('repair.sign.title')}</h2>
            <p className="lead">{t('repair.sign.lead')}</p>
            <FieldChoices kind={letter} fields={fields} en={en} onChoose={(id, value) => setFields({ ...fields, [id]: value })} />
            <LetterItems kind={letter} fields={fields} subjectName={subject.name} en={en} />
            {channel.staffMayConfirm && (
              <label className="counter-cannot-sign">
                <input type="checkbox" checked={cannotSign} onChange={(e) => setCannotSign(e.target.checked)} data-testid="repair-cannot-sign" /> {t('repair.counterDesk.cannotSign')}
              </label>
            )}
            {!cannotSign && <SignaturePad onChange={setStrokes} />}
          </section>
        )}

        {step === 'photos' && material && (
          <section aria-labelledby="repair-photos">
            <h2 id="repair-photos">{t('repair.photos.title')}</h2>
            <p className="lead">{t('repair.photos.lead')}</p>
            <ol className="repair-pages">
              {pages.map((m, i) => (
                <li key={m.code}>
                  <button type="button" className={i === current ? 'page-choice current' : 'page-choice'} aria-current={i === current} onClick={() => setCurrent(i)} data-testid={`repair-page-${m.code}`} data-taken={photos[m.code] !== undefined}>
                    <span>{m.name[en ? 'en' : 'zh-CN']}</span>
                    <span className={photos[m.code] ? 'tag' : 'tag warn'}>{photos[m.code] ? t('repair.photos.taken') : t('repair.photos.notTaken')}</span>
                  </button>
                </li>
              ))}
            </ol>
            {cameraTrouble && (
              <p className="citizen-alert" role="alert" data-testid="repair-camera-trouble" data-state={camera}>
                {t(`repair.photos.${camera}`)}
              </p>
            )}
            <div className="repair-capture">
              {cameraGranted && (
                <DocumentCamera
                  key={cameraTry}
                  disabled={busy}
                  label={photos[material.code] ? t('repair.photos.retake') : t('repair.photos.capture')}
                  onState={onCameraState}
                  onCapture={(jpeg) => {
                    setPhotos((p) => ({ ...p, [material.code]: jpeg }));
                    if (current < pages.length - 1) setCurrent(current + 1);
                  }}
                />
              )}
              {photos[material.code] && <img className="page-preview" src={`data:image/jpeg;base64,${photos[material.code]}`} alt={t('repair.photos.preview', { name: material.name[en ? 'en' : 'zh-CN'] })} data-testid="repair-preview" />}
            </div>
          </section>
        )}

        {step === 'phone' && (
          <section aria-labelledby="repair-phone">
            <h2 id="repair-phone">{t('repair.phone.title')}</h2>
            <p className="muted">{t('repair.phone.hint')}</p>
            <KeyPad value={phone} onChange={setPhone} maxLength={12} label={t('repair.phone.label')} hint={phone.length >= 11 && !phoneOk ? t('repair.phone.invalid') : ''} invalid={phone.length >= 11 && !phoneOk} testId="repair-phone-pad" />
          </section>
        )}

        {step === 'confirm' && record && (
          <section aria-labelledby="repair-confirm">
            <h2 id="repair-confirm">{t('repair.confirm.title')}</h2>
            <dl className="subject-facts" data-testid="repair-confirm">
              <dt>{t('repair.confirm.record')}</dt>
              <dd>{record.title}</dd>
              <dt>{t('repair.confirm.materials')}</dt>
              <dd>{t('repair.confirm.pages', { count: pages.length })}</dd>
              <dt>{t('repair.confirm.phone')}</dt>
              <dd>{phone}</dd>
            </dl>
          </section>
        )}

        {step === 'receipt' && receipt && (
          <section aria-labelledby="repair-receipt" data-testid="repair-receipt" data-delivered={receipt.delivered}>
            <h2 id="repair-receipt">{t('repair.receipt.title')}</h2>
            <dl className="subject-facts">
              <dt>{t('repair.number')}</dt>
              <dd data-testid="repair-number">{receipt.applicationNumber}</dd>
              <dt>{t('repair.receipt.commitment')}</dt>
              <dd>{receipt.commitmentNumber}</dd>
              <dt>{t('repair.time')}</dt>
              <dd>{formatDateTime(receipt.submittedAt)}</dd>
              <dt>{t('repair.confirm.record')}</dt>
              <dd>{receipt.recordTitle}</dd>
              <dt>{t('repair.confirm.phone')}</dt>
              <dd>{receipt.phoneMasked}</dd>
            </dl>
            <p className="info-paragraph">{t('repair.receipt.next', { days: receipt.answerWorkingDays })}</p>
            <p className="info-paragraph" data-testid="repair-delivery">
              {receipt.delivered ? t('repair.receipt.delivered') : t('repair.receipt.willSend')}
            </p>
            {letterFile ? (
              <button type="button" className="secondary" onClick={() => offerDownload(letterFile)} data-testid="repair-letter-download">
                {t('repair.counterDesk.download')}
              </button>
            ) : (
              <p className="info-paragraph">{receipt.printJobId ? t('repair.receipt.printed') : t('repair.receipt.notPrinted')}</p>
            )}
            <p className="info-paragraph">{t('repair.receipt.list')}</p>
          </section>
        )}
      </div>

      <StepActionBar
        testIdPrefix="repair"
        cancel={step === 'list' ? { label: t('repair.cancel'), onClick: onClose } : undefined}
        back={BACK_OF[step] && { label: t('repair.back'), onClick: () => setStep(BACK_OF[step]!) }}
        extra={
          step === 'photos' &&
          cameraTrouble && (
            <>
              {camera === 'failed' && (
                <button type="button" className="secondary" onClick={() => setCameraTry((n) => n + 1)} data-testid="repair-camera-retry">
                  {t('repair.photos.retry')}
                </button>
              )}
              <button type="button" className="secondary" onClick={onClose} data-testid="repair-to-counter">
                {t('repair.counter')}
              </button>
            </>
          )
        }
        next={
          NEXT[step] && {
            label: step === 'sign' && !chosenAll ? t('repair.sign.needChoice') : step === 'sign' && !inked ? t('repair.sign.needInk') : t('repair.next'),
            disabled: !canNext[step],
            onClick: () => setStep(NEXT[step]!),
          }
        }
        submit={step === 'confirm' ? { label: busy ? t('repair.submitting') : t('repair.submit'), disabled: busy, onClick: () => void submit() } : undefined}
        done={step === 'receipt' ? { label: t('repair.done'), onClick: onClose } : undefined}
      />
    </Root>
  );
}

/** Beside a penalty: "apply", or (at the counter, known beforehand) why it cannot be repaired now. */
function RepairTag({ check }: { check: RepairCheckView | undefined }) {
  const { t } = useTranslation();
  if (check === undefined || check.allowed) return <span className="tag">{t('repair.apply')}</span>;
  return (
    <span className="tag warn" data-testid="repair-eligibility">
      {refusalText(t, check)}
    </span>
  );
}
