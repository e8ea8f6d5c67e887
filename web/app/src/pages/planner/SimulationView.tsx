/** A simulation (or suggestion): each proposed new village's figures and warnings, and the town before and after. */
import type { ReactNode } from "react";
import { useI18n, type Key } from "../../i18n";
import { groupColour, type GroupSimulation, type MergeSimulation } from "./planning";

type Row = [keyof GroupSimulation, (group: GroupSimulation) => ReactNode];

export function SimulationView({
  simulation,
  villageName,
}: {
  simulation: MergeSimulation;
  villageName: (code: string) => string;
}) {
  const { t, label, lang } = useI18n();
  const rows: Row[] = [
    ["code", (g) => g.code],
    ["villageCodes", (g) => g.villageCodes.map(villageName).join("、")],
    ["population", (g) => g.population],
    ["households", (g) => g.households],
    ["collectiveIncome", (g) => g.collectiveIncome.toFixed(1)],
    ["formalMembers", (g) => g.formalMembers],
    ["probationaryMembers", (g) => g.probationaryMembers],
    ["recommendedOrgKind", (g) => label("orgKind", g.recommendedOrgKind)],
    ["grids", (g) => g.grids],
    ["spreadKm", (g) => g.spreadKm.toFixed(2)],
    ["industries", (g) => g.industries.join("、")],
    ["sharedIndustryRatio", (g) => `${(g.sharedIndustryRatio * 100).toFixed(0)}%`],
    ["weakVillages", (g) => g.weakVillages],
    ["strongVillages", (g) => g.strongVillages],
    ["inheritedPairings", (g) => g.inheritedPairings],
    ["cooperatives", (g) => g.cooperatives],
    ["twoNewOrganizations", (g) => g.twoNewOrganizations],
    ["councils", (g) => g.councils],
    ["serviceCenters", (g) => g.serviceCenters],
    [
      "secretaryCandidates",
      // Each candidate explains its score on hover, in the page's language.
      (g) =>
        g.secretaryCandidates.slice(0, 3).map((c, index) => (
          <span key={c.personId} data-candidate={c.personId} title={c.reasonLabels.map((r) => r[lang]).join("\n")}>
            {index > 0 && "、"}
            {c.name} ({c.score})
          </span>
        )),
    ],
    [
      "warnings",
      (g) => (
        <ul className="warnings">
          {g.warnings.map((w) => (
            <li key={w.code} title={w.messageLabel[lang]} data-warning={w.code}>
              {label("warning", w.code)}
              {w.limit !== null && (
                <span className="limit">{t("sim.warningLimit", { value: w.value ?? "?", limit: w.limit })}</span>
              )}
            </li>
          ))}
        </ul>
      ),
    ],
  ];
  const { town } = simulation;
  const changed = town.gapsBefore.filter(
    ({ kind, count }) => count || town.gapsAfter.find((after) => after.kind === kind)?.count,
  );

  return (
    <section className="simulation" data-testid="simulation">
      <table className="grid">
        <thead>
          <tr>
            <th />
            {simulation.groups.map((group, index) => (
              <th key={group.code} style={{ borderTop: `4px solid ${groupColour(index)}` }}>
                {group.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, cell]) => (
            <tr key={key} data-sim={key}>
              <th>{t(`sim.${key}` as Key)}</th>
              {simulation.groups.map((group) => (
                <td key={group.code}>{cell(group)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {simulation.leftAloneVillages.length > 0 && (
        <>
          <h4>{t("plan.leftAlone")}</h4>
          <ul data-testid="left-alone">
            {simulation.leftAloneVillages.map(({ code, name, reasonLabel }) => (
              <li key={code} data-village={code}>
                {t("plan.leftAloneLine", { name: name ?? code, code, reason: reasonLabel[lang] })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t("plan.townImpact")}</h4>
      <table className="grid compact" data-testid="town-impact">
        <tbody>
          <tr data-town="villages">
            <th>
              {t("plan.villagesBefore")} → {t("plan.villagesAfter")}
            </th>
            <td>
              {town.villagesBefore} → {town.villagesAfter}
            </td>
          </tr>
          {simulation.target && (
            <tr
              data-town="target"
              data-target={simulation.target.targetVillages}
              data-reached={simulation.target.reached}
            >
              <th>
                {t("plan.target")} / {t("plan.reached")}
              </th>
              {/* Why it fell short on hover, in the page's language, beside the limits labelled alike. */}
              <td title={simulation.target.reasonLabel?.[lang]}>
                {simulation.target.targetVillages} / {simulation.target.reached}
                {simulation.target.limitedBy.length > 0 && (
                  <span className="limit" data-limited-by={simulation.target.limitedBy.join(",")}>
                    {t("plan.limitedBy", {
                      rules: simulation.target.limitedBy.map((code) => label("suggestionLimit", code)).join("、"),
                    })}
                  </span>
                )}
              </td>
            </tr>
          )}
          {changed.map(({ kind, count }) => (
            <tr key={kind}>
              <th>{label("gap", kind)}</th>
              <td>
                {count} → {town.gapsAfter.find((after) => after.kind === kind)?.count ?? 0}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
