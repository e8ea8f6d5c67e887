/** Items ranked by a count, largest first, as horizontal bars with their names and counts. */
export interface Ranked {
  key: string;
  label: string;
  value: number;
}

const ROW = 22;
const NAME = 120;
const BARS = 260;
const COUNT = 44;

export function RankedBars({
  items,
  colour,
  onPick,
}: {
  items: Ranked[];
  colour: string;
  onPick?: (key: string) => void;
}) {
  const ranked = [...items].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, "zh"));
  const max = Math.max(1, ...ranked.map((item) => item.value));
  return (
    <svg
      viewBox={`0 0 ${NAME + BARS + COUNT} ${Math.max(1, ranked.length) * ROW + 4}`}
      className="ranked"
      role="img"
      fontSize="12"
    >
      {ranked.map((item, i) => (
        <g
          key={item.key}
          transform={`translate(0,${i * ROW + 2})`}
          data-ranked={item.key}
          data-value={item.value}
          onClick={onPick && (() => onPick(item.key))}
          cursor={onPick ? "pointer" : undefined}
        >
          <title>{`${item.label}: ${item.value}`}</title>
          <text x={NAME - 6} y={ROW / 2 + 4} textAnchor="end" fill="#222">
            {item.label.length > 9 ? `${item.label.slice(0, 8)}…` : item.label}
          </text>
          <rect x={NAME} y={3} height={ROW - 6} width={(item.value / max) * BARS} rx="2" fill={colour} />
          <text x={NAME + (item.value / max) * BARS + 4} y={ROW / 2 + 4} fill="#222">
            {item.value}
          </text>
        </g>
      ))}
    </svg>
  );
}
