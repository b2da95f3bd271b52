// 信用承诺 at the counter: under a check whose item allows 告知承诺 or 容缺受理, the
// applicant in front of the staff member chooses a letter and signs it on the pad — or,
// for a person who cannot sign, the staff member confirms (the service audits it). The
// sealed copy comes back as a PDF to print, like the check slip.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentOutputs } from '../../src-main/common/contract/commitmentApi';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { CheckResultView } from '../../src-main/common/contract/staffViews';
import { COMMITMENT_INCENTIVE_IDS, type ChosenFields, type CommitmentKind } from '../../src-main/common/commitment/commitmentCatalogue';
import { SignatureStrokesSchema, type SignatureStrokes } from '../../src-main/common/signature/signatureStrokes';
import { offerDownload } from '../staff/files';
import { FieldChoices, LetterItems } from './LetterParts';
import { SignaturePad } from './SignaturePad';
import './commitment.css';

/** Whether the check's item lets the applicant proceed on a signed promise. */
export function offersCommitment(check: CheckResultView): boolean {
  return check.incentives.some((i) => COMMITMENT_INCENTIVE_IDS.includes(i.id));
}

export function CounterCommitment({ api, token, check }: { api: KioskApi; token: string; check: CheckResultView }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [kinds, setKinds] = useState<CommitmentKind[]>([]);
  const [kind, setKind] = useState<CommitmentKind | null>(null);
  const [fields, setFields] = useState<ChosenFields>({});
  const [strokes, setStrokes] = useState<SignatureStrokes>([]);
  const [cannotSign, setCannotSign] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [signed, setSigned] = useState<CommitmentOutputs['signCommitmentAtCounter'] | null>(null);

  useEffect(() => {
    void api.listCommitmentKinds({}).then((r) => r.ok && setKinds(r.value.kinds));
  }, [api]);

  const ready = kind !== null && kind.fields.every((f) => fields[f.id] !== undefined) && (cannotSign || SignatureStrokesSchema.safeParse(strokes).success);

  const sign = async () => {
    if (!kind) return;
    setBusy(true);
    setMessage(null);
    const r = await api.signCommitmentAtCounter({ token, checkId: check.checkId, kindId: kind.id, fields, signature: cannotSign ? { kind: 'staff-confirmed' } : { kind: 'drawn', strokes } });
    setBusy(false);
    if (r.ok) setSigned(r.value);
    else setMessage(r.error.code === 'ALREADY_COMMITTED' ? t('commitment.errors.ALREADY_COMMITTED') : r.error.code === 'COMMITMENT_NOT_OFFERED' ? t('commitment.counter.NOT_OFFERED') : r.error.message);
  };

  return (
    <section className="staff-decision counter-commitment" aria-labelledby="counter-commitment-title" data-testid="counter-commitment">
      <h3 id="counter-commitment-title">{t('commitment.counter.title')}</h3>
      {signed ? (
        <>
          <p data-testid="counter-commitment-signed">{t('commitment.counter.signed', { number: signed.commitmentNumber, date: signed.validUntil })}</p>
          <button type="button" className="staff-primary" onClick={() => offerDownload(signed.file)} data-testid="counter-commitment-download">
            {t('commitment.counter.download')}
          </button>
        </>
      ) : (
        <>
          <p className="staff-muted">{t('commitment.counter.lead')}</p>
          <label>
            {t('commitment.counter.kind')}{' '}
            <select
              value={kind?.id ?? ''}
              onChange={(e) => {
                setKind(kinds.find((k) => k.id === e.target.value) ?? null);
                setFields({});
              }}
              data-testid="counter-commitment-kind"
            >
              <option value="">{t('commitment.counter.chooseKind')}</option>
              {kinds.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name[en ? 'en' : 'zh-CN']}
                </option>
              ))}
            </select>
          </label>
          {kind && (
            <>
              {kind.fields.length > 0 && <FieldChoices kind={kind} fields={fields} en={en} onChoose={(id, value) => setFields({ ...fields, [id]: value })} />}
              <LetterItems kind={kind} fields={fields} subjectName={check.subject.name} en={en} />
              <label className="counter-cannot-sign">
                <input type="checkbox" checked={cannotSign} onChange={(e) => setCannotSign(e.target.checked)} data-testid="counter-commitment-cannot-sign" /> {t('commitment.counter.cannotSign')}
              </label>
              {!cannotSign && <SignaturePad onChange={setStrokes} />}
              <button type="button" className="staff-primary" disabled={!ready || busy} onClick={() => void sign()} data-testid="counter-commitment-sign">
                {t('commitment.counter.sign')}
              </button>
            </>
          )}
          {message && (
            <p className="staff-message" role="alert" data-testid="counter-commitment-message">
              {message}
            </p>
          )}
        </>
      )}
    </section>
  );
}
