/**
 * The child regions (a district's towns) at their coordinates (Region.location), offline: no
 * tiles or boundaries, a scatter by longitude and latitude with a scale bar. The chosen indicator
 * sizes the circles (a count) or colours them by RATE_THRESHOLDS (a share); click one to open it.
 */
import { useState } from "react";
import { useQuery } from "../../api";
import { RATING_COLOURS, percent, rating, RATE_THRESHOLDS } from "../../components/Bar";
import { fitProjection, type LatLon } from "../../components/charts/projection";
import { ScaleBar } from "../../components/charts/ScaleBar";
import { useI18n, type Key } from "../../i18n";
import { placeLabels } from "../planner/label-placement";
import { totalGaps, type Report } from "./report";

const LOCATIONS = `query ($codes: [String!]!) { regions(where: { code: { in: $codes } }, limit: 1000) { code location { latitude longitude } } }`;

const WIDTH = 560;
const HEIGHT = 380;
const PAD = 40;
const COUNT_COLOUR = "#c62828";

type Indicator = "gaps" | "weak" | "orgCoverageRate" | "chainComplete" | "centralHouseholdReach";
const INDICATORS: Record<Indicator, { rate: boolean; name: Key; value: (report: Report) => number | null }> = {
  gaps: { rate: false, name: "map.gaps", value: (report) => totalGaps(report.gapCounts) },
  weak: { rate: false, name: "fig.villages.weak", value: (report) => report.villages.weak },
  orgCoverageRate: { rate: true, name: "fig.twoNew.orgCoverageRate", value: (report) => report.twoNew.orgCoverageRate },
  chainComplete: {
    rate: true,
    name: "fig.villages.chainComplete",
    value: (report) => (report.villages.total ? report.villages.chainComplete / report.villages.total : null),
  },
  centralHouseholdReach: {
    rate: true,
    name: "fig.villages.centralHouseholdReach",
    value: (report) => report.villages.centralHouseholdReach,
  },
};

export function RegionMap({ regions, onPick }: { regions: Report[]; onPick: (region: string) => void }) {
  const { t } = useI18n();
  const [indicator, setIndicator] = useState<Indicator>("gaps");
  const { data } = useQuery<{ regions: Array<{ code: string; location: LatLon | null }> }>(LOCATIONS, {
    codes: regions.map((report) => report.region.code),
  });
  const where = new Map(
    (data?.regions ?? []).filter((region) => region.location).map((region) => [region.code, region.location!]),
  );
  const placed = regions.filter((report) => where.has(report.region.code));
  const unplaced = regions.filter((report) => !where.has(report.region.code));
  const { rate, name, value } = INDICATORS[indicator];

  return (
    <>
      <label className="map-indicator">
        {t("map.indicator")}
        <select
          name="map-indicator"
          value={indicator}
          onChange={(event) => setIndicator(event.target.value as Indicator)}
        >
          {(Object.keys(INDICATORS) as Indicator[]).map((key) => (
            <option key={key} value={key}>
              {t(INDICATORS[key].name)}
            </option>
          ))}
        </select>
      </label>
      {placed.length > 0 && (
        <Scatter
          placed={placed}
          where={where}
          rate={rate}
          caption={`${t(name)}（${rate ? t("dash.thresholds", { green: RATE_THRESHOLDS.green * 100, amber: RATE_THRESHOLDS.amber * 100 }) : t("map.size")}）`}
          value={value}
          onPick={onPick}
        />
      )}
      {unplaced.length > 0 && (
        <small className="unplaced">
          {t("map.unplaced", { names: unplaced.map((report) => report.region.name).join("、") })}
        </small>
      )}
    </>
  );
}

interface ScatterProps {
  placed: Report[];
  where: Map<string, LatLon>;
  rate: boolean;
  caption: string;
  value: (report: Report) => number | null;
  onPick: (region: string) => void;
}

function Scatter({ placed, where, rate, caption, value, onPick }: ScatterProps) {
  const { project, pixelsPerKm } = fitProjection([...where.values()], WIDTH, HEIGHT, PAD);
  const values = placed.map(value);
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  // A count by the circle's area; a share by its colour at one size.
  const radius = (v: number | null) => (rate ? 11 : 4 + 20 * Math.sqrt((v ?? 0) / max));
  const marks = placed.map((report, i) => ({
    ...project(where.get(report.region.code)!),
    r: radius(values[i]!),
    text: report.region.name,
  }));
  const labels = placeLabels(marks);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="region-map" role="img" fontSize="11">
      <rect width={WIDTH} height={HEIGHT} fill="#fafaf7" />
      <text x={8} y={16} fill="#444" className="map-caption">
        {caption}
      </text>
      <ScaleBar pixelsPerKm={pixelsPerKm} width={WIDTH} height={HEIGHT} />
      {placed.map((report, i) => {
        const v = values[i]!;
        const level = rate && v !== null ? rating(v) : undefined;
        const { x, y, r } = marks[i]!;
        const shown = rate ? percent(v) : String(v ?? "–");
        return (
          <g
            key={report.region.code}
            data-located={report.region.code}
            data-value={v ?? ""}
            data-rating={level}
            data-x={x.toFixed(1)}
            data-y={y.toFixed(1)}
            transform={`translate(${x},${y})`}
            cursor="pointer"
            onClick={() => onPick(report.region.code)}
          >
            <title>{`${report.region.name}: ${shown}`}</title>
            <circle
              r={r}
              fill={rate ? (level ? RATING_COLOURS[level] : "#bbb") : COUNT_COLOUR}
              fillOpacity={0.75}
              stroke="#fff"
            />
            <text x={labels[i]!.x} y={labels[i]!.y} textAnchor={labels[i]!.anchor} fill="#222">
              {`${report.region.name} ${shown}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
