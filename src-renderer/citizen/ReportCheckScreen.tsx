// 报告核验 at the kiosk, without a card: the panel on its own screen, opened from the
// idle menu. Left alone it returns to the menu, so the next person finds the invitation.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import { ReportCheckPanel } from './ReportCheckPanel';

const IDLE_MS = 90_000;

export function ReportCheckScreen({ api, onBack }: { api: Pick<KioskApi, 'verifyReportCode'>; onBack: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    let timer = setTimeout(onBack, IDLE_MS);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(onBack, IDLE_MS);
    };
    window.addEventListener('pointerdown', touched);
    window.addEventListener('keydown', touched);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', touched);
      window.removeEventListener('keydown', touched);
    };
  }, [onBack]);
  return (
    <main className="screen verify-report has-action-bar" data-testid="screen-verify-report">
      <div className="screen-body">
        <h1>{t('citizen.verify.title')}</h1>
        <ReportCheckPanel api={api} />
      </div>
      <div className="action-bar">
        <div className="action-buttons">
          <button type="button" className="secondary" onClick={onBack} data-testid="verify-back">
            {t('citizen.verify.back')}
          </button>
        </div>
      </div>
    </main>
  );
}
