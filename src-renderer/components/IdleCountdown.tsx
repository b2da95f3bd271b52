// After a spell without a touch, a visible countdown asks "continue?"; at zero the
// session ends and everything is cleared.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function useInactivity(active: boolean, idleSeconds: number): [boolean, () => void] {
  const [idle, setIdle] = useState(false);
  const [epoch, setEpoch] = useState(0);
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => setIdle(true), idleSeconds * 1000);
    const poke = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), idleSeconds * 1000);
    };
    const events = ['pointerdown', 'keydown', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, poke, { passive: true }));
    return () => {
      clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, poke));
    };
  }, [active, idleSeconds, epoch]);
  return [active && idle, () => { setIdle(false); setEpoch((n) => n + 1); }];
}

export function IdleCountdown({ seconds, onContinue, onExpire }: { seconds: number; onContinue: () => void; onExpire: () => void }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (left <= 0) {
      onExpire();
      return;
    }
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, onExpire]);
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="countdown-title" data-testid="idle-countdown">
      <div className="dialog">
        <h2 id="countdown-title">{t('countdown.title')}</h2>
        <p className="countdown-number" aria-live="assertive">{left}</p>
        <p>{t('countdown.body', { seconds: left })}</p>
        <button type="button" className="primary" onClick={onContinue} autoFocus>
          {t('actions.continue')}
        </button>
      </div>
    </div>
  );
}
