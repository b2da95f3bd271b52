// Grouped bars in plain SVG: one group per period, one bar per function.
import { useTranslation } from 'react-i18next';
import type { StatsView } from '../../src-main/common/contract/staffViews';
import { STAT_FUNCTIONS } from '../../src-main/common/staff/statsPeriods';

const COLORS = ['#1d4f91', '#6b8fc7', '#1e7b45', '#a35c00', '#b42318', '#7a4fa3'];

export function StatsChart({ view }: { view: StatsView }) {
  const { t } = useTranslation();
  const periods = [...new Set(view.rows.map((r) => r.period))];
  const sums = new Map<string, number>();
  for (const r of view.rows) sums.set(`${r.period}|${r.function}`, (sums.get(`${r.period}|${r.function}`) ?? 0) + r.count);
  const max = Math.max(1, ...sums.values());
  const barW = 10;
  const groupW = STAT_FUNCTIONS.length * barW + 16;
  const height = 200;
  const width = Math.max(320, periods.length * groupW + 40);
  return (
    <figure className="staff-chart">
      <figcaption>{t('staff.stats.chart')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 40}`} width="100%" role="img" aria-label={t('staff.stats.chart')}>
        <line x1={30} y1={height} x2={width} y2={height} stroke="currentColor" strokeWidth={1} />
        <text x={26} y={12} textAnchor="end" fontSize={10}>
          {max}
        </text>
        {periods.map((p, gi) => (
          <g key={p} transform={`translate(${36 + gi * groupW},0)`}>
            {STAT_FUNCTIONS.map((f, fi) => {
              const v = sums.get(`${p}|${f}`) ?? 0;
              const h = (v / max) * (height - 16);
              return (
                <rect key={f} x={fi * barW} y={height - h} width={barW - 2} height={h} fill={COLORS[fi]}>
                  <title>{`${p} ${t(`staff.stats.functions.${f}`)}: ${v}`}</title>
                </rect>
              );
            })}
            <text x={(STAT_FUNCTIONS.length * barW) / 2} y={height + 14} textAnchor="middle" fontSize={10}>
              {p}
            </text>
          </g>
        ))}
      </svg>
      <ul className="staff-legend">
        {STAT_FUNCTIONS.map((f, i) => (
          <li key={f}>
            <span style={{ background: COLORS[i] }} /> {t(`staff.stats.functions.${f}`)}: {view.totals[f]}
          </li>
        ))}
      </ul>
    </figure>
  );
}
