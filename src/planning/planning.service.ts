/**
 * Village layout adjustment (村庄布局调整): simulate, save, compare, apply, revert. This service
 * checks requests against the graph and writes; what a group would be (figures, warnings,
 * secretary candidates) is decided by the pure rules of planning.rules.ts.
 *
 * Simulation and apply agree by construction: both run `applyGroups`, the one
 * implementation of DOMAIN.md's apply; a simulation runs it in a transaction that is rolled
 * back after measuring. An apply records what it changed (and the state it left) on the
 * scenario, so a revert puts back exactly what was there, and refuses when something the
 * apply touched has been edited since.
 */
import { randomUUID } from "node:crypto";
import neo4j from "neo4j-driver";
import type { RuleThresholds } from "../config.js";
import type { CoverageService } from "../coverage/coverage.service.js";
import type { Graph, TransactionRun } from "../database/graph.js";
import { neo4jDate, today } from "../domain/dates.js";
import { DIVISION_CODE } from "../domain/region-code.js";
import { badInput, conflict, ErrorCode, notFound, PlatformError, type ErrorCodeName } from "../errors/errors.js";
import { requireText } from "../domain/validate.js";
import { requireRegion } from "../region/region.lookup.js";
import {
  describeGroup,
  mergedFigures,
  newOrganization,
  villageClasses,
  type PlannedGroup,
  type PlanningVillage,
  type VillageClassName,
} from "./planning.rules.js";
import type { MergeScenarioRecord, MergeSimulation } from "./planning.types.js";

export interface MergeGroup {
  name: string;
  code?: string | null;
  villageCodes: string[];
}

export interface MergeRequest {
  townCode: string;
  asOf?: string | null;
  groups: MergeGroup[];
  /** The villages the town should have after merging, recorded with a saved scenario. */
  targetVillages?: number | null;
}

/**
 * A target number of villages: a whole number from 1 to the town's ACTIVE villages (`town`,
 * once they are known); anything else is a BAD_USER_INPUT on `field`.
 */
export function requireTargetVillages(field: string, target: number, town?: { villages: number; town: string }): void {
  if (!Number.isInteger(target) || target < 1)
    throw badInput(field, `targetVillages must be a whole number of at least 1, got ${target}`);
  if (town && target > town.villages) {
    throw badInput(
      field,
      `targetVillages (${target}) is more than the ${town.villages} villages (村) ${town.town} has; merging only lowers the count`,
    );
  }
}

interface Town {
  code: string;
  name: string;
  level: string;
  status: string;
  townOrgId: string | null;
  codesInUse: string[];
}

/** A validated request: groups with their codes fixed and the facts of their villages. */
export interface Plan {
  town: Town;
  asOf: string;
  groups: PlannedGroup[];
}

interface ApplyLog {
  on: string;
  createdCodes: string[];
  createdOrgIds: string[];
  regions: Array<{ code: string; level: string; formerLevel: string | null; partOf: string[] }>;
  orgs: Array<{ id: string; category: string; kind: string; subordinateTo: string[] }>;
  touched: Array<{ key: string; hash: string; degree: number }>;
}

/** What `Region.villageClasses` requires of the region (schema/region.graphql, @customResolver). */
export interface ClassifiedRegion {
  level: string;
  isNewVillage?: boolean | null;
  collectiveIncome?: number | null;
  partyOrganizations: Array<{ category: string; status: string; isWeak?: boolean | null }>;
}

export class PlanningService {
  constructor(
    private readonly graph: Graph,
    private readonly coverage: CoverageService,
    private readonly rules: RuleThresholds,
  ) {}

  /** A region's classes on the planner's map (`Region.villageClasses`); none but for a village. */
  classesOf(region: ClassifiedRegion): VillageClassName[] {
    if (region.level !== "VILLAGE") return [];
    // Its village orgs, as the coverage facts read them: ACTIVE, of category VILLAGE, based in it.
    const orgs = region.partyOrganizations.filter((org) => org.category === "VILLAGE" && org.status === "ACTIVE");
    const facts = {
      isNewVillage: region.isNewVillage ?? false,
      orgIsWeak: orgs.some((org) => org.isWeak ?? false),
      collectiveIncome: region.collectiveIncome ?? null,
    };
    return villageClasses(facts, this.rules);
  }

  /** The town and the facts of its villages (all ACTIVE villages when `codes` is omitted). */
  async villageFacts(run: TransactionRun, townCode: string, codes: string[]): Promise<PlanningVillage[]> {
    return run<PlanningVillage>("planning/villages", { townCode, codes });
  }

  /** DOMAIN.md validation: every failure names the village codes at fault; nothing is written. */
  async plan(
    run: TransactionRun,
    request: MergeRequest,
    code: ErrorCodeName = ErrorCode.BAD_USER_INPUT,
  ): Promise<Plan> {
    const fail = (field: string, message: string, codes: string[] = []) =>
      new PlatformError(code, message, { field, codes });
    if (!DIVISION_CODE.test(request.townCode))
      throw fail("townCode", `"${request.townCode}" is not a 12-digit region code`);
    const [town] = await run<Town>("planning/town", {
      townCode: request.townCode,
      prefix: request.townCode.slice(0, 9),
    });
    if (!town) throw fail("townCode", `no region has code ${request.townCode}`);
    if (town.level !== "TOWN" || town.status !== "ACTIVE")
      throw fail("townCode", `${town.code} (${town.name}) is not an ACTIVE town`);
    if (!town.townOrgId)
      throw fail(
        "townCode",
        `${town.name} has no ACTIVE town Party organization for the new village organizations to be subordinate to`,
      );
    if (request.groups.length === 0) throw fail("groups", "a scenario has at least one group");
    if (request.targetVillages != null) {
      const villages = await run<{ code: string }>("planning/town-villages", { townCode: town.code });
      requireTargetVillages("targetVillages", request.targetVillages, { villages: villages.length, town: town.name });
    }

    const seen = new Map<string, number>();
    request.groups.forEach((group, i) => {
      requireText(`groups[${i}].name`, group.name, 100);
      if (group.villageCodes.length < 2) {
        throw fail(
          `groups[${i}].villageCodes`,
          `group ${i + 1} (${group.name}) has ${group.villageCodes.length} village(s); a group merges at least two`,
          group.villageCodes,
        );
      }
      for (const villageCode of group.villageCodes) {
        if (seen.has(villageCode)) {
          throw fail(
            `groups[${i}].villageCodes`,
            `village ${villageCode} is in group ${seen.get(villageCode)! + 1} and group ${i + 1}`,
            [villageCode],
          );
        }
        seen.set(villageCode, i);
      }
    });
    const facts = await this.villageFacts(run, town.code, [...seen.keys()]);
    const unknown = facts.filter((f) => !f.found).map((f) => f.code);
    if (unknown.length) throw fail("groups", `no region has code ${unknown.join(", ")}`, unknown);
    const inactive = facts.filter((f) => f.status !== "ACTIVE" || f.level !== "VILLAGE").map((f) => f.code);
    if (inactive.length) {
      throw fail(
        "groups",
        `not ACTIVE villages: ${facts
          .filter((f) => inactive.includes(f.code))
          .map((f) => `${f.code} (${f.status} ${f.level})`)
          .join(", ")}`,
        inactive,
      );
    }
    const outside = facts.filter((f) => !f.inTown).map((f) => f.code);
    if (outside.length)
      throw fail("groups", `villages outside ${town.name} (${town.code}): ${outside.join(", ")}`, outside);

    const used = new Set(town.codesInUse);
    const groups = request.groups.map((group, i) => {
      let groupCode = group.code ?? null;
      if (groupCode !== null) {
        if (!DIVISION_CODE.test(groupCode) || !groupCode.startsWith(town.code.slice(0, 9)) || groupCode === town.code) {
          throw fail(
            `groups[${i}].code`,
            `${groupCode} is not a village code of ${town.name}: 12 digits starting with ${town.code.slice(0, 9)}`,
          );
        }
        if (used.has(groupCode)) throw fail(`groups[${i}].code`, `code ${groupCode} is already in use`, [groupCode]);
      } else {
        for (let n = 250; n <= 999 && groupCode === null; n += 1) {
          const candidate = `${town.code.slice(0, 9)}${n}`;
          if (!used.has(candidate)) groupCode = candidate;
        }
        if (groupCode === null) throw fail(`groups[${i}].code`, `no unused village code is left in ${town.name}`);
      }
      used.add(groupCode);
      return {
        name: group.name.trim(),
        code: groupCode,
        villages: group.villageCodes.map((c) => facts.find((f) => f.code === c)!),
      };
    });
    return { town, asOf: request.asOf ?? today(), groups };
  }

  /** DOMAIN.md's apply, group by group, inside the caller's transaction; returns the new org ids. */
  private async applyGroups(
    run: TransactionRun,
    plan: Plan,
    scenarioId: string,
    on: string,
  ): Promise<{ createdOrgIds: string[] }> {
    const createdOrgIds: string[] = [];
    for (const group of plan.groups) createdOrgIds.push(await this.applyGroup(run, plan, group, scenarioId, on));
    return { createdOrgIds };
  }

  /** One group of the apply (protected: tests make it fail half-way to prove the rollback). */
  protected async applyGroup(
    run: TransactionRun,
    plan: Plan,
    group: PlannedGroup,
    scenarioId: string,
    on: string,
  ): Promise<string> {
    const figures = mergedFigures(group.villages);
    const org = newOrganization(plan.town.name, group);
    const orgId = `po-${randomUUID()}`;
    await run("planning/apply-group", {
      townCode: plan.town.code,
      townOrgId: plan.town.townOrgId,
      code: group.code,
      name: group.name,
      population: neo4jInt(figures.population),
      households: neo4jInt(figures.households),
      collectiveIncome: figures.collectiveIncome,
      industries: figures.industries,
      latitude: figures.centroid?.latitude ?? null,
      longitude: figures.centroid?.longitude ?? null,
      on: neo4jDate(on),
      orgId,
      orgName: org.name,
      orgKind: org.kind,
      villages: group.villages.map((v) => v.code),
      absorbedOrgs: org.absorbed,
      scenarioId,
    });
    return orgId;
  }

  /** Measures a plan by applying it in a transaction that is always rolled back. */
  async simulatePlan(run: TransactionRun, plan: Plan): Promise<MergeSimulation> {
    const before = await this.coverage.regionSummary(plan.town.code, plan.asOf, run);
    await this.applyGroups(run, plan, "simulation", plan.asOf);
    const after = await this.coverage.regionSummary(plan.town.code, plan.asOf, run);
    return {
      groups: plan.groups.map((group) => describeGroup(group, plan.asOf, this.rules)),
      town: {
        code: plan.town.code,
        name: plan.town.name,
        villagesBefore: before.villages,
        villagesAfter: after.villages,
        gapsBefore: before.gapCounts,
        gapsAfter: after.gapCounts,
      },
      leftAlone: [],
      leftAloneVillages: [],
    };
  }

  simulate(request: MergeRequest): Promise<MergeSimulation> {
    return this.graph.rehearse(async (run) => this.simulatePlan(run, await this.plan(run, request)));
  }

  async save(request: MergeRequest, name: string): Promise<MergeScenarioRecord> {
    const scenarioName = requireText("name", name, 100);
    return this.graph.write({ operation: "saveMergeScenario", subjectIds: (s) => [s.id, s.townCode] }, async (run) => {
      const plan = await this.plan(run, request);
      const [saved] = await run<{ id: string }>("planning/save-scenario", {
        townCode: plan.town.code,
        name: scenarioName,
        createdBy: this.graph.principal.subject,
        asOf: request.asOf ? neo4jDate(request.asOf) : null,
        targetVillages: request.targetVillages == null ? null : neo4jInt(request.targetVillages),
        groups: plan.groups.map((g) => ({ name: g.name, code: g.code, villageCodes: g.villages.map((v) => v.code) })),
      });
      return this.scenario(run, saved!.id);
    });
  }

  /** Locks the scenario for the rest of the write transaction, then loads it. */
  private async lockScenario(run: TransactionRun, id: string): Promise<LoadedScenario> {
    await run("planning/lock-scenario", { id });
    return this.loadScenario(run, id);
  }

  private async loadScenarios(run: TransactionRun, ids: string[]): Promise<LoadedScenario[]> {
    const rows = await run<{
      scenario: LoadedScenario;
      groups: Array<{ name: string; code: string; villageCodes: string[] }>;
    }>("planning/scenario", { ids });
    return rows.map((row) => ({ ...row.scenario, groups: row.groups }));
  }

  private async loadScenario(run: TransactionRun, id: string): Promise<LoadedScenario> {
    const [scenario] = await this.loadScenarios(run, [id]);
    if (!scenario) throw notFound("id", `no merge scenario has id ${id}`);
    return scenario;
  }

  private async scenario(run: TransactionRun, id: string): Promise<MergeScenarioRecord> {
    return withoutLog(await this.loadScenario(run, id));
  }

  /** A town's scenarios, newest first, in two queries whatever their number. */
  async scenarios(townCode: string): Promise<MergeScenarioRecord[]> {
    await requireRegion(this.graph, "townCode", townCode);
    const ids = await this.graph.read<{ id: string }>("planning/scenarios-of-town", { townCode });
    const read: TransactionRun = (name, params) => this.graph.read(name, params);
    return (
      await this.loadScenarios(
        read,
        ids.map(({ id }) => id),
      )
    ).map(withoutLog);
  }

  private requestOf(scenario: MergeScenarioRecord & { asOf: string | null }): MergeRequest {
    return { townCode: scenario.townCode, asOf: scenario.asOf, groups: scenario.groups };
  }

  async compare(ids: string[]): Promise<Array<{ scenario: MergeScenarioRecord; simulation: MergeSimulation }>> {
    if (ids.length < 1) throw badInput("ids", "name at least one scenario");
    const results = [];
    for (const id of ids) {
      results.push(
        await this.graph.rehearse(async (run) => {
          const scenario = await this.loadScenario(run, id);
          if (scenario.status !== "DRAFT")
            throw badInput("ids", `scenario ${id} is ${scenario.status}; only DRAFT scenarios can be compared`);
          const simulation = await this.simulatePlan(
            run,
            await this.plan(run, this.requestOf(scenario), ErrorCode.CONFLICT),
          );
          return { scenario: withoutLog(scenario), simulation };
        }),
      );
    }
    return results;
  }

  async discard(id: string): Promise<MergeScenarioRecord> {
    return this.graph.write({ operation: "discardMergeScenario", subjectIds: (s) => [s.id] }, async (run) => {
      const scenario = await this.lockScenario(run, id);
      if (scenario.status !== "DRAFT")
        throw conflict("id", `scenario ${id} is ${scenario.status}; only a DRAFT can be discarded`);
      await run("planning/set-status", { id, status: "DISCARDED", applyLog: null });
      return this.scenario(run, id);
    });
  }

  async apply(id: string): Promise<MergeScenarioRecord> {
    return this.graph.write(
      {
        operation: "applyMergeScenario",
        subjectIds: (s) => [s.id, ...s.groups.flatMap((g) => [g.code, ...g.villageCodes])],
      },
      async (run) => {
        const scenario = await this.lockScenario(run, id);
        if (scenario.status !== "DRAFT")
          throw conflict("id", `scenario ${id} is ${scenario.status}; only a DRAFT can be applied`);
        // Villages may have changed since the scenario was saved: validate against the graph as it is now.
        const plan = await this.plan(run, this.requestOf(scenario), ErrorCode.CONFLICT);
        const codes = plan.groups.flatMap((g) => g.villages.map((v) => v.code));
        const before = await run<{ region: ApplyLog["regions"][number]; orgs: ApplyLog["orgs"] }>(
          "planning/before-apply",
          { codes },
        );
        const on = today();
        const { createdOrgIds } = await this.applyGroups(run, plan, id, on);
        const log: Omit<ApplyLog, "touched"> = {
          on,
          createdCodes: plan.groups.map((g) => g.code),
          createdOrgIds,
          regions: before.map((b) => b.region),
          orgs: before.flatMap((b) => b.orgs),
        };
        const touched = await this.touchedState(run, log);
        await run("planning/set-status", { id, status: "APPLIED", applyLog: JSON.stringify({ ...log, touched }) });
        return this.scenario(run, id);
      },
    );
  }

  private touchedState(run: TransactionRun, log: Omit<ApplyLog, "touched">): Promise<ApplyLog["touched"]> {
    return run<ApplyLog["touched"][number]>("planning/touched-state", {
      codes: [...log.createdCodes, ...log.regions.map((r) => r.code)],
      orgIds: [...log.createdOrgIds, ...log.orgs.map((o) => o.id)],
    });
  }

  async revert(id: string): Promise<MergeScenarioRecord> {
    return this.graph.write(
      {
        operation: "revertMergeScenario",
        subjectIds: (s) => [s.id, ...s.groups.flatMap((g) => [g.code, ...g.villageCodes])],
      },
      async (run) => {
        const scenario = await this.lockScenario(run, id);
        if (scenario.status !== "APPLIED" || !scenario.applyLog)
          throw conflict("id", `scenario ${id} is ${scenario.status}; only an APPLIED scenario can be reverted`);
        const log = JSON.parse(scenario.applyLog) as ApplyLog;
        const now = new Map((await this.touchedState(run, log)).map((t) => [t.key, t]));
        const edited = log.touched
          .map((t) => {
            const current = now.get(t.key);
            if (!current) return `${t.key} was deleted`;
            if (current.hash !== t.hash) return `${t.key} had its properties edited`;
            if (current.degree !== t.degree)
              return `${t.key} had relationships added or removed (${t.degree} → ${current.degree})`;
            return null;
          })
          .filter((e): e is string => e !== null);
        if (edited.length) {
          throw conflict(
            "id",
            `cannot revert: since the apply, ${edited.join("; ")}. Undo those edits first; nothing was changed.`,
            { edited },
          );
        }
        const [restored] = await run<{ partOf: number; subordinateTo: number }>(
          "planning/revert",
          log as unknown as Record<string, unknown>,
        );
        const expected = {
          partOf: log.regions.reduce((s, r) => s + r.partOf.length, 0),
          subordinateTo: log.orgs.reduce((s, o) => s + o.subordinateTo.length, 0),
        };
        if (restored!.partOf !== expected.partOf || restored!.subordinateTo !== expected.subordinateTo) {
          throw conflict(
            "id",
            "cannot revert: a parent region or superior organization the apply detached from has been deleted since; nothing was changed",
          );
        }
        await run("planning/set-status", { id, status: "REVERTED", applyLog: null });
        return this.scenario(run, id);
      },
    );
  }
}

/** A scenario as stored: the record plus the date it was planned for and its apply log. */
type LoadedScenario = MergeScenarioRecord & { asOf: string | null; applyLog: string | null };

function withoutLog({ asOf: _asOf, applyLog: _log, ...record }: LoadedScenario): MergeScenarioRecord {
  return record;
}

function neo4jInt(value: number) {
  return neo4j.int(Math.round(value));
}
