/** Parts of a whole as a donut, with a legend that names each part and its count. */
export interface Slice {
  key: string;
  label: string;
  value: number;
  colour: string;
}

const SIZE = 160;
const RADIUS = 62;
const WIDTH = 26;

export function Donut({ slices, centre }: { slices: Slice[]; centre: string }) {
  const total = slices.reduce((sum, slice) => sum + slice.value, 0);
  const circumference = 2 * Math.PI * RADIUS;
  let offset = 0;
  const legendTop = 14;
  return (
    <svg viewBox={`0 0 ${SIZE + 190} ${SIZE}`} className="donut" role="img" fontSize="12">
      <g transform={`translate(${SIZE / 2},${SIZE / 2}) rotate(-90)`}>
        <circle r={RADIUS} fill="none" stroke="#eee" strokeWidth={WIDTH} />
        {total > 0 &&
          slices.map((slice) => {
            const length = (slice.value / total) * circumference;
            // Each part is one stroked circle, its dash starting where the previous part ended.
            const arc = (
              <circle
                key={slice.key}
                r={RADIUS}
                fill="none"
                stroke={slice.colour}
                strokeWidth={WIDTH}
                strokeDasharray={`${length} ${circumference - length}`}
                strokeDashoffset={-offset}
              />
            );
            offset += length;
            return arc;
          })}
      </g>
      <text x={SIZE / 2} y={SIZE / 2 + 7} textAnchor="middle" fontSize="20" fontWeight="bold" fill="#222">
        {centre}
      </text>
      {slices.map((slice, i) => (
        <g
          key={slice.key}
          transform={`translate(${SIZE + 16},${legendTop + i * 26})`}
          data-slice={slice.key}
          data-value={slice.value}
        >
          <rect width="12" height="12" rx="2" fill={slice.colour} />
          <text x="18" y="11" fill="#222">
            {slice.label}
          </text>
          <text x="170" y="11" textAnchor="end" fontWeight="bold" fill="#222" className="slice-value">
            {slice.value}
          </text>
        </g>
      ))}
    </svg>
  );
}
