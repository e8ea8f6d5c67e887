/**
 * 布局调整对比: the real village layout adjustment of a region (layoutComparison), every town's
 * 村 and 居委会 in the two vintages of the official division codes side by side, as grouped bars
 * and a sortable table, with the export. When a vintage is not recorded it says which command
 * records it.
 */
import { Fragment } from "react";
import { useQuery } from "../../api";
import { ChartCard } from "../../components/charts/ChartCard";
import { ErrorNote } from "../../components/ErrorNote";
import { ExportButtons } from "../../components/ExportButtons";
import { RegionTree } from "../../components/RegionTree";
import { SortableTable } from "../../components/SortableTable";
import { useI18n } from "../../i18n";
import { navigate } from "../../route";
import { recordVintageCommand } from "../../../../../src/divisions/vintages";
import { LAYOUT, type LayoutComparison, type TownLayout } from "./layout";
import { LayoutBars } from "./LayoutBars";

const COLUMNS = [
  "name",
  "fromVillages",
  "fromResidential",
  "fromTotal",
  "toVillages",
  "toResidential",
  "toTotal",
  "villageChange",
  "totalChange",
] as const;
type Column = (typeof COLUMNS)[number];

function value(town: TownLayout, column: Column): string | number | null {
  switch (column) {
    case "name":
      return town.name;
    case "fromVillages":
      return town.from?.villages ?? null;
    case "fromResidential":
      return town.from?.residential ?? null;
    case "fromTotal":
      return town.from?.total ?? null;
    case "toVillages":
      return town.to?.villages ?? null;
    case "toResidential":
      return town.to?.residential ?? null;
    case "toTotal":
      return town.to?.total ?? null;
    case "villageChange":
    case "totalChange":
      return town[column];
  }
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function LayoutPage({ roots, params }: { roots: string[]; params: URLSearchParams }) {
  const { t } = useI18n();
  const code = params.get("region") ?? roots[0]!;
  const { data, error, loading } = useQuery<{ layoutComparison: LayoutComparison }>(LAYOUT, { code });
  const comparison = data?.layoutComparison;
  return (
    <div className="with-sidebar">
      <RegionTree roots={roots} selected={code} onSelect={(region) => navigate("layout", { region })} />
      <section className="content layout">
        <ErrorNote error={error} />
        {loading && !comparison && <p>{t("loading")}</p>}
        {comparison && <Comparison comparison={comparison} stale={loading} />}
      </section>
    </div>
  );
}

function Comparison({ comparison, stale }: { comparison: LayoutComparison; stale: boolean }) {
  const { t, label } = useI18n();
  const { region, from, to, total } = comparison;
  const missing = [from, to].filter((vintage) => !vintage.complete);
  const header = (column: Column) => {
    const what = column.endsWith("Villages")
      ? label("level", "VILLAGE")
      : column.endsWith("Residential")
        ? label("level", "RESIDENTIAL")
        : t("layout.total");
    switch (column) {
      case "name":
        return t("layout.town");
      case "villageChange":
        return t("layout.change", { what: label("level", "VILLAGE") });
      case "totalChange":
        return t("layout.change", { what: t("layout.total") });
      default:
        return t("layout.year", { year: column.startsWith("from") ? from.year : to.year, what });
    }
  };
  const cell = (town: TownLayout, column: Column) => {
    const shown = value(town, column);
    if (column === "name") return <td className="name">{town.name}</td>;
    const text = shown === null ? "–" : column.endsWith("Change") ? signed(shown as number) : String(shown);
    return (
      <td className="number" data-col={column} title={shown === null ? t("layout.absent") : undefined}>
        {text}
      </td>
    );
  };
  return (
    <div className={stale ? "stale" : undefined} data-testid="layout">
      <div className="toolbar">
        <h2 data-testid="region-name">{t("layout.title", { region: region.name, from: from.year, to: to.year })}</h2>
        <ExportButtons
          tables={[
            {
              name: "layout",
              caption: t("export.layout"),
              params: { regionCode: region.code, fromVintage: String(from.year), toVintage: String(to.year) },
            },
          ]}
        />
      </div>
      {missing.length > 0 && (
        <section className="notice" role="status" data-testid="layout-missing">
          <h3>{t("layout.missing.title")}</h3>
          <p>{t("layout.missing.what", { region: region.name, years: missing.map((v) => v.year).join("、") })}</p>
          <p>{t("layout.missing.do")}</p>
          <pre>{missing.map((vintage) => recordVintageCommand(region.code, vintage.year)).join("\n")}</pre>
        </section>
      )}
      {missing.length === 0 && comparison.towns.length === 0 && <p>{t("layout.noTowns")}</p>}
      {missing.length === 0 && comparison.towns.length > 0 && (
        <>
          <p data-testid="layout-summary">
            {t("layout.summary", {
              region: region.name,
              from: from.year,
              to: to.year,
              fromVillages: total.from?.villages ?? 0,
              fromTotal: total.from?.total ?? 0,
              toVillages: total.to?.villages ?? 0,
              toTotal: total.to?.total ?? 0,
            })}
          </p>
          <div className="cards">
            <ChartCard
              id="layout-bars"
              title={t("layout.chart")}
              filename={`layout-${region.code}-${from.year}-${to.year}`}
            >
              <LayoutBars comparison={comparison} />
            </ChartCard>
          </div>
          <SortableTable
            testId="layout-table"
            rows={comparison.towns}
            columns={COLUMNS}
            value={value}
            header={header}
            cell={cell}
            rowKey={(town) => town.code}
            rowData="town"
            footer={
              <tr data-town="total">
                {COLUMNS.map((column) => (
                  <Fragment key={column}>
                    {column === "name" ? <th>{t("layout.total")}</th> : cell(total, column)}
                  </Fragment>
                ))}
              </tr>
            }
          />
        </>
      )}
    </div>
  );
}
