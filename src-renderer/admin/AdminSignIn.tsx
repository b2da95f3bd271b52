// Staff sign-in for the admin console on a kiosk with no keyboard: staff number and
// PIN on an on-screen keypad (digits and, for the staff number, the letters its
// format allows), or the operator's own ID card on the reader. Only staff with the
// kiosk-admin right get in; the overlay closes by itself when left alone.
import './admin.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { StaffSessionView } from '../../src-main/common/contract/staffViews';
import { useInactivity } from '../components/IdleCountdown';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
/** Staff numbers are [A-Za-z0-9]{2,20} (StaffNo in staffApi): every letter, typed upper-case. */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export function AdminSignIn({ api, idleSeconds, onSignedIn, onCancel }: { api: KioskApi; idleSeconds: number; onSignedIn: (s: StaffSessionView) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [field, setField] = useState<'staffNo' | 'pin'>('staffNo');
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [idle] = useInactivity(true, idleSeconds, 'admin-sign-in');
  useEffect(() => {
    if (idle) onCancel();
  }, [idle, onCancel]);

  const press = (key: string) => (field === 'staffNo' ? setStaffNo((v) => (v + key).slice(0, 20)) : /\d/.test(key) && setPin((v) => (v + key).slice(0, 12)));
  const back = () => (field === 'staffNo' ? setStaffNo((v) => v.slice(0, -1)) : setPin((v) => v.slice(0, -1)));

  const submit = async (by: 'pin' | 'card') => {
    setMessage(null);
    const r = await api.signIn(by === 'pin' ? { by, staffNo, pin, purpose: 'kiosk-admin' } : { by, purpose: 'kiosk-admin' });
    setPin('');
    if (!r.ok) return setMessage(t(`errors.${r.error.code}`));
    if (r.value.signedIn) return onSignedIn(r.value.session);
    setMessage(t(`admin.signInFailed.${r.value.reason}`));
  };

  const key = (k: string) => (
    <button key={k} type="button" className="key" onClick={() => press(k)} data-testid={`admin-key-${k}`}>
      {k}
    </button>
  );

  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="admin-signin-title" data-testid="admin-signin">
      <div className="dialog admin-dialog">
        <h2 id="admin-signin-title">{t('admin.signInTitle')}</h2>
        <div className="admin-fields">
          <button type="button" className={`admin-field ${field === 'staffNo' ? 'active' : ''}`} onClick={() => setField('staffNo')} data-testid="admin-staffno">
            <span>{t('admin.staffNo')}</span>
            <output>{staffNo || ' '}</output>
          </button>
          <button type="button" className={`admin-field ${field === 'pin' ? 'active' : ''}`} onClick={() => setField('pin')} data-testid="admin-pin">
            <span>{t('admin.pin')}</span>
            <output>{'•'.repeat(pin.length) || ' '}</output>
          </button>
        </div>
        <div className="admin-keys">
          <div className="keypad" role="group" aria-label={t('admin.digits')}>
            {DIGITS.map(key)}
            <button type="button" className="key" onClick={back} aria-label="⌫">
              ⌫
            </button>
          </div>
          {field === 'staffNo' && (
            <div className="admin-letters" role="group" aria-label={t('admin.letters')}>
              {LETTERS.map(key)}
            </div>
          )}
        </div>
        {message && (
          <p className="admin-message" role="alert" data-testid="admin-signin-message">
            {message}
          </p>
        )}
        <div className="actions">
          <button type="button" className="primary" disabled={!staffNo || pin.length < 6} onClick={() => void submit('pin')} data-testid="admin-submit">
            {t('admin.signIn')}
          </button>
          <button type="button" className="secondary" onClick={() => void submit('card')}>
            {t('admin.byCard')}
          </button>
          <button type="button" className="secondary" onClick={onCancel} data-testid="admin-cancel">
            {t('actions.back')}
          </button>
        </div>
      </div>
    </div>
  );
}
