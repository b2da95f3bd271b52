// Before any personal data is shown: what the law asks the person to be told
// (purpose, what is read, where it goes, how long it is kept, the legal basis),
// with the full notice a tap away. Nothing is looked up until the person agrees.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../src-main/common/contract/views';

const POINTS = ['purpose', 'collected', 'whereItGoes', 'retention', 'legalBasis'] as const;

export function ConsentScreen({ session, issuer, faceCheck = false, onAgree, onCancel }: { session: SessionInfo; issuer: string; faceCheck?: boolean; onAgree: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [fullOpen, setFullOpen] = useState(false);
  return (
    <main className="screen consent has-action-bar" data-testid="screen-consent">
      <div className="screen-body" tabIndex={0}>
        <h1>{t('consent.title')}</h1>
        <p className="lead">{t('consent.holder', { name: session.holder.name, card: t(`cardTypes.${session.holder.cardType}`) })}</p>
        <ul className="consent-points">
          <li>{t('consent.point1')}</li>
          <li>{t('consent.point3')}</li>
          {faceCheck && <li data-testid="consent-face">{t('face.consent')}</li>}
        </ul>
        <section className="consent-law" aria-labelledby="consent-law-title" data-testid="consent-law">
          <h2 id="consent-law-title">{t('consent.lawTitle')}</h2>
          <ul className="consent-points">
            {POINTS.map((p) => (
              <li key={p} data-testid={`consent-${p}`}>
                {t(`consent.${p}`, { issuer })}
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setFullOpen(true)} data-testid="consent-read-full">
            {t('consent.readFull')}
          </button>
        </section>
      </div>
      <div className="action-bar">
        <button type="button" className="primary" onClick={onAgree} data-testid="consent-agree" autoFocus>
          {t('consent.agree')}
        </button>
        <button type="button" className="secondary" onClick={onCancel} data-testid="consent-cancel">
          {t('consent.cancel')}
        </button>
      </div>
      {fullOpen && (
        <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="consent-full-title" data-testid="consent-full">
          <div className="dialog notice-dialog">
            <h2 id="consent-full-title">{t('consent.fullTitle')}</h2>
            <div className="notice-text" tabIndex={0}>
              {(t('consent.full', { returnObjects: true, issuer }) as string[]).map((p) => (
                <p key={p}>{p}</p>
              ))}
            </div>
            <button type="button" className="primary" onClick={() => setFullOpen(false)} data-testid="consent-full-close" autoFocus>
              {t('consent.closeFull')}
            </button>
          </div>
        </div>
      )}
    </main>
  );
}
