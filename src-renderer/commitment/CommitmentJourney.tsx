// 信用承诺 on the kiosk: choose a letter, read it with its fields chosen, sign it on the
// pad, and take the sealed copy. Everything the person chose or drew lives in this
// component only: when the session ends (card lifted, timed out) the screen changes,
// the component goes, and nothing of it stays; nothing is sent until 确认签署.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { CommitmentOutputs } from '../../src-main/common/contract/commitmentApi';
import type { ChosenFields, CommitmentKind } from '../../src-main/common/commitment/commitmentCatalogue';
import { SignatureStrokesSchema, type SignatureStrokes } from '../../src-main/common/signature/signatureStrokes';
import { FieldChoices, LetterItems } from './LetterParts';
import { SignaturePad } from './SignaturePad';
import { useStepPrompt } from '../components/useVoicePrompt';
import './commitment.css';

export type CommitmentStep = 'choose' | 'read' | 'sign' | 'done';

interface CommitmentJourneyProps {
  api: KioskApi;
  sessionId: string;
  /** Signing for an enterprise the holder represents. */
  uscc?: string;
  subjectName: string;
  onBack: () => void;
  voiceVolume: number;
}

type Catalogue = CommitmentOutputs['listCommitmentKinds'];

export function CommitmentJourney({ api, sessionId, uscc, subjectName, onBack, voiceVolume }: CommitmentJourneyProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [kind, setKind] = useState<CommitmentKind | null>(null);
  const [fields, setFields] = useState<ChosenFields>({});
  const [step, setStep] = useState<CommitmentStep>('choose');
  const [strokes, setStrokes] = useState<SignatureStrokes>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<CommitmentOutputs['signCommitment'] | null>(null);

  useEffect(() => {
    void api.listCommitmentKinds({}).then((r) => (r.ok ? setCatalogue(r.value) : setError(t('commitment.errors.other'))));
  }, [api, t]);
  useStepPrompt(`commitment-${step}`, i18n.language, voiceVolume);

  const go = (next: CommitmentStep) => {
    setError(null);
    setStep(next);
  };
  const choose = (k: CommitmentKind) => {
    setKind(k);
    setFields({});
    setStrokes([]);
    go('read');
  };
  const allChosen = kind !== null && kind.fields.every((f) => fields[f.id] !== undefined);
  const inked = SignatureStrokesSchema.safeParse(strokes).success;

  const sign = async () => {
    if (!kind) return;
    setBusy(true);
    setError(null);
    const r = await api.signCommitment({ sessionId, ...(uscc !== undefined && { uscc }), kindId: kind.id, fields, strokes });
    setBusy(false);
    if (r.ok) {
      setReceipt(r.value);
      go('done');
    } else {
      setError(r.error.code === 'ALREADY_COMMITTED' || r.error.code === 'INVALID_INPUT' ? t(`commitment.errors.${r.error.code}`) : t(`errors.${r.error.code}`, { defaultValue: t('commitment.errors.other') }));
    }
  };

  return (
    <main className="screen commitment has-action-bar" data-testid="screen-commitment" data-step={step}>
      <div className="screen-body" tabIndex={0}>
        {step === 'choose' && (
          <>
            <h1>{t('commitment.choose.title')}</h1>
            <p className="lead">{t('commitment.choose.lead')}</p>
            <p className="muted" data-testid="commitment-for">
              {uscc !== undefined ? t('commitment.choose.forEnterprise', { name: subjectName }) : t('commitment.choose.forSelf', { name: subjectName })}
            </p>
            <ul className="commitment-kinds">
              {catalogue?.kinds.map((k) => (
                <li key={k.id}>
                  <button type="button" className="commitment-kind" onClick={() => choose(k)} data-testid={`commitment-kind-${k.id}`}>
                    <span className="kind-name">{k.name[en ? 'en' : 'zh-CN']}</span>
                    <span className="kind-summary">{k.summary[en ? 'en' : 'zh-CN']}</span>
                    <span className="kind-valid">{t('commitment.choose.validMonths', { count: k.validMonths })}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {step === 'read' && kind && (
          <>
            <h1>{kind.title}</h1>
            {kind.fields.length > 0 && <FieldChoices kind={kind} fields={fields} en={en} onChoose={(id, value) => setFields({ ...fields, [id]: value })} />}
            <LetterItems kind={kind} fields={fields} subjectName={subjectName} en={en} />
          </>
        )}
        {step === 'sign' && kind && (
          <>
            <h1>{t('commitment.sign.title')}</h1>
            <p className="lead">{t('commitment.sign.lead')}</p>
            <SignaturePad onChange={setStrokes} />
          </>
        )}
        {step === 'done' && receipt && (
          <>
            <h1>{t('commitment.done.title')}</h1>
            <p className="lead" data-testid="commitment-number">
              {t('commitment.done.number', { number: receipt.commitmentNumber })}
            </p>
            <p className="lead">{t('commitment.done.validUntil', { date: receipt.validUntil })}</p>
            <p className="muted" data-testid="commitment-printing">
              {receipt.job.state === 'failed' ? t('commitment.done.printFailed', { message: receipt.job.message ?? '' }) : t('commitment.done.printing')}
            </p>
          </>
        )}
        {error && (
          <p className="commitment-error" role="alert" data-testid="commitment-error">
            {error}
          </p>
        )}
      </div>
      <div className="action-bar">
        <div className="action-buttons">
          {step === 'read' && (
            <button type="button" className="primary" disabled={!allChosen} onClick={() => go('sign')} data-testid="commitment-to-sign">
              {allChosen ? t('commitment.read.toSign') : t('commitment.read.chooseAll')}
            </button>
          )}
          {step === 'sign' && (
            <button type="button" className="primary" disabled={!inked || busy} onClick={() => void sign()} data-testid="commitment-sign">
              {busy ? t('commitment.sign.signing') : inked ? t('commitment.sign.confirm') : t('commitment.sign.needInk')}
            </button>
          )}
          {step === 'done' && (
            <button type="button" className="secondary" onClick={() => go('choose')} data-testid="commitment-another">
              {t('commitment.done.another')}
            </button>
          )}
          {(step === 'read' || step === 'sign') && (
            <button type="button" className="secondary" onClick={() => go(step === 'sign' ? 'read' : 'choose')} data-testid="commitment-back">
              {t('commitment.back')}
            </button>
          )}
          <button type="button" className="secondary" onClick={onBack} data-testid="commitment-close">
            {t('commitment.backToSummary')}
          </button>
        </div>
      </div>
    </main>
  );
}

