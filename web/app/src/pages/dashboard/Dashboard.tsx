/**
 * Coverage dashboard: a region's indicators (coverageReport), its child regions with coverage
 * bars, and (for roles that may read them) its gap list with filters, links and export.
 */
import { useState } from "react";
import { useQuery } from "../../api";
import { percent } from "../../components/Bar";
import { ErrorNote } from "../../components/ErrorNote";
import { ExportButtons } from "../../components/ExportButtons";
import { RegionTree } from "../../components/RegionTree";
import { useI18n, type Key } from "../../i18n";
import { navigate } from "../../route";
import { GAP_KINDS, type GapCount, type GapKind } from "../../types";
import { Charts } from "./Charts";
import { ChildrenTable } from "./ChildrenTable";
import { REPORT, type Report } from "./report";
import { GapList } from "./GapList";
import { VillageChain } from "./VillageChain";

const TWO_NEW_COUNTS = ["total", "organizational", "workOnly", "none"] as const;
const TWO_NEW_RATES = ["orgCoverageRate", "workCoverageRate"] as const;
const VILLAGE_COUNTS = [
  "total",
  "withPartyOrg",
  "chainComplete",
  "secretaryIsDirector",
  "secretaryIsCollectiveHead",
  "weak",
  "withPartyLedCooperative",
] as const;
const VILLAGE_RATES = ["centralHouseholdReach"] as const;

interface Props {
  roots: string[];
  /** Whether the token may read gap lists (every role but VIEWER). */
  details: boolean;
  params: URLSearchParams;
}

export function Dashboard({ roots, details, params }: Props) {
  const { t, label } = useI18n();
  const code = params.get("region") ?? roots[0]!;
  const asOf = params.get("asOf") ?? undefined;
  const kinds = (params.get("kinds")?.split(",") ?? []).filter((kind): kind is GapKind =>
    (GAP_KINDS as readonly string[]).includes(kind),
  );
  const go = (changes: { region?: string; asOf?: string; kinds?: GapKind[] }) =>
    navigate("dashboard", {
      region: changes.region ?? code,
      asOf: "asOf" in changes ? changes.asOf : asOf,
      kinds: (changes.kinds ?? kinds).join(","),
    });
  const toggleKind = (kind: GapKind) =>
    go({ kinds: kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind] });

  const [chipOrder, setChipOrder] = useState<"count" | "name">("count");
  const sortChips = (counts: GapCount[]) =>
    [...counts].sort(
      (a, b) =>
        (chipOrder === "count" ? b.count - a.count : 0) ||
        label("gap", a.kind).localeCompare(label("gap", b.kind), "zh"),
    );

  const { data, error, loading } = useQuery<{ coverageReport: Report & { children: Report[] } }>(REPORT, {
    code,
    asOf,
  });
  const report = data?.coverageReport;

  return (
    <div className="with-sidebar">
      <RegionTree roots={roots} selected={code} onSelect={(region) => go({ region, kinds: [] })} />
      <section className="content">
        <div className="toolbar">
          <h2 data-testid="region-name">
            {report ? `${report.region.name} · ${label("level", report.region.level)}` : code}
          </h2>
          <label>
            {t("asOf")}
            <input type="date" value={asOf ?? ""} onChange={(event) => go({ asOf: event.target.value || undefined })} />
            <small>{t("asOf.today")}</small>
          </label>
          <ExportButtons
            tables={[
              { name: "coverage", caption: t("export.report"), params: { regionCode: code, asOf } },
              // Gap lists are for the roles that read details.
              ...(details
                ? [
                    {
                      name: "gaps",
                      caption: t("export.gaps"),
                      params: { regionCode: code, asOf, kinds: kinds.join(",") },
                    },
                  ]
                : []),
            ]}
          />
        </div>
        <ErrorNote error={error} />
        {loading && !report && <p>{t("loading")}</p>}
        {report && (
          <div
            className={loading ? "stale" : undefined}
            data-testid="report"
            data-region={report.region.code}
            data-as-of={report.asOf}
          >
            <div className="cards">
              <div className="card">
                <h3>{t("dash.twoNew")}</h3>
                {TWO_NEW_COUNTS.map((key) => (
                  <Figure key={key} name={`twoNew.${key}`} text={String(report.twoNew[key])} />
                ))}
                {TWO_NEW_RATES.map((key) => (
                  <Figure key={key} name={`twoNew.${key}`} text={percent(report.twoNew[key])} />
                ))}
              </div>
              <div className="card">
                <h3>{t("dash.villages")}</h3>
                {VILLAGE_COUNTS.map((key) => (
                  <Figure key={key} name={`villages.${key}`} text={String(report.villages[key])} />
                ))}
                {VILLAGE_RATES.map((key) => (
                  <Figure key={key} name={`villages.${key}`} text={percent(report.villages[key])} />
                ))}
              </div>
              <Charts report={report} onPick={(region) => go({ region, kinds: [] })} />
              <div className="card wide">
                <h3>
                  {t("dash.gapCounts")}
                  <span className="chip-order">
                    {(["count", "name"] as const).map((order) => (
                      <button
                        type="button"
                        key={order}
                        className={chipOrder === order ? "on" : undefined}
                        onClick={() => setChipOrder(order)}
                        data-chip-order={order}
                      >
                        {t(`dash.chipOrder.${order}`)}
                      </button>
                    ))}
                  </span>
                </h3>
                <div className="chips">
                  {sortChips(report.gapCounts).map(({ kind, count }) => (
                    <button
                      type="button"
                      key={kind}
                      className={`chip${count ? " nonzero" : ""}${kinds.includes(kind) ? " on" : ""}`}
                      data-gap-count={kind}
                      disabled={!details}
                      onClick={() => toggleKind(kind)}
                    >
                      {label("gap", kind)} <b>{count}</b>
                    </button>
                  ))}
                </div>
              </div>
            </div>

            {details && report.region.level === "VILLAGE" && <VillageChain villageCode={report.region.code} />}
            <ChildrenTable children={report.children} asOf={asOf} />
          </div>
        )}
        {details && (
          <GapList
            regionCode={code}
            asOf={asOf}
            kinds={kinds}
            onToggleKind={toggleKind}
            onClearKinds={() => go({ kinds: [] })}
          />
        )}
      </section>
    </div>
  );
}

function Figure({ name, text }: { name: string; text: string }) {
  const { t } = useI18n();
  return (
    <div className="figure">
      <span className="value" data-figure={name}>
        {text}
      </span>
      <span className="caption">{t(`fig.${name}` as Key)}</span>
    </div>
  );
}
