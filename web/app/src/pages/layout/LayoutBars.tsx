/**
 * Every town's village-level units in the two vintages as grouped horizontal bars: per town the
 * earlier and the later vintage, each 村 then 居委会 stacked, on one scale.
 */
import { useI18n } from "../../i18n";
import { VINTAGE_COLOURS, type Count, type LayoutComparison } from "./layout";

const ROW = 34;
const BAR = 12;
const NAME = 130;
const BARS = 660;
const COUNT = 110;
const LEGEND = 24;
/** Room for a legend entry ("2019年居委会"). */
const KEY = 130;

export function LayoutBars({ comparison }: { comparison: LayoutComparison }) {
  const { t, label } = useI18n();
  const { towns } = comparison;
  const max = Math.max(1, ...towns.flatMap((town) => [town.from?.total ?? 0, town.to?.total ?? 0]));
  const scale = (n: number) => (n / max) * BARS;
  const sides = [
    { side: "from", year: comparison.from.year },
    { side: "to", year: comparison.to.year },
  ] as const;
  const kinds = [
    { kind: "villages", what: label("level", "VILLAGE") },
    { kind: "residential", what: label("level", "RESIDENTIAL") },
  ] as const;
  const bar = (code: string, side: "from" | "to", year: number, count: Count | null, y: number) => (
    <g
      key={side}
      transform={`translate(${NAME},${y})`}
      data-layout-bar={`${code}:${year}`}
      data-villages={count?.villages}
      data-residential={count?.residential}
    >
      <title>
        {count
          ? `${year}: ${count.villages} ${label("level", "VILLAGE")} + ${count.residential} ${label("level", "RESIDENTIAL")}`
          : `${year}: ${t("layout.absent")}`}
      </title>
      {count && (
        <>
          <rect width={scale(count.villages)} height={BAR} fill={VINTAGE_COLOURS[side].villages} />
          <rect
            x={scale(count.villages)}
            width={scale(count.residential)}
            height={BAR}
            fill={VINTAGE_COLOURS[side].residential}
          />
        </>
      )}
      <text x={scale(count?.total ?? 0) + 4} y={BAR - 2} fill="#222">
        {count ? `${count.villages} + ${count.residential}` : "–"}
      </text>
    </g>
  );
  return (
    <svg
      viewBox={`0 0 ${NAME + BARS + COUNT} ${LEGEND + Math.max(1, towns.length) * ROW}`}
      className="ranked layout-bars"
      role="img"
      fontSize="12"
    >
      <g className="legend-row">
        {sides.flatMap(({ side, year }, i) =>
          kinds.map(({ kind, what }, j) => (
            <g key={`${side}.${kind}`} transform={`translate(${NAME + (i * 2 + j) * KEY},4)`}>
              <rect width="10" height="10" fill={VINTAGE_COLOURS[side][kind]} />
              <text x="14" y="9" fill="#222">
                {t("layout.year", { year, what })}
              </text>
            </g>
          )),
        )}
      </g>
      {towns.map((town, i) => (
        <g key={town.code} transform={`translate(0,${LEGEND + i * ROW})`}>
          <text x={NAME - 6} y={ROW / 2 + 2} textAnchor="end" fill="#222">
            {town.name.length > 9 ? `${town.name.slice(0, 8)}…` : town.name}
          </text>
          {bar(town.code, "from", comparison.from.year, town.from, 3)}
          {bar(town.code, "to", comparison.to.year, town.to, 3 + BAR + 2)}
        </g>
      ))}
    </svg>
  );
}
