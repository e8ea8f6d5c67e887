/**
 * Merge planner (村庄布局调整): a town's villages on a map, groups picked by hand or suggested,
 * simulated (simulateMerge writes nothing), saved as scenarios, compared, applied and reverted.
 */
import { useState } from "react";
import { gql, useQuery } from "../../api";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNote } from "../../components/ErrorNote";
import { useI18n } from "../../i18n";
import { navigate } from "../../route";
import { GroupVillages } from "./GroupVillages";
import {
  groupColour,
  SCENARIO_FIELDS,
  SIMULATION_FIELDS,
  type MergeGroup,
  type MergeSimulation,
  type Scenario,
  type Village,
} from "./planning";
import { Scenarios } from "./Scenarios";
import { SimulationView } from "./SimulationView";
import { VillageMap } from "./VillageMap";

const TOWNS = `{ regions(where: { level: { eq: TOWN }, status: { eq: ACTIVE } }, sort: [{ code: ASC }]) { code name } }`;
const VILLAGES = `query ($town: String!) {
  regions(where: { parent: { some: { code: { eq: $town } } }, level: { eq: VILLAGE }, status: { eq: ACTIVE } }, sort: [{ code: ASC }]) {
    code name population households collectiveIncome location { latitude longitude } villageClasses
  }
}`;
const SCENARIOS = `query ($town: String!) { mergeScenarios(townCode: $town) { ${SCENARIO_FIELDS} } }`;
const SIMULATE = `query ($input: MergeInput!) { simulateMerge(input: $input) { ${SIMULATION_FIELDS} } }`;
const SUGGEST = `query ($town: String!, $options: SuggestOptions) { suggestMerges(townCode: $town, options: $options) { ${SIMULATION_FIELDS} } }`;
const SAVE = `mutation ($input: MergeInput!, $name: String!) { saveMergeScenario(input: $input, name: $name) { id } }`;

export function Planner({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const town = params.get("town") ?? "";
  const towns = useQuery<{ regions: Array<{ code: string; name: string }> }>(TOWNS, {});
  return (
    <section className="content planner">
      <div className="toolbar">
        <label>
          {t("plan.town")}
          <select
            value={town}
            onChange={(event) => navigate("planner", { town: event.target.value })}
            data-testid="town"
          >
            <option value="">{t("plan.pickTown")}</option>
            {towns.data?.regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNote error={towns.error} />
      {/* A new town starts a new plan: the key drops the previous town's groups and results. */}
      {town && <TownPlanner key={town} town={town} />}
    </section>
  );
}

function TownPlanner({ town }: { town: string }) {
  const { t } = useI18n();
  const villages = useQuery<{ regions: Village[] }>(VILLAGES, { town });
  const scenarios = useQuery<{ mergeScenarios: Scenario[] }>(SCENARIOS, { town });
  const emptyGroup = (n: number): MergeGroup => ({ name: t("plan.groupName", { n }), villageCodes: [] });
  const [groups, setGroups] = useState<MergeGroup[]>([emptyGroup(1)]);
  const [current, setCurrent] = useState(0);
  const [simulation, setSimulation] = useState<MergeSimulation>();
  const [scenarioName, setScenarioName] = useState("");
  /** 目标村数: the villages the town should have after merging (the county's target), as typed; empty for none. */
  const [target, setTarget] = useState("");
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  /** Whether the groups were made or changed by hand since they were last suggested, loaded or cleared. */
  const [handMade, setHandMade] = useState(false);
  /** A replacement of hand-made groups waiting for the planner's yes. */
  const [replacing, setReplacing] = useState<{ by: "suggest" | "load"; proceed: () => void }>();

  const names = new Map(villages.data?.regions.map((village) => [village.code, village.name]));
  const villageName = (code: string) => names.get(code) ?? code;
  const targetVillages = target ? Number(target) : null;
  // The target goes with what is simulated and saved, so a saved scenario records it.
  const input = { townCode: town, groups: groups.filter((group) => group.villageCodes.length > 0), targetVillages };

  const edit = (next: MergeGroup[], byHand = true) => {
    setGroups(next);
    setHandMade(byHand);
    // Figures of other groups than the ones on the map would mislead.
    setSimulation(undefined);
  };
  const toggle = (code: string) =>
    edit(
      groups.map((group, index) => {
        const without = group.villageCodes.filter((c) => c !== code);
        const add = index === current && without.length === group.villageCodes.length;
        return { ...group, villageCodes: add ? [...without, code] : without };
      }),
    );
  const call = <T,>(request: Promise<T>, then: (result: T) => void) => {
    setBusy(true);
    request.then((result) => (setError(undefined), then(result)), setError).finally(() => setBusy(false));
  };
  /** Another proposal (suggested, loaded or none after an apply): its codes are kept, so an apply gives the same villages. */
  const replaceGroups = (next: MergeGroup[], byHand = false) => {
    edit(
      next.length ? next.map(({ name, code, villageCodes }) => ({ name, code, villageCodes })) : [emptyGroup(1)],
      byHand,
    );
    setCurrent(0);
  };
  // A suggestion or a loaded scenario replaces every group: groups made by hand (and not saved
  // since) are only lost after the planner agrees.
  const handMadeGroups = handMade ? input.groups : [];
  const replacingHandMade = (by: "suggest" | "load", proceed: () => void) =>
    handMadeGroups.length ? setReplacing({ by, proceed }) : proceed();
  const suggest = () =>
    call(
      gql<{ suggestMerges: MergeSimulation }>(SUGGEST, { town, options: { targetVillages } }),
      ({ suggestMerges }) => {
        replaceGroups(suggestMerges.groups);
        setSimulation(suggestMerges);
      },
    );

  return (
    <div className="planner-layout">
      <div className="planner-map">
        <p className="hint">{t("plan.mapHint")}</p>
        <ErrorNote error={villages.error} />
        {villages.data && (
          <VillageMap
            villages={villages.data.regions}
            groups={groups}
            current={current}
            simulated={simulation?.groups ?? []}
            onToggle={toggle}
          />
        )}
      </div>
      <div className="planner-side">
        <h3>{t("plan.groups")}</h3>
        <ol className="groups">
          {groups.map((group, index) => (
            <li
              key={index}
              className={index === current ? "current" : undefined}
              data-group={index}
              onClick={() => setCurrent(index)}
            >
              <i className="swatch" style={{ background: groupColour(index) }} />
              <input
                value={group.name}
                onChange={(event) => edit(groups.map((g, i) => (i === index ? { ...g, name: event.target.value } : g)))}
              />
              <span>{group.villageCodes.map(villageName).join("、")}</span>
              {index === current && <small> ({t("plan.current")})</small>}
              <button
                type="button"
                onClick={(event) => {
                  event.stopPropagation();
                  replaceGroups(
                    groups.filter((_, i) => i !== index),
                    true,
                  );
                }}
              >
                {t("plan.remove")}
              </button>
            </li>
          ))}
        </ol>
        <div className="row">
          <button
            type="button"
            onClick={() => {
              edit([...groups, emptyGroup(groups.length + 1)]);
              setCurrent(groups.length);
            }}
          >
            {t("plan.newGroup")}
          </button>
          <label className="target">
            {t("plan.target")}
            <input
              type="number"
              min={1}
              max={villages.data?.regions.length}
              value={target}
              placeholder={t("plan.targetNone")}
              onChange={(event) => setTarget(event.target.value)}
              data-testid="target"
            />
          </label>
          <button
            type="button"
            disabled={busy}
            data-testid="suggest"
            onClick={() => replacingHandMade("suggest", suggest)}
          >
            {t("plan.suggest")}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="simulate"
            disabled={busy || input.groups.length === 0}
            onClick={() =>
              call(gql<{ simulateMerge: MergeSimulation }>(SIMULATE, { input }), ({ simulateMerge }) =>
                setSimulation(simulateMerge),
              )
            }
          >
            {t("plan.simulate")}
          </button>
        </div>
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            call(gql(SAVE, { input, name: scenarioName }), () => {
              // Saved: a replacement loses nothing any more.
              setHandMade(false);
              setScenarioName("");
              scenarios.reload();
            });
          }}
        >
          <input
            name="scenario"
            placeholder={t("plan.scenarioName")}
            value={scenarioName}
            onChange={(event) => setScenarioName(event.target.value)}
            required
          />
          <button type="submit" disabled={busy || input.groups.length === 0}>
            {t("plan.save")}
          </button>
        </form>
        <ErrorNote error={error} />
        {replacing && (
          <ConfirmDialog
            message={t(`plan.confirm.${replacing.by}`, { n: handMadeGroups.length })}
            onConfirm={() => (setReplacing(undefined), replacing.proceed())}
            onCancel={() => setReplacing(undefined)}
          >
            <GroupVillages groups={handMadeGroups} villageName={villageName} />
          </ConfirmDialog>
        )}
        <h3>{t("plan.scenarios")}</h3>
        <ErrorNote error={scenarios.error} />
        {scenarios.data && (
          <Scenarios
            scenarios={scenarios.data.mergeScenarios}
            onLoad={(loaded) => replacingHandMade("load", () => replaceGroups(loaded))}
            onChanged={() => {
              villages.reload();
              scenarios.reload();
              replaceGroups([]);
            }}
          />
        )}
      </div>
      {simulation && (
        <div className="planner-result">
          <h3>{t("plan.result")}</h3>
          <SimulationView simulation={simulation} villageName={villageName} />
        </div>
      )}
    </div>
  );
}
