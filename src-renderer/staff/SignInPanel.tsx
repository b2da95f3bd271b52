// Sign-in by staff number + PIN, or by the staff member's own ID card on the reader.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { SignInOutcome, StaffSessionView } from '../../src-main/common/contract/staffViews';
import { formatDateTime } from '../components/formatTime';
import { errorText } from './errorText';

export function SignInPanel({ api, onSignedIn, notice }: { api: KioskApi; onSignedIn: (s: StaffSessionView) => void; notice: string | null }) {
  const { t } = useTranslation();
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);

  const outcome = (o: SignInOutcome): void => {
    if (o.signedIn) return onSignedIn(o.session);
    if (o.reason === 'bad-credentials') setMessage(t('staff.signIn.badCredentials', { count: o.attemptsLeft }));
    else if (o.reason === 'locked') setMessage(t('staff.signIn.locked', { time: formatDateTime(o.lockedUntil) }));
    else setMessage(t(`staff.signIn.${o.reason === 'no-card' ? 'noCard' : o.reason === 'unknown-card' ? 'unknownCard' : 'inactive'}`));
  };

  const submit = async (e: FormEvent, by: 'pin' | 'card'): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const r = await api.signIn(by === 'pin' ? { by, staffNo: staffNo.trim(), pin } : { by });
    setBusy(false);
    setPin('');
    if (r.ok) outcome(r.value);
    else setMessage(errorText(t, r.error));
  };

  return (
    <form className="staff-panel staff-signin" onSubmit={(e) => void submit(e, 'pin')}>
      <h2>{t('staff.signIn.title')}</h2>
      <label>
        {t('staff.signIn.staffNo')}
        <input name="staffNo" value={staffNo} onChange={(e) => setStaffNo(e.target.value)} autoComplete="username" required pattern="[A-Za-z0-9]{2,20}" />
      </label>
      <label>
        {t('staff.signIn.pin')}
        <input name="pin" type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="current-password" required pattern="\d{6,12}" />
      </label>
      {message && (
        <p className="staff-message" role="alert">
          {message}
        </p>
      )}
      <div className="staff-actions">
        <button type="submit" className="staff-primary" disabled={busy}>
          {t('staff.signIn.submit')}
        </button>
        <button type="button" onClick={(e) => void submit(e, 'card')} disabled={busy}>
          {t('staff.signIn.byCard')}
        </button>
      </div>
    </form>
  );
}
