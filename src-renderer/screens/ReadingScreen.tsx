import { useTranslation } from 'react-i18next';

export function ReadingScreen() {
  const { t } = useTranslation();
  return (
    <main className="screen reading" data-testid="screen-reading" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <h1>{t('reading.title')}</h1>
      <p className="lead">{t('reading.hint')}</p>
    </main>
  );
}
