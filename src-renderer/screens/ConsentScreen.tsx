// Before any personal data is shown: what will be shown, to whom, and that it is
// cleared afterwards. Nothing is looked up until the person agrees.
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../src-main/common/contract/views';

export function ConsentScreen({ session, onAgree, onCancel }: { session: SessionInfo; onAgree: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="screen consent" data-testid="screen-consent">
      <h1>{t('consent.title')}</h1>
      <p className="lead">{t('consent.holder', { name: session.holder.name, card: t(`cardTypes.${session.holder.cardType}`) })}</p>
      <ul className="consent-points">
        <li>{t('consent.point1')}</li>
        <li>{t('consent.point2')}</li>
        <li>{t('consent.point3')}</li>
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={onAgree} data-testid="consent-agree" autoFocus>
          {t('consent.agree')}
        </button>
        <button type="button" className="secondary" onClick={onCancel} data-testid="consent-cancel">
          {t('consent.cancel')}
        </button>
      </div>
    </main>
  );
}
