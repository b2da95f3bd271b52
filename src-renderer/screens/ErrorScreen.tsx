// Every error a person meets says what happened and what to do next, in their language.
// The alert sits inside the main landmark (role="alert" on <main> would replace it).
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../src-main/common/contract/errorCodes';

export function ErrorScreen({ code, onDismiss }: { code: ErrorCode; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="screen error" data-testid="screen-error" data-error-code={code}>
      <div className="error-mark" aria-hidden="true">!</div>
      <div role="alert" className="alert-text">
        <h1>{t('errors.title')}</h1>
        <p className="lead" data-testid="error-message">{t(`errors.${code}`)}</p>
      </div>
      <button type="button" className="primary" onClick={onDismiss}>
        {t('errors.ok')}
      </button>
    </main>
  );
}
