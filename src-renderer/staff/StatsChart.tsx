// The staff statistics as grouped bars: one group per period, one bar per function.
import { useTranslation } from 'react-i18next';
import type { StatsView } from '../../src-main/common/contract/staffViews';
import { STAT_FUNCTIONS } from '../../src-main/common/staff/statsPeriods';
import { GroupedBarChart } from '../components/GroupedBarChart';

export function StatsChart({ view }: { view: StatsView }) {
  const { t } = useTranslation();
  const periods = [...new Set(view.rows.map((r) => r.period))];
  const sums = new Map<string, number>();
  for (const r of view.rows) sums.set(`${r.period}|${r.function}`, (sums.get(`${r.period}|${r.function}`) ?? 0) + r.count);
  return (
    <GroupedBarChart
      className="staff"
      caption={t('staff.stats.chart')}
      groups={periods}
      series={STAT_FUNCTIONS.map((f) => ({ key: f, label: t(`staff.stats.functions.${f}`), total: view.totals[f] }))}
      value={(p, f) => sums.get(`${p}|${f}`) ?? 0}
    />
  );
}
