// Grouped bars in plain SVG: one group per period, one bar per series, a legend with each
// series' total. The staff statistics and the platform's fleet view draw with this one.
const COLORS = ['#1d4f91', '#6b8fc7', '#1e7b45', '#a35c00', '#b42318', '#7a4fa3', '#0e7490', '#6b7280', '#9d174d', '#4d7c0f'];

export interface ChartSeries {
  key: string;
  label: string;
  total: number;
}

export function GroupedBarChart({ caption, groups, series, value, className }: { caption: string; groups: readonly string[]; series: readonly ChartSeries[]; value: (group: string, series: string) => number; className: string }) {
  const max = Math.max(1, ...groups.flatMap((g) => series.map((s) => value(g, s.key))));
  const barW = 10;
  const groupW = series.length * barW + 16;
  const height = 200;
  const width = Math.max(320, groups.length * groupW + 40);
  return (
    <figure className={`${className}-chart`}>
      <figcaption>{caption}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 40}`} width="100%" role="img" aria-label={caption}>
        <line x1={30} y1={height} x2={width} y2={height} stroke="currentColor" strokeWidth={1} />
        <text x={26} y={12} textAnchor="end" fontSize={10}>
          {max}
        </text>
        {groups.map((g, gi) => (
          <g key={g} transform={`translate(${36 + gi * groupW},0)`}>
            {series.map((s, si) => {
              const v = value(g, s.key);
              const h = (v / max) * (height - 16);
              return (
                <rect key={s.key} x={si * barW} y={height - h} width={barW - 2} height={h} fill={COLORS[si % COLORS.length]}>
                  <title>{`${g} ${s.label}: ${v}`}</title>
                </rect>
              );
            })}
            <text x={(series.length * barW) / 2} y={height + 14} textAnchor="middle" fontSize={10}>
              {g}
            </text>
          </g>
        ))}
      </svg>
      <ul className={`${className}-legend`}>
        {series.map((s, i) => (
          <li key={s.key}>
            <span style={{ background: COLORS[i % COLORS.length] }} /> {s.label}: {s.total}
          </li>
        ))}
      </ul>
    </figure>
  );
}
