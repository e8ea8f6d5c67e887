/**
 * The region's child regions with their coverage as bars coloured by RATE_THRESHOLDS, sortable
 * by any column. Village columns are left out where no child has villages (a village's grids).
 */
import { Bar, RATE_THRESHOLDS } from "../../components/Bar";
import { SortableTable } from "../../components/SortableTable";
import { useI18n } from "../../i18n";
import { href } from "../../route";
import { totalGaps, type Report } from "./report";

const COLUMNS = [
  "region",
  "villages",
  "withPartyOrg",
  "chainComplete",
  "orgCoverageRate",
  "workCoverageRate",
  "gaps",
] as const;
type Column = (typeof COLUMNS)[number];
const VILLAGE_COLUMNS: Column[] = ["villages", "withPartyOrg", "chainComplete"];

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function value(child: Report, column: Column): string | number | null {
  switch (column) {
    case "region":
      return child.region.name;
    case "villages":
      return child.villages.total;
    case "withPartyOrg":
    case "chainComplete":
      return share(child.villages[column], child.villages.total);
    case "orgCoverageRate":
    case "workCoverageRate":
      return child.twoNew[column];
    case "gaps":
      return totalGaps(child.gapCounts);
  }
}

export function ChildrenTable({ children, asOf }: { children: Report[]; asOf: string | undefined }) {
  const { t } = useI18n();
  if (children.length === 0) {
    return (
      <>
        <h3>{t("dash.children")}</h3>
        <p>{t("dash.noChildren")}</p>
      </>
    );
  }
  const hasVillages = children.some((child) => child.villages.total > 0);
  const columns = COLUMNS.filter((column) => hasVillages || !VILLAGE_COLUMNS.includes(column));
  const cell = (child: Report, column: Column) => {
    switch (column) {
      case "region":
        return (
          <td className="name">
            <a href={href("dashboard", { region: child.region.code, asOf })}>{child.region.name}</a>
          </td>
        );
      case "villages":
        return <td className="number">{child.villages.total}</td>;
      case "withPartyOrg":
      case "chainComplete":
        return (
          <td>
            <Bar part={child.villages[column]} whole={child.villages.total} />
          </td>
        );
      case "orgCoverageRate":
      case "workCoverageRate":
        return (
          <td>
            <Bar part={child.twoNew[column]} />
          </td>
        );
      case "gaps":
        return <td className="number">{totalGaps(child.gapCounts)}</td>;
    }
  };
  return (
    <>
      <h3>
        {t("dash.children")}{" "}
        <small className="thresholds" data-testid="thresholds">
          {t("dash.thresholds", { green: RATE_THRESHOLDS.green * 100, amber: RATE_THRESHOLDS.amber * 100 })}
        </small>
      </h3>
      <SortableTable
        testId="children"
        rows={children}
        columns={columns}
        value={value}
        header={(column) => t(`col.child.${column}`)}
        cell={cell}
        rowKey={(child) => child.region.code}
        rowData="child"
      />
    </>
  );
}
