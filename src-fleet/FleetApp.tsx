// The fleet view: operator sign-in, then each kiosk's state and the city-wide usage.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fleetApi } from './fleetApi';
import { KioskTable } from './KioskTable';
import { SignInForm } from './SignInForm';
import { UsagePanel } from './UsagePanel';

export function FleetApp() {
  const { t, i18n } = useTranslation();
  /** undefined while asking whether a session is live. */
  const [operator, setOperator] = useState<string | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void fleetApi.session().then((r) => setOperator(r.ok ? r.value.operator : null));
  }, []);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('title');
  }, [i18n.language, t]);

  /** A 401 from any call: the session ended on the platform (idle, restart). */
  const onExpired = useCallback((): void => {
    setOperator(null);
    setNotice(t('expired'));
  }, [t]);
  const otherLanguage = i18n.language === 'en' ? 'zh-CN' : 'en';

  return (
    <div className="fleet">
      <header className="fleet-header">
        <h1>{t('title')}</h1>
        <div className="fleet-header-actions">
          <button type="button" lang={otherLanguage} aria-label={t('languageLabel')} onClick={() => void i18n.changeLanguage(otherLanguage)}>
            {t('language')}
          </button>
          {operator && (
            <>
              <span>{t('signedInAs', { name: operator })}</span>
              <button type="button" onClick={() => void fleetApi.signOut().then(() => setOperator(null))}>
                {t('signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main>
        {operator === null && (
          <SignInForm
            notice={notice}
            onSignedIn={(name) => {
              setNotice(null);
              setOperator(name);
            }}
          />
        )}
        {operator && (
          <>
            <KioskTable onExpired={onExpired} />
            <UsagePanel onExpired={onExpired} />
          </>
        )}
      </main>
    </div>
  );
}
