/**
 * A town's saved scenarios: load one into the editor, compare drafts side by side, and apply,
 * revert or discard one after a confirmation that names its villages.
 */
import { useState } from "react";
import { gql, useQuery } from "../../api";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNote } from "../../components/ErrorNote";
import { useI18n } from "../../i18n";
import { GroupVillages } from "./GroupVillages";
import { SCENARIO_FIELDS, SIMULATION_FIELDS, type MergeGroup, type MergeSimulation, type Scenario } from "./planning";

const COMPARE = `query ($ids: [ID!]!) { compareMergeScenarios(ids: $ids) { scenario { id name } simulation { ${SIMULATION_FIELDS} } } }`;
const ACTIONS = {
  apply: `mutation ($id: ID!) { applyMergeScenario(id: $id) { ${SCENARIO_FIELDS} } }`,
  revert: `mutation ($id: ID!) { revertMergeScenario(id: $id) { ${SCENARIO_FIELDS} } }`,
  discard: `mutation ($id: ID!) { discardMergeScenario(id: $id) { ${SCENARIO_FIELDS} } }`,
};
// By code, whatever their level: an applied scenario's villages are grids of its new villages now.
const NAMES = `query ($codes: [String!]!, $limit: Int!) { regions(where: { code: { in: $codes } }, limit: $limit) { code name } }`;
type Action = keyof typeof ACTIONS;
/** Which actions a scenario in each status offers. */
const OFFERED: Record<Scenario["status"], Action[]> = {
  DRAFT: ["apply", "discard"],
  APPLIED: ["revert"],
  REVERTED: [],
  DISCARDED: [],
};

interface Comparison {
  scenario: { id: string; name: string };
  simulation: MergeSimulation;
}

interface Props {
  scenarios: Scenario[];
  onLoad: (groups: MergeGroup[]) => void;
  /** After an apply, revert or discard: the town's villages and scenarios changed. */
  onChanged: () => void;
}

export function Scenarios({ scenarios, onLoad, onChanged }: Props) {
  const { t, label } = useI18n();
  const [chosen, setChosen] = useState<string[]>([]);
  const [comparison, setComparison] = useState<Comparison[]>();
  const [pending, setPending] = useState<{ action: Action; scenario: Scenario }>();
  const [error, setError] = useState<Error>();
  const codes = [
    ...new Set(scenarios.flatMap((scenario) => scenario.groups.flatMap((group) => group.villageCodes))),
  ].sort();
  const names = useQuery<{ regions: Array<{ code: string; name: string }> }>(
    NAMES,
    { codes, limit: Math.max(1, Math.min(codes.length, 1000)) },
    codes.length === 0,
  );
  const nameOf = new Map(names.data?.regions.map((region) => [region.code, region.name]));
  const villageName = (code: string) => nameOf.get(code) ?? code;

  const run = ({ action, scenario }: { action: Action; scenario: Scenario }) => {
    setPending(undefined);
    gql(ACTIONS[action], { id: scenario.id }).then(() => {
      setError(undefined);
      setComparison(undefined);
      setChosen([]);
      onChanged();
    }, setError);
  };
  const compare = () =>
    gql<{ compareMergeScenarios: Comparison[] }>(COMPARE, { ids: chosen }).then(
      ({ compareMergeScenarios }) => setComparison(compareMergeScenarios),
      setError,
    );

  if (scenarios.length === 0) return <p className="hint">{t("plan.noScenarios")}</p>;
  return (
    <section className="scenarios">
      <table className="grid" data-testid="scenarios">
        <tbody>
          {scenarios.map((scenario) => (
            <tr key={scenario.id} data-scenario={scenario.id}>
              <td>
                <input
                  type="checkbox"
                  disabled={scenario.status !== "DRAFT"}
                  checked={chosen.includes(scenario.id)}
                  onChange={() =>
                    setChosen(
                      chosen.includes(scenario.id)
                        ? chosen.filter((id) => id !== scenario.id)
                        : [...chosen, scenario.id],
                    )
                  }
                />
              </td>
              <td>
                {scenario.name}
                {scenario.targetVillages !== null && (
                  <small data-scenario-target={scenario.targetVillages}>
                    {" "}
                    {t("plan.targetOf", { n: scenario.targetVillages })}
                  </small>
                )}
              </td>
              <td>{label("status", scenario.status)}</td>
              <td>{new Date(scenario.appliedAt ?? scenario.createdAt).toLocaleString()}</td>
              <td>
                <div className="row">
                  <button type="button" onClick={() => onLoad(scenario.groups)}>
                    {t("plan.load")}
                  </button>
                  {OFFERED[scenario.status].map((action) => (
                    <button
                      type="button"
                      key={action}
                      data-action={action}
                      onClick={() => setPending({ action, scenario })}
                    >
                      {t(`plan.${action}`)}
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" disabled={chosen.length < 2} onClick={compare}>
        {t("plan.compare")}
      </button>
      <ErrorNote error={error} />
      {comparison && <ComparisonTable comparison={comparison} />}
      {pending && (
        <ConfirmDialog
          message={t(`plan.confirm.${pending.action}`, { name: pending.scenario.name })}
          onConfirm={() => run(pending)}
          onCancel={() => setPending(undefined)}
        >
          <p>{t(`plan.confirm.villages.${pending.action}`)}</p>
          <GroupVillages groups={pending.scenario.groups} villageName={villageName} />
        </ConfirmDialog>
      )}
    </section>
  );
}

function ComparisonTable({ comparison }: { comparison: Comparison[] }) {
  const { t, label } = useI18n();
  const rows: Array<[string, (simulation: MergeSimulation) => string | number]> = [
    [t("plan.groups"), (s) => s.groups.map((g) => g.name).join("、")],
    [t("plan.villagesAfter"), (s) => s.town.villagesAfter],
    [t("sim.households"), (s) => s.groups.map((g) => g.households).join(" / ")],
    [t("sim.warningCount"), (s) => s.groups.reduce((sum, g) => sum + g.warnings.length, 0)],
    [t("sim.gapsTotal"), (s) => s.town.gapsAfter.reduce((sum, { count }) => sum + count, 0)],
    ...comparison[0]!.simulation.town.gapsAfter
      .filter(({ kind }) =>
        comparison.some(({ simulation }) => simulation.town.gapsAfter.find((g) => g.kind === kind)?.count),
      )
      .map(({ kind }): [string, (s: MergeSimulation) => number] => [
        label("gap", kind),
        (s) => s.town.gapsAfter.find((g) => g.kind === kind)?.count ?? 0,
      ]),
  ];
  return (
    <table className="grid compact" data-testid="comparison">
      <thead>
        <tr>
          <th />
          {comparison.map(({ scenario }) => (
            <th key={scenario.id}>{scenario.name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, cell]) => {
          const values = comparison.map(({ simulation }) => cell(simulation));
          // Where the scenarios differ is what a planner compares them for: those rows stand out.
          const differs = new Set(values).size > 1;
          return (
            <tr key={name} className={differs ? "differs" : undefined} data-differs={differs || undefined}>
              <th>{name}</th>
              {comparison.map(({ scenario }, i) => (
                <td key={scenario.id}>{values[i]}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
