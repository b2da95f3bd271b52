// The city-wide usage: a period, totals by function, day, kiosk or staff member, a chart of
// each day's use by function, the rows themselves, and the same as CSV or Excel.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GroupedBarChart } from '../src-renderer/components/GroupedBarChart';
import { USAGE_DIMENSIONS, usageTotals, type UsageDimension } from '../src-main/common/platform/fleetStatus';
import type { UsageRowView } from '../src-main/common/platform/fleetViews';
import { USAGE_FUNCTIONS } from '../src-main/common/platform/platformEvents';
import { formatDisplayTime } from '../src-main/common/time/displayTime';
import { fleetApi } from './fleetApi';

const MAX_ROWS_SHOWN = 500;

/** Days as the platform counts them (China time), so "today" is the platform's today. */
const today = (): string => formatDisplayTime(new Date()).slice(0, 10);
const daysBefore = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

export function UsagePanel({ onExpired }: { onExpired: () => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => daysBefore(today(), 6));
  const [to, setTo] = useState(today);
  /** The period asked for (the form's fields apply when submitted). */
  const [asked, setAsked] = useState({ from, to, round: 0 });
  const [shown, setShown] = useState<{ from: string; to: string; rows: UsageRowView[] } | null>(null);
  const [by, setBy] = useState<UsageDimension>('fn');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void fleetApi.usage(asked.from, asked.to).then((r) => {
      if (!live) return;
      if (r.ok) {
        setShown(r.value);
        setError(null);
      } else if (r.status === 401) onExpired();
      else setError(r.status === 400 ? t('usage.badRange') : t('error', { message: r.message }));
    });
    return () => {
      live = false;
    };
  }, [asked, onExpired, t]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setAsked((a) => ({ from, to, round: a.round + 1 }));
  };
  const rows = shown?.rows ?? [];
  const label = (dim: UsageDimension, key: string): string => (dim === 'fn' ? t(`usage.functions.${key}`, { defaultValue: key }) : dim === 'staffId' && key === '' ? t('usage.selfService') : key);
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const perDayFn = new Map<string, number>();
  for (const r of rows) perDayFn.set(`${r.day}|${r.fn}`, (perDayFn.get(`${r.day}|${r.fn}`) ?? 0) + r.count);
  const fnTotals = new Map(usageTotals(rows, 'fn').map((x) => [x.key, x.count]));
  const total = rows.reduce((n, r) => n + r.count, 0);

  return (
    <section className="fleet-section" aria-labelledby="usage-title">
      <div className="fleet-section-head">
        <h2 id="usage-title">{t('usage.title')}</h2>
      </div>
      <form className="fleet-range" onSubmit={submit}>
        <label>
          {t('usage.from')}
          <input type="date" name="from" required value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('usage.to')}
          <input type="date" name="to" required value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit">{t('usage.apply')}</button>
        {shown && (
          <>
            <a className="fleet-button-link" href={fleetApi.exportUrl('csv', shown.from, shown.to)} download>
              {t('usage.exportCsv')}
            </a>
            <a className="fleet-button-link" href={fleetApi.exportUrl('xlsx', shown.from, shown.to)} download>
              {t('usage.exportXlsx')}
            </a>
          </>
        )}
      </form>
      {error && (
        <p className="fleet-error" role="alert">
          {error}
        </p>
      )}
      {shown && rows.length === 0 && <p>{t('usage.empty')}</p>}
      {rows.length > 0 && (
        <>
          <p className="fleet-summary">{t('usage.total', { count: total })}</p>
          <GroupedBarChart
            className="fleet"
            caption={t('usage.chart')}
            groups={days}
            series={USAGE_FUNCTIONS.filter((f) => fnTotals.has(f)).map((f) => ({ key: f, label: t(`usage.functions.${f}`), total: fnTotals.get(f) ?? 0 }))}
            value={(day, fn) => perDayFn.get(`${day}|${fn}`) ?? 0}
          />
          <div className="fleet-totals">
            <label>
              {t('usage.groupBy')}
              <select value={by} onChange={(e) => setBy(e.target.value as UsageDimension)}>
                {USAGE_DIMENSIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`usage.by.${d}`)}
                  </option>
                ))}
              </select>
            </label>
            <table className="fleet-table" data-testid="usage-totals">
              <caption>{t('usage.totalsBy', { by: t(`usage.by.${by}`) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('usage.columns.key')}</th>
                  <th scope="col">{t('usage.columns.count')}</th>
                </tr>
              </thead>
              <tbody>
                {usageTotals(rows, by).map((x) => (
                  <tr key={x.key}>
                    <th scope="row">{label(by, x.key)}</th>
                    <td className="fleet-num">{x.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 id="usage-rows-title">{t('usage.rows')}</h3>
          {rows.length > MAX_ROWS_SHOWN && <p className="fleet-muted">{t('usage.rowsCapped', { shown: MAX_ROWS_SHOWN, total: rows.length })}</p>}
          <div className="fleet-table-wrap" role="region" aria-labelledby="usage-rows-title" tabIndex={0}>
            <table className="fleet-table" data-testid="usage-rows">
              <thead>
                <tr>
                  {(['day', 'kiosk', 'fn', 'staff', 'count'] as const).map((c) => (
                    <th key={c} scope="col">
                      {t(`usage.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, MAX_ROWS_SHOWN).map((r) => (
                  <tr key={`${r.day}|${r.kioskId}|${r.fn}|${r.staffId ?? ''}`}>
                    <td>{r.day}</td>
                    <td>{r.kioskId}</td>
                    <td>{label('fn', r.fn)}</td>
                    <td>{label('staffId', r.staffId ?? '')}</td>
                    <td className="fleet-num">{r.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
