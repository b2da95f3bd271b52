// The kiosk's admin console: devices, data and sync with their times, recent
// errors, the print queue, today's figures, and the operator's actions (an import
// from USB media chosen from those found, not typed). Every action goes through the
// services, which check the role and audit it. Left alone on a public screen it
// closes after the session's idle time.
import './admin.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminOverview, ImportMediaView } from '../../src-main/common/contract/adminApi';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { StaffSessionView } from '../../src-main/common/contract/staffViews';
import { formatDateTime } from '../components/formatTime';
import { useInactivity } from '../components/IdleCountdown';

const REFRESH_MS = 5000;

/**
 * The console's lists scroll past a few lines (a day of retries fills "recent errors"):
 * a scrolling region must be reachable by keyboard and named (WCAG 2.1.1, axe
 * scrollable-region-focusable), so each list takes focus and is named by its heading.
 */
const SCROLLABLE = (titleId: string) => ({ tabIndex: 0, 'aria-labelledby': titleId }) as const;

export function AdminConsole({ api, session, onClose }: { api: KioskApi; session: StaffSessionView; onClose: () => void }) {
  const { t } = useTranslation();
  const [overview, setOverview] = useState<AdminOverview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [media, setMedia] = useState<ImportMediaView | null>(null);
  const [usbPath, setUsbPath] = useState('');

  const close = useCallback(() => {
    void api.signOut({ token: session.token });
    onClose();
  }, [api, session.token, onClose]);
  const [idle] = useInactivity(true, session.idleSeconds, session.token);
  useEffect(() => {
    if (idle) close();
  }, [idle, close]);

  const findMedia = useCallback(async () => {
    const r = await api.listImportMedia({ token: session.token });
    if (r.ok) {
      setMedia(r.value);
      setUsbPath((p) => (r.value.media.some((m) => m.path === p) ? p : (r.value.media[0]?.path ?? '')));
    }
  }, [api, session.token]);
  useEffect(() => {
    const first = setTimeout(() => void findMedia(), 0);
    return () => clearTimeout(first);
  }, [findMedia]);

  const refresh = useCallback(async () => {
    const r = await api.getAdminOverview({ token: session.token });
    if (r.ok) setOverview(r.value);
    else if (r.error.code === 'NO_SESSION') onClose();
    else setMessage(t(`errors.${r.error.code}`));
  }, [api, session.token, onClose, t]);

  useEffect(() => {
    // First read right after mounting, then every few seconds while the console is open.
    const first = setTimeout(() => void refresh(), 0);
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [refresh]);

  const act = async (input: Parameters<KioskApi['adminAction']>[0]) => {
    setMessage(t('admin.working'));
    const r = await api.adminAction(input);
    if (!r.ok && input.action === 'import-usb' && r.error.code === 'INVALID_INPUT') setMessage(t('admin.outsideRoots', { roots: media?.roots.join('、') ?? '' }));
    else if (!r.ok) setMessage(t(`errors.${r.error.code}`));
    else if (r.value.action === 'leave-kiosk') setMessage(t('admin.leftKiosk'));
    else setMessage(r.value.run.ok ? t('admin.syncDone', { version: r.value.run.version ?? '—' }) : `${t('admin.syncRefused')}: ${r.value.run.message ?? r.value.run.code ?? ''}`);
    void refresh();
  };

  const s = overview?.status;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="admin-title" data-testid="admin-console">
      <div className="dialog admin-console">
        {/* A div, not a header: the page has its own banner. */}
        <div className="admin-head">
          <h2 id="admin-title">{t('admin.title')}</h2>
          <span className="muted">
            {t('admin.signedInAs', { name: session.name, staffNo: session.staffNo })} · {t('admin.idleHint', { seconds: session.idleSeconds })}
          </span>
        </div>
        {!overview ? (
          <p aria-busy="true">{t('admin.loading')}</p>
        ) : (
          <div className="admin-grid">
            <section>
              <h3>{t('admin.devices')}</h3>
              <dl className="admin-dl">
                <dt>{t('admin.reader')}</dt>
                <dd data-testid="admin-reader">
                  {t(`admin.readerState.${s!.reader.state}`)} · {s!.reader.simulated ? t('admin.simulatedReader', { profile: s!.reader.profile ?? '' }) : `${s!.reader.name ?? ''} ${s!.reader.profile ? `(${s!.reader.profile})` : ''}`}
                </dd>
                <dt>{t('admin.printer')}</dt>
                <dd data-testid="admin-printer">
                  {s!.printer.name} · {t(`admin.printerState.${s!.printer.state}`)} · {s!.printer.reasons.map((r) => t(`admin.printerReasons.${r}`, { defaultValue: r })).join('、')}
                </dd>
                <dt>{t('admin.data')}</dt>
                <dd data-testid="admin-data">
                  {t('admin.dataLine', { version: s!.data.dataVersion, time: formatDateTime(s!.data.dataAsOf), subjects: s!.data.subjects })}
                  {s!.data.stale && <strong className="warn"> · {t('admin.stale')}</strong>}
                </dd>
                <dt>{t('admin.sync')}</dt>
                <dd data-testid="admin-sync">
                  {overview.sync
                    ? t('admin.syncLine', {
                        expires: overview.sync.timestampExpires ? formatDateTime(overview.sync.timestampExpires) : '—',
                        last: overview.sync.lastRun ? `${formatDateTime(overview.sync.lastRun.at)} ${t(`admin.syncOutcome.${overview.sync.lastRun.outcome}`, { defaultValue: overview.sync.lastRun.outcome })}` : '—',
                      })
                    : '—'}
                </dd>
                <dt>{t('admin.outbox')}</dt>
                <dd data-testid="admin-outbox">
                  {overview.outbox ? t('admin.outboxLine', { pending: overview.outbox.pending, oldest: overview.outbox.oldestPendingAt ? formatDateTime(overview.outbox.oldestPendingAt) : '—' }) : '—'}
                  {overview.outbox?.alarm && (
                    <strong className="warn" role="alert" data-testid="admin-outbox-alarm">
                      {' '}
                      · {t('admin.outboxAlarm')}
                    </strong>
                  )}
                </dd>
              </dl>
            </section>
            <section>
              <h3 id="admin-today-title">{t('admin.today')}</h3>
              <ul className="admin-list" data-testid="admin-today" {...SCROLLABLE('admin-today-title')}>
                {overview.today
                  ? Object.entries(overview.today.totals).map(([fn, n]) => (
                      <li key={fn}>
                        {t(`staff.stats.functions.${fn}`, { defaultValue: fn })}: <strong>{n}</strong>
                      </li>
                    ))
                  : '—'}
              </ul>
            </section>
            <section>
              <h3 id="admin-errors-title">{t('admin.errors')}</h3>
              {overview.recentErrors.length === 0 ? (
                <p className="muted">{t('summary.none')}</p>
              ) : (
                <ul className="admin-list" data-testid="admin-errors" {...SCROLLABLE('admin-errors-title')}>
                  {overview.recentErrors.map((e) => (
                    <li key={`${e.at}-${e.code}`}>
                      {formatDateTime(e.at)} · {t(`admin.sources.${e.source}`)} · {e.code} · {e.message}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section>
              <h3 id="admin-jobs-title">{t('admin.jobs')}</h3>
              {overview.recentJobs.length === 0 ? (
                <p className="muted">{t('summary.none')}</p>
              ) : (
                <ul className="admin-list" data-testid="admin-jobs" {...SCROLLABLE('admin-jobs-title')}>
                  {overview.recentJobs.map((j) => (
                    <li key={j.jobId}>
                      {formatDateTime(j.createdAt)} · {j.reportNumber} · {t(`printing.${j.state}`)} {j.message ?? ''}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        )}
        <div className="admin-actions">
          <button type="button" className="secondary" onClick={() => void act({ token: session.token, action: 'run-sync' })} data-testid="admin-run-sync">
            {t('admin.runSync')}
          </button>
          <button type="button" className="secondary" disabled={!usbPath} onClick={() => void act({ token: session.token, action: 'import-usb', path: usbPath })} data-testid="admin-import-usb">
            {t('admin.importUsb')}
          </button>
          <button type="button" className="secondary" onClick={() => void act({ token: session.token, action: 'leave-kiosk' })} data-testid="admin-leave-kiosk">
            {t('admin.leaveKiosk')}
          </button>
          <button type="button" className="primary" onClick={close} data-testid="admin-close">
            {t('admin.close')}
          </button>
        </div>
        <section className="admin-media" aria-labelledby="admin-media-title" data-testid="admin-media">
          <h3 id="admin-media-title">{t('admin.media')}</h3>
          {!media ? null : media.roots.length === 0 ? (
            <p className="muted">{t('admin.noRoots')}</p>
          ) : media.media.length === 0 ? (
            <p className="muted">{t('admin.noMedia')}</p>
          ) : (
            <ul className="admin-media-list" aria-label={t('admin.mediaHint')}>
              {media.media.map((m) => (
                <li key={m.path}>
                  <button type="button" aria-pressed={usbPath === m.path} onClick={() => setUsbPath(m.path)}>
                    {m.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div>
            <button type="button" className="secondary" onClick={() => void findMedia()} data-testid="admin-refresh-media">
              {t('admin.refreshMedia')}
            </button>
          </div>
        </section>
        {message && (
          <p className="admin-message" role="status" data-testid="admin-message">
            {message}
          </p>
        )}
      </div>
    </div>
  );
}
