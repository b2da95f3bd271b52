// 账户管理 (admins; supervisors see the list to lift lockouts): add accounts, reset
// PINs, unlock, enable/disable, link the ID card on the reader for card sign-in.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { StaffInput } from '../../src-main/common/contract/staffApi';
import type { StaffAccountView } from '../../src-main/common/contract/staffViews';
import { STAFF_ROLES, type StaffRole } from '../../src-main/common/staff/roles';
import { formatDateTime } from '../components/formatTime';
import { errorText } from './errorText';

type Change = Exclude<StaffInput<'manageStaff'>, { action: 'list' }>;
type ChangeInput = Change extends infer C ? (C extends { token: string } ? Omit<C, 'token'> : never) : never;

export function AdminPanel({ api, token, isAdmin }: { api: KioskApi; token: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const [accounts, setAccounts] = useState<StaffAccountView[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [form, setForm] = useState({ staffNo: '', name: '', role: 'staff' as StaffRole, pin: '' });

  const apply = useCallback(
    async (change: ChangeInput | { action: 'list' }) => {
      const r = await api.manageStaff({ token, ...change } as StaffInput<'manageStaff'>);
      if (r.ok) {
        setAccounts(r.value);
        if (change.action !== 'list') setMessage(null);
      } else setMessage(errorText(t, r.error));
    },
    [api, token, t],
  );

  useEffect(() => {
    let live = true;
    void api.manageStaff({ token, action: 'list' }).then((r) => {
      if (!live) return;
      if (r.ok) setAccounts(r.value);
      else setMessage(errorText(t, r.error));
    });
    return () => {
      live = false;
    };
  }, [api, token, t]);

  const add = (e: FormEvent): void => {
    e.preventDefault();
    void apply({ action: 'add', ...form });
    setForm({ staffNo: '', name: '', role: 'staff', pin: '' });
  };

  const resetPin = (staffNo: string): void => {
    const pin = window.prompt(t('staff.admin.newPin'));
    if (pin) void apply({ action: 'reset-pin', staffNo, pin });
  };

  return (
    <div className="staff-panel">
      <h2>{t('staff.admin.title')}</h2>
      {message && <p className="staff-message">{message}</p>}
      <table className="staff-table">
        <thead>
          <tr>
            <th>{t('staff.signIn.staffNo')}</th>
            <th>{t('staff.admin.name')}</th>
            <th>{t('staff.admin.role')}</th>
            <th>{t('staff.admin.active')}</th>
            <th>{t('staff.admin.card')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.staffNo}>
              <td>{a.staffNo}</td>
              <td>{a.name}</td>
              <td>
                {isAdmin ? (
                  <select aria-label={t('staff.admin.role')} value={a.role} onChange={(e) => void apply({ action: 'update', staffNo: a.staffNo, role: e.target.value as StaffRole })}>
                    {STAFF_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`staff.roles.${r}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(`staff.roles.${a.role}`)
                )}
              </td>
              <td>
                {a.active ? t('staff.admin.activeYes') : t('staff.admin.activeNo')}
                {a.lockedUntil && <span className="staff-warn"> {t('staff.admin.locked', { time: formatDateTime(a.lockedUntil) })}</span>}
              </td>
              <td>{a.cardLinked ? t('staff.admin.cardLinked') : t('staff.admin.cardNone')}</td>
              <td className="staff-row">
                {a.lockedUntil && (
                  <button type="button" onClick={() => void apply({ action: 'unlock', staffNo: a.staffNo })}>
                    {t('staff.admin.unlock')}
                  </button>
                )}
                {isAdmin && (
                  <>
                    <button type="button" onClick={() => resetPin(a.staffNo)}>
                      {t('staff.admin.resetPin')}
                    </button>
                    <button type="button" onClick={() => void apply({ action: 'update', staffNo: a.staffNo, active: !a.active })}>
                      {a.active ? t('staff.admin.deactivate') : t('staff.admin.activate')}
                    </button>
                    <button type="button" onClick={() => void apply({ action: 'link-card', staffNo: a.staffNo })}>
                      {t('staff.admin.linkCard')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {isAdmin && (
        <form className="staff-row" onSubmit={add}>
          <strong>{t('staff.admin.add')}</strong>
          <input aria-label={t('staff.signIn.staffNo')} placeholder={t('staff.signIn.staffNo')} value={form.staffNo} required pattern="[A-Za-z0-9]{2,20}" onChange={(e) => setForm({ ...form, staffNo: e.target.value })} />
          <input aria-label={t('staff.admin.name')} placeholder={t('staff.admin.name')} value={form.name} required maxLength={50} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <select aria-label={t('staff.admin.role')} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as StaffRole })}>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`staff.roles.${r}`)}
              </option>
            ))}
          </select>
          <input aria-label={t('staff.admin.newPin')} placeholder={t('staff.admin.newPin')} type="password" inputMode="numeric" value={form.pin} required pattern="\d{6,12}" onChange={(e) => setForm({ ...form, pin: e.target.value })} />
          <button type="submit" className="staff-primary">
            {t('staff.admin.save')}
          </button>
        </form>
      )}
    </div>
  );
}
