// The counter-staff workstation (信用核查): sign-in, then check / batch / statistics /
// accounts. Everything goes through the KioskApi; the token lives only in memory.
import './staff.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { BusinessItemView, StaffSessionView } from '../../src-main/common/contract/staffViews';
import { can } from '../../src-main/common/staff/roles';
import { setDisplayTimeZone } from '../components/formatTime';
import { AdminPanel } from './AdminPanel';
import { BatchPanel } from './BatchPanel';
import { CheckPanel } from './CheckPanel';
import { SignInPanel } from './SignInPanel';
import { StatsPanel } from './StatsPanel';
import { ReportCheckPanel } from '../citizen/ReportCheckPanel';
import { CounterRepair } from '../repair/CounterRepair';

type View = 'check' | 'repair' | 'batch' | 'stats' | 'verify' | 'admin';

export function StaffApp({ api }: { api: KioskApi }) {
  const { t, i18n } = useTranslation();
  const [session, setSession] = useState<StaffSessionView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [view, setView] = useState<View>('check');
  const [items, setItems] = useState<BusinessItemView[]>([]);

  useEffect(
    () =>
      api.subscribe((e) => {
        if (e.type === 'staff-signed-out' && session && e.staffNo === session.staffNo) {
          setSession(null);
          setNotice(t(`staff.signedOut.${e.reason}`));
        }
        // A fleet configuration may have brought a new business-item catalogue: re-read the list.
        if (e.type === 'sync-result' && session) void api.listBusinessItems({ token: session.token }).then((r) => r.ok && setItems(r.value));
      }),
    [api, session, t],
  );

  useEffect(() => {
    if (!session) return;
    void api.listBusinessItems({ token: session.token }).then((r) => r.ok && setItems(r.value));
  }, [api, session]);

  useEffect(() => {
    document.title = t('staff.title');
  }, [t]);

  useEffect(() => {
    void api.getInfo({}).then((r) => r.ok && setDisplayTimeZone(r.value.timeZone));
  }, [api]);

  const signOut = (): void => {
    if (session) void api.signOut({ token: session.token });
    setSession(null);
    setNotice(t('staff.signedOut.user'));
    setView('check');
  };

  return (
    <div className="staff-app">
      <header className="staff-top">
        <h1 className="staff-title">{t('staff.title')}</h1>
        {session && (
          <nav className="staff-nav">
            {(['check', 'repair', 'batch', 'stats', 'verify', 'admin'] as const)
              .filter((v) => v !== 'admin' || can(session.role, 'manage-staff') || can(session.role, 'unlock'))
              .map((v) => (
                <button key={v} type="button" className={view === v ? 'active' : ''} aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
                  {v === 'verify' ? t('citizen.counter.tab') : v === 'repair' ? t('repair.counterDesk.tab') : t(`staff.nav.${v}`)}
                </button>
              ))}
          </nav>
        )}
        <span className="staff-spacer" />
        <button type="button" className="staff-lang" onClick={() => void i18n.changeLanguage(i18n.language === 'zh-CN' ? 'en' : 'zh-CN')}>
          {i18n.language === 'zh-CN' ? 'English' : '中文'}
        </button>
        {session && (
          <>
            <span className="staff-who">{t('staff.nav.signedInAs', { name: session.name, staffNo: session.staffNo, role: t(`staff.roles.${session.role}`) })}</span>
            <button type="button" onClick={signOut}>
              {t('staff.nav.signOut')}
            </button>
          </>
        )}
      </header>
      <main className="staff-main">
        {!session && (
          <SignInPanel
            api={api}
            notice={notice}
            onSignedIn={(s) => {
              setNotice(null);
              setSession(s);
            }}
          />
        )}
        {session && view === 'check' && <CheckPanel api={api} token={session.token} items={items} />}
        {session && view === 'repair' && <CounterRepair api={api} token={session.token} />}
        {session && view === 'batch' && <BatchPanel api={api} token={session.token} items={items} />}
        {session && view === 'stats' && <StatsPanel api={api} token={session.token} />}
        {session && view === 'verify' && <ReportCheckPanel api={api} />}
        {session && view === 'admin' && <AdminPanel api={api} token={session.token} isAdmin={can(session.role, 'manage-staff')} />}
      </main>
    </div>
  );
}
