// The kiosk at rest: the card invitation and the hall's service menu. Services that
// need the card only remember the choice (the card starts them); the others are
// guidance read on screen, which returns to the menu by itself.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardIllustration } from '../components/CardIllustration';

/** certificate: the 无违法违规记录证明版 of an enterprise the card holder represents. */
export type CardService = 'personal' | 'enterprise' | 'certificate';
export type InfoTopic = 'repair' | 'objection';
const CARD_SERVICES: readonly CardService[] = ['personal', 'enterprise', 'certificate'];
const INFO_TOPICS: readonly InfoTopic[] = ['repair', 'objection'];
/** Guidance left open returns to the menu, so the next person finds the invitation. */
const INFO_TIMEOUT_MS = 90_000;

export function IdleScreen({ chosen, onChoose, onVerify }: { chosen: CardService | null; onChoose: (service: CardService) => void; onVerify: () => void }) {
  const { t } = useTranslation();
  const [topic, setTopic] = useState<InfoTopic | null>(null);
  useEffect(() => {
    if (!topic) return;
    const timer = setTimeout(() => setTopic(null), INFO_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [topic]);

  if (topic) {
    return (
      <main className="screen info has-action-bar" data-testid={`screen-info-${topic}`}>
        <div className="screen-body">
          <h1>{t(`idle.info.${topic}.title`)}</h1>
          {(t(`idle.info.${topic}.body`, { returnObjects: true }) as string[]).map((p) => (
            <p key={p} className="info-paragraph">
              {p}
            </p>
          ))}
        </div>
        <div className="action-bar">
          <button type="button" className="primary" onClick={() => setTopic(null)} data-testid="info-back" autoFocus>
            {t('idle.back')}
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="screen idle" data-testid="screen-idle">
      <CardIllustration />
      <h1 className="instruction">{t('idle.instruction')}</h1>
      <p className="lead" aria-live="polite" data-testid="idle-chosen">
        {chosen ? t('idle.chosen', { service: t(`idle.services.${chosen}`) }) : t('idle.sub')}
      </p>
      <nav className="service-menu" aria-labelledby="service-menu-title">
        <h2 id="service-menu-title">{t('idle.menuTitle')}</h2>
        <ul>
          {CARD_SERVICES.map((s) => (
            <li key={s}>
              <button type="button" className="service" aria-pressed={chosen === s} onClick={() => onChoose(s)} data-testid={`service-${s}`}>
                {t(`idle.services.${s}`)}
              </button>
            </li>
          ))}
          <li>
            {/* 报告核验 needs no card: it opens its own screen (citizen/ReportCheckScreen). */}
            <button type="button" className="service" onClick={onVerify} data-testid="service-verify">
              {t('idle.services.verify')}
            </button>
          </li>
          {INFO_TOPICS.map((s) => (
            <li key={s}>
              <button type="button" className="service info" onClick={() => setTopic(s)} data-testid={`service-${s}`}>
                {t(`idle.services.${s}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <p className="privacy">{t('idle.privacy')}</p>
    </main>
  );
}
