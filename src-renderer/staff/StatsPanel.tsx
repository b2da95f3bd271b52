// 使用统计: counts per function over a period (own figures for staff, all for
// supervisors and admins), as a chart, a table and a CSV export.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { StatsView } from '../../src-main/common/contract/staffViews';
import type { Granularity } from '../../src-main/common/staff/statsPeriods';
import { errorText } from './errorText';
import { offerDownload } from './files';
import { StatsChart } from './StatsChart';

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export function StatsPanel({ api, token }: { api: KioskApi; token: string }) {
  const { t } = useTranslation();
  const [to, setTo] = useState(() => isoDay(new Date()));
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 29 * 86_400_000)));
  const [granularity, setGranularity] = useState<Granularity>('day');
  const [view, setView] = useState<StatsView | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.getStats({ token, from, to, granularity }).then((r) => {
      if (!live) return;
      if (r.ok) setView(r.value);
      else setMessage(errorText(t, r.error));
    });
    return () => {
      live = false;
    };
  }, [api, token, from, to, granularity, t]);

  const exportCsv = async (): Promise<void> => {
    const r = await api.exportStats({ token, from, to, granularity });
    if (r.ok) offerDownload(r.value);
    else setMessage(errorText(t, r.error));
  };

  return (
    <div className="staff-panel">
      <h2>{t('staff.stats.title')}</h2>
      <div className="staff-row">
        <label>
          {t('staff.stats.from')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('staff.stats.to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <select aria-label="granularity" value={granularity} onChange={(e) => setGranularity(e.target.value as Granularity)}>
          {(['day', 'week', 'month'] as const).map((g) => (
            <option key={g} value={g}>
              {t(`staff.stats.granularity.${g}`)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void exportCsv()}>
          {t('staff.stats.exportCsv')}
        </button>
      </div>
      {message && <p className="staff-message">{message}</p>}
      {view && (
        <>
          <StatsChart view={view} />
          <table className="staff-table">
            <thead>
              <tr>
                <th>{t('staff.stats.period')}</th>
                <th>{t('staff.stats.kiosk')}</th>
                <th>{t('staff.stats.staff')}</th>
                <th>{t('staff.stats.title')}</th>
                <th>{t('staff.stats.count')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={`${r.period}|${r.function}|${r.kioskId}|${r.staffNo}`}>
                  <td>{r.period}</td>
                  <td>{r.kioskId}</td>
                  <td>{r.staffNo || '—'}</td>
                  <td>{t(`staff.stats.functions.${r.function}`)}</td>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
