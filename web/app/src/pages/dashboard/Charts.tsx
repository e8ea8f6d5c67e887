/**
 * The region's figures as charts: two-new organizations by coverage class (a donut), its child
 * regions ranked by their gap counts, and the child regions at their coordinates by a chosen
 * indicator. Each chart saves as a PNG.
 */
import { RATING_COLOURS } from "../../components/Bar";
import { ChartCard } from "../../components/charts/ChartCard";
import { Donut } from "../../components/charts/Donut";
import { RankedBars } from "../../components/charts/RankedBars";
import { useI18n } from "../../i18n";
import { RegionMap } from "./RegionMap";
import { totalGaps, type Report } from "./report";

/** Coverage classes coloured as the rate bars are: covered green, work only amber, none red. */
const CLASS_COLOURS = {
  organizational: RATING_COLOURS.green,
  workOnly: RATING_COLOURS.amber,
  none: RATING_COLOURS.red,
} as const;

export function Charts({
  report,
  onPick,
}: {
  report: Report & { children: Report[] };
  onPick: (region: string) => void;
}) {
  const { t } = useI18n();
  const classes = (["organizational", "workOnly", "none"] as const).map((key) => ({
    key,
    label: t(`fig.twoNew.${key}`),
    value: report.twoNew[key],
    colour: CLASS_COLOURS[key],
  }));
  const stem = `${report.region.code}-${report.asOf}`;
  return (
    <>
      <ChartCard id="coverage-classes" title={t("chart.classes")} filename={`coverage-classes-${stem}`}>
        <Donut slices={classes} centre={String(report.twoNew.total)} />
      </ChartCard>
      {report.children.length > 0 && (
        <ChartCard id="ranked-gaps" title={t("chart.ranked")} filename={`gaps-ranked-${stem}`}>
          <RankedBars
            items={report.children.map((child) => ({
              key: child.region.code,
              label: child.region.name,
              value: totalGaps(child.gapCounts),
            }))}
            colour="#c62828"
            onPick={onPick}
          />
        </ChartCard>
      )}
      {/* Grids have no coordinates of their own: a village's dashboard has no map. */}
      {report.children.some((child) => child.region.level !== "GRID") && (
        <ChartCard id="region-map" title={t("chart.map")} filename={`map-${stem}`}>
          <RegionMap regions={report.children} onPick={onPick} />
        </ChartCard>
      )}
    </>
  );
}
