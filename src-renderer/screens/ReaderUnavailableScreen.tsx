// The reader is unplugged or failing: say so instead of inviting a card that
// nothing will read.
import { useTranslation } from 'react-i18next';

export function ReaderUnavailableScreen() {
  const { t } = useTranslation();
  return (
    <main className="screen error" data-testid="screen-reader-unavailable">
      <div className="error-mark" aria-hidden="true">!</div>
      <div role="alert" className="alert-text">
        <h1>{t('readerDown.title')}</h1>
        <p className="lead">{t('readerDown.body')}</p>
      </div>
    </main>
  );
}
