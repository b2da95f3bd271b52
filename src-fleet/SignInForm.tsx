// Operator sign-in: name and password, the platform's answer in words.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fleetApi } from './fleetApi';

export function SignInForm({ notice, onSignedIn }: { notice: string | null; onSignedIn: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const r = await fleetApi.signIn(name.trim(), password);
    setBusy(false);
    setPassword('');
    if (r.ok) return onSignedIn(r.value.operator);
    setError(r.code === 'FLEET_LOCKED' ? t('signIn.locked') : r.code === 'FLEET_BAD_CREDENTIALS' || r.code === 'INVALID_INPUT' ? t('signIn.bad') : t('signIn.failed'));
  };

  return (
    <section className="fleet-sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('signIn.title')}</h2>
      {notice && <p role="status">{notice}</p>}
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('signIn.name')}
          <input name="name" autoComplete="username" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('signIn.password')}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p className="fleet-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
