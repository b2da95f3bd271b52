// Each kiosk's state at a glance: heartbeat age (silent ones marked), versions, devices,
// outbox backlog, today's use and whether it runs the newest fleet configuration.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isSilent } from '../src-main/common/platform/fleetStatus';
import type { KioskStatusView } from '../src-main/common/platform/fleetViews';
import { formatDisplayTime } from '../src-main/common/time/displayTime';
import { fleetApi, type KiosksAnswer } from './fleetApi';

const REFRESH_MS = 30_000;

export function ageText(t: TFunction, at: string | null, now: Date): string {
  if (at === null) return t('kiosks.never');
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(at)) / 60_000));
  if (minutes < 120) return t('kiosks.ageMinutes', { count: minutes });
  if (minutes < 48 * 60) return t('kiosks.ageHours', { count: Math.floor(minutes / 60) });
  return t('kiosks.ageDays', { count: Math.floor(minutes / 1440) });
}

/** Runs the newest published configuration (or none is published). */
export function onNewestConfig(k: KioskStatusView): boolean {
  return k.configVersion === null || (k.configAck?.result === 'applied' && k.configAck.version >= k.configVersion);
}

function configText(t: TFunction, k: KioskStatusView): string {
  const published = k.configVersion;
  const ack = k.configAck;
  if (!ack) return published === null ? t('kiosks.config.none') : t('kiosks.config.pending', { published });
  if (ack.result === 'refused') return t('kiosks.config.refused', { version: ack.version });
  if (published !== null && ack.version < published) return t('kiosks.config.behind', { version: ack.version, published });
  return t('kiosks.config.applied', { version: ack.version });
}

export function KioskTable({ onExpired }: { onExpired: () => void }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState<KiosksAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Bumped to ask again: by the timer and the refresh button. */
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    void fleetApi.kiosks().then((r) => {
      if (!live) return;
      if (r.ok) {
        setAnswer(r.value);
        setError(null);
      } else if (r.status === 401) onExpired();
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [round, onExpired]);
  useEffect(() => {
    const timer = window.setInterval(() => setRound((n) => n + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  const now = answer ? new Date(answer.asOf) : new Date();
  const kiosks = answer?.kiosks ?? [];
  const unknown = t('kiosks.unknown');
  return (
    <section className="fleet-section">
      <div className="fleet-section-head">
        <h2 id="kiosks-title">{t('kiosks.title')}</h2>
        {answer && <span className="fleet-muted">{t('kiosks.asOf', { time: formatDisplayTime(answer.asOf) })}</span>}
        <button type="button" onClick={() => setRound((n) => n + 1)}>
          {t('kiosks.refresh')}
        </button>
      </div>
      {error && (
        <p className="fleet-error" role="alert">
          {t('error', { message: error })}
        </p>
      )}
      {answer && (
        <p className="fleet-summary" role="status">
          {t('kiosks.summary', {
            total: kiosks.length,
            silent: kiosks.filter((k) => isSilent(k, now)).length,
            pendingConfig: kiosks.filter((k) => !onNewestConfig(k)).length,
            used: kiosks.reduce((n, k) => n + k.usedToday, 0),
          })}
        </p>
      )}
      {answer && kiosks.length === 0 && <p>{t('kiosks.empty')}</p>}
      {kiosks.length > 0 && (
        <div className="fleet-table-wrap" role="region" aria-labelledby="kiosks-title" tabIndex={0}>
          <table className="fleet-table" data-testid="kiosk-table">
            <thead>
              <tr>
                {(['kiosk', 'heartbeat', 'app', 'data', 'dataAge', 'reader', 'printer', 'backlog', 'today', 'config'] as const).map((c) => (
                  <th key={c} scope="col">
                    {t(`kiosks.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {kiosks.map((k) => {
                const silent = isSilent(k, now);
                return (
                  <tr key={k.kioskId} className={silent ? 'fleet-row-alert' : undefined}>
                    <th scope="row">{k.kioskId}</th>
                    <td>
                      {ageText(t, k.lastHeartbeatAt, now)}
                      {silent && <span className="fleet-badge fleet-badge-alert">{t('kiosks.silent')}</span>}
                    </td>
                    <td>{k.appVersion ?? unknown}</td>
                    <td>{k.dataVersion ?? unknown}</td>
                    <td>{k.dataAsOf ? t('kiosks.dataAsOf', { time: formatDisplayTime(k.dataAsOf), age: ageText(t, k.dataAsOf, now) }) : unknown}</td>
                    <td className={k.reader && k.reader !== 'ok' ? 'fleet-cell-alert' : undefined}>{k.reader ? t(`kiosks.reader.${k.reader}`) : unknown}</td>
                    <td className={k.printer && k.printer !== 'ok' ? 'fleet-cell-alert' : undefined}>{k.printer ? t(`kiosks.printer.${k.printer}`) : unknown}</td>
                    <td className="fleet-num">{k.outboxBacklog ?? unknown}</td>
                    <td className="fleet-num">{k.usedToday}</td>
                    <td className={onNewestConfig(k) ? undefined : 'fleet-cell-alert'}>{configText(t, k)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
