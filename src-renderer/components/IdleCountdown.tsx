// After a spell without a touch, a visible countdown asks "continue?"; at zero the
// session ends and everything is cleared.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Idle after `idleSeconds` without a touch while `active`. The flag belongs to the
 * session and the spell it was raised in: another session or 继续查询 starts clean,
 * so one person's countdown never greets the next.
 */
export function useInactivity(active: boolean, idleSeconds: number, sessionId: string | null): [boolean, () => void] {
  const [epoch, setEpoch] = useState(0);
  const spell = `${sessionId ?? ''}:${epoch}`;
  const [idleIn, setIdleIn] = useState<string | null>(null);
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => setIdleIn(spell), idleSeconds * 1000);
    const poke = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setIdleIn(spell), idleSeconds * 1000);
    };
    const events = ['pointerdown', 'keydown', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, poke, { passive: true }));
    return () => {
      clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, poke));
    };
  }, [active, idleSeconds, spell]);
  return [active && idleIn === spell, () => setEpoch((n) => n + 1)];
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
