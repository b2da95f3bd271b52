import { useTranslation } from 'react-i18next';

export function IdleScreen() {
  const { t } = useTranslation();
  return (
    <main className="screen idle" data-testid="screen-idle">
      <div className="card-illustration" aria-hidden="true">
        <div className="card-shape" />
        <div className="reader-shape" />
      </div>
      <h1 className="instruction">{t('idle.instruction')}</h1>
      <p className="lead">{t('idle.sub')}</p>
      <p className="privacy">{t('idle.privacy')}</p>
    </main>
  );
}
