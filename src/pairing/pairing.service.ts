/**
 * Pairings (结对共建) written the domain's way: every check runs inside the write
 * transaction that would make the change, so a rejected write leaves nothing behind and
 * two concurrent writes cannot both pass a check that only one of them may pass.
 */
import type { RuleThresholds } from "../config.js";
import { isWeakVillage } from "../coverage/coverage.rules.js";
import type { Graph, TransactionRun } from "../database/graph.js";
import { neo4jDate } from "../domain/dates.js";
import { PairingKind, PairingRole, type FocusArea } from "../domain/enums.js";
import { badInput, conflict, notFound } from "../errors/errors.js";
import { requireDistinct, requireNonNegative, requireNotFuture, requireText } from "../domain/validate.js";
import type { FocusAreaTotal, PairingActivityRecord, PairingRecord, PairingTimeline } from "./pairing.types.js";

const RURAL_CATEGORIES = new Set(["VILLAGE", "TOWN", "GRID"]);

export interface NewPairing {
  kind: PairingKind;
  parties: Array<{ organizationId: string; role: PairingRole }>;
  startedOn: string;
  focusAreas?: FocusArea[] | null;
  fundsCommitted?: number | null;
}

export interface NewActivity {
  pairingId: string;
  on: string;
  focusArea: FocusArea;
  title: string;
  funds?: number | null;
  beneficiaries?: number | null;
}

interface PartyFacts {
  id: string;
  name: string;
  status: string;
  category: string;
  /** Whether its village counts as weak by its organizations (any of its village orgs 软弱涣散). */
  orgIsWeak: boolean;
  collectiveIncome: number | null;
}

function totalOf(focusArea: FocusArea | null, activities: PairingActivityRecord[]): FocusAreaTotal {
  return {
    focusArea,
    activities: activities.length,
    funds: activities.reduce((sum, a) => sum + (a.funds ?? 0), 0),
    beneficiaries: activities.reduce((sum, a) => sum + (a.beneficiaries ?? 0), 0),
  };
}

export class PairingService {
  constructor(
    private readonly graph: Graph,
    private readonly rules: RuleThresholds,
  ) {}

  /** The pairing as it stands inside the transaction `run` belongs to. */
  private async record(run: TransactionRun, id: string): Promise<PairingRecord> {
    const [row] = await run<{ pairing: Omit<PairingRecord, "parties">; parties: PairingRecord["parties"] }>(
      "pairing/pairing",
      { id },
    );
    if (!row) throw notFound("pairingId", `no pairing has id ${id}`);
    return { ...row.pairing, parties: row.parties };
  }

  async timeline(pairingId: string): Promise<PairingTimeline> {
    const [row] = await this.graph.read<{
      pairing: Omit<PairingRecord, "parties">;
      parties: PairingRecord["parties"];
      activities: PairingActivityRecord[];
    }>("pairing/timeline", { pairingId });
    if (!row) throw notFound("pairingId", `no pairing has id ${pairingId}`);
    const activities = row.activities;
    const areas = [...new Set(activities.map((a) => a.focusArea))];
    return {
      pairing: { ...row.pairing, parties: row.parties },
      activities,
      byFocusArea: areas.map((area) =>
        totalOf(
          area,
          activities.filter((a) => a.focusArea === area),
        ),
      ),
      total: totalOf(null, activities),
    };
  }

  /** Why these parties cannot form a pairing of this kind, or nothing when they can. */
  private checkParties(input: NewPairing, found: PartyFacts[]): void {
    const ids = input.parties.map((p) => p.organizationId);
    const unknown = ids.filter((id) => !found.some((f) => f.id === id));
    if (unknown.length)
      throw badInput("parties", `no party organization has id ${unknown.join(", ")}`, { ids: unknown });
    const dissolved = found.filter((f) => f.status !== "ACTIVE");
    if (dissolved.length) {
      throw badInput("parties", `${dissolved.map((f) => f.name).join(", ")} is DISSOLVED and cannot join a pairing`, {
        ids: dissolved.map((f) => f.id),
      });
    }
    if (!found.some((f) => RURAL_CATEGORIES.has(f.category))) {
      throw badInput(
        "parties",
        "a pairing needs at least one rural party organization (category VILLAGE, TOWN or GRID)",
      );
    }
    if (input.kind === PairingKind.STRONG_WEAK) {
      const role = (id: string) => input.parties.find((p) => p.organizationId === id)!.role;
      const villages = found.filter((f) => f.category === "VILLAGE");
      const recipient = found.find((f) => role(f.id) === PairingRole.RECIPIENT);
      const helper = found.find((f) => role(f.id) === PairingRole.HELPER);
      if (found.length !== 2 || villages.length !== 2 || !recipient || !helper) {
        throw badInput(
          "parties",
          "强村带弱村 (STRONG_WEAK) pairs exactly two village Party organizations: one HELPER and one RECIPIENT",
        );
      }
      if (!isWeakVillage(recipient, this.rules)) {
        throw badInput(
          "parties",
          `the recipient ${recipient.name} is not weak (not 软弱涣散, collective income ${recipient.collectiveIncome ?? "unknown"} 万元)`,
          {
            ids: [recipient.id],
          },
        );
      }
    }
  }

  async createPairing(input: NewPairing): Promise<PairingRecord> {
    const ids = input.parties.map((p) => p.organizationId);
    if (ids.length < 2) throw badInput("parties", "a pairing has at least two parties");
    requireDistinct("parties", ids);
    requireNonNegative("fundsCommitted", input.fundsCommitted);
    const focusAreas = [...new Set(input.focusAreas ?? [])];
    return this.graph.write(
      { operation: "createPairing", subjectIds: (p) => [p.id, ...p.parties.map((party) => party.organizationId)] },
      async (run) => {
        this.checkParties(input, await run<PartyFacts>("pairing/parties", { ids }));
        const duplicates = await run<{ id: string }>("pairing/active-duplicate", { kind: input.kind, ids });
        if (duplicates.length) {
          throw conflict(
            "parties",
            `an ACTIVE ${input.kind} pairing of these parties already exists (${duplicates[0]!.id})`,
            { existingId: duplicates[0]!.id },
          );
        }
        const [created] = await run<{ id: string }>("pairing/create", {
          kind: input.kind,
          startedOn: neo4jDate(input.startedOn),
          focusAreas,
          fundsCommitted: input.fundsCommitted ?? null,
          parties: input.parties,
        });
        return this.record(run, created!.id);
      },
    );
  }

  async endPairing(pairingId: string, endedOn: string): Promise<PairingRecord> {
    return this.graph.write({ operation: "endPairing", subjectIds: (p) => [p.id] }, async (run) => {
      const pairing = await this.record(run, pairingId);
      if (pairing.status === "ENDED") {
        throw conflict("pairingId", `pairing ${pairingId} has already ended (${pairing.endedOn})`);
      }
      if (pairing.startedOn && endedOn < pairing.startedOn) {
        throw badInput("endedOn", `endedOn ${endedOn} is before the pairing started (${pairing.startedOn})`);
      }
      await run("pairing/end", { id: pairingId, endedOn: neo4jDate(endedOn) });
      return this.record(run, pairingId);
    });
  }

  async recordActivity(input: NewActivity): Promise<PairingActivityRecord> {
    const title = requireText("title", input.title);
    requireNotFuture("on", input.on);
    requireNonNegative("funds", input.funds);
    requireNonNegative("beneficiaries", input.beneficiaries, { integer: true });
    return this.graph.write(
      { operation: "recordPairingActivity", subjectIds: (a) => [a.id, input.pairingId] },
      async (run) => {
        const pairing = await this.record(run, input.pairingId);
        if (pairing.startedOn && input.on < pairing.startedOn) {
          throw badInput("on", `the activity (${input.on}) is before the pairing started (${pairing.startedOn})`);
        }
        if (pairing.endedOn && input.on > pairing.endedOn) {
          throw badInput("on", `the activity (${input.on}) is after the pairing ended (${pairing.endedOn})`);
        }
        const [row] = await run<{ activity: PairingActivityRecord }>("pairing/record-activity", {
          pairingId: input.pairingId,
          on: neo4jDate(input.on),
          focusArea: input.focusArea,
          title,
          funds: input.funds ?? null,
          beneficiaries: input.beneficiaries ?? null,
        });
        return row!.activity;
      },
    );
  }
}
