/**
 * The region's figures as charts: two-new organizations by coverage class (a donut), and its
 * child regions ranked by their gap counts. Each chart saves as a PNG.
 */
import { ChartCard } from "../../components/charts/ChartCard";
import { Donut } from "../../components/charts/Donut";
import { RankedBars } from "../../components/charts/RankedBars";
import { useI18n } from "../../i18n";
import { totalGaps, type Report } from "./report";

/** Coverage classes coloured as the rate bars are: covered green, work only amber, none red. */
const CLASS_COLOURS = { organizational: "#2e7d32", workOnly: "#f9a825", none: "#c62828" } as const;

export function Charts({ report, onPick }: { report: Report & { children: Report[] }; onPick: (region: string) => void }) {
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
            items={report.children.map((child) => ({ key: child.region.code, label: child.region.name, value: totalGaps(child.gapCounts) }))}
            colour="#c62828"
            onPick={onPick}
          />
        </ChartCard>
      )}
    </>
  );
}
