/**
 * Joint councils written the domain's way: checks run inside the write transaction, so a
 * rejected write leaves nothing behind.
 */
import type { Graph, TransactionRun } from "../database/graph.js";
import { neo4jDate } from "../domain/dates.js";
import { JointCouncilKind, type CouncilCapacity } from "../domain/enums.js";
import { badInput, conflict, notFound } from "../errors/errors.js";
import { requireDistinct, requireNotFuture, requireText } from "../domain/validate.js";
import type { CouncilMeetingRecord, CouncilMembershipRecord, JointCouncilRecord } from "./council.types.js";

export interface NewCouncil {
  name: string;
  kind: JointCouncilKind;
  establishedOn?: string | null;
  servesRegionCodes: string[];
  convenerId: string;
}

/** What each kind of council serves and who convenes it (guidance section 三.7). */
const SHAPE: Record<JointCouncilKind, { level: string; convenerCategory: string }> = {
  REGIONAL_JOINT_MEETING: { level: "TOWN", convenerCategory: "TOWN" },
  CO_BUILDING_COUNCIL: { level: "VILLAGE", convenerCategory: "VILLAGE" },
};

function textList(field: string, values: string[] | null | undefined): string[] {
  const list = (values ?? []).map((v) => requireText(field, v, 500));
  if (list.length > 50) throw badInput(field, `${field} holds at most 50 entries, got ${list.length}`);
  return list;
}

export class CouncilService {
  constructor(private readonly graph: Graph) {}

  private async record(run: TransactionRun, id: string): Promise<JointCouncilRecord> {
    const [row] = await run<{ council: JointCouncilRecord }>("council/council", { id });
    if (!row) throw notFound("councilId", `no joint council has id ${id}`);
    return row.council;
  }

  async create(input: NewCouncil): Promise<JointCouncilRecord> {
    const name = requireText("name", input.name);
    if (input.servesRegionCodes.length === 0)
      throw badInput("servesRegionCodes", "a council serves at least one region");
    requireDistinct("servesRegionCodes", input.servesRegionCodes);
    if (input.establishedOn) requireNotFuture("establishedOn", input.establishedOn);
    const shape = SHAPE[input.kind];
    return this.graph.write(
      { operation: "createJointCouncil", subjectIds: (c) => [c.id, ...c.serves] },
      async (run) => {
        const regions = await run<{ code: string; level: string; status: string }>("council/regions", {
          codes: input.servesRegionCodes,
        });
        const unknown = input.servesRegionCodes.filter((code) => !regions.some((r) => r.code === code));
        if (unknown.length)
          throw badInput("servesRegionCodes", `no region has code ${unknown.join(", ")}`, { codes: unknown });
        const wrong = regions.filter((r) => r.status !== "ACTIVE" || r.level !== shape.level);
        if (wrong.length) {
          throw badInput(
            "servesRegionCodes",
            `a ${input.kind} serves ACTIVE ${shape.level} regions; ${wrong.map((r) => `${r.code} is ${r.status} ${r.level}`).join(", ")}`,
            {
              codes: wrong.map((r) => r.code),
            },
          );
        }
        const [convener] = await run<{ id: string; status: string; category: string }>("council/convener", {
          id: input.convenerId,
        });
        if (!convener) throw badInput("convenerId", `no party organization has id ${input.convenerId}`);
        if (convener.status !== "ACTIVE" || convener.category !== shape.convenerCategory) {
          throw badInput(
            "convenerId",
            `a ${input.kind} is convened by an ACTIVE ${shape.convenerCategory} party organization; ${input.convenerId} is ${convener.status} ${convener.category}`,
          );
        }
        const [created] = await run<{ id: string }>("council/create", {
          name,
          kind: input.kind,
          establishedOn: input.establishedOn ? neo4jDate(input.establishedOn) : null,
          regionCodes: input.servesRegionCodes,
          convenerId: input.convenerId,
        });
        return this.record(run, created!.id);
      },
    );
  }

  async recordMeeting(input: {
    councilId: string;
    heldOn: string;
    topics?: string[] | null;
    resolutions?: string[] | null;
  }): Promise<CouncilMeetingRecord> {
    requireNotFuture("heldOn", input.heldOn);
    const topics = textList("topics", input.topics);
    const resolutions = textList("resolutions", input.resolutions);
    return this.graph.write(
      { operation: "recordCouncilMeeting", subjectIds: (m) => [m.id, input.councilId] },
      async (run) => {
        const council = await this.record(run, input.councilId);
        if (council.establishedOn && input.heldOn < council.establishedOn) {
          throw badInput(
            "heldOn",
            `the meeting (${input.heldOn}) is before the council was established (${council.establishedOn})`,
          );
        }
        const [row] = await run<{ meeting: CouncilMeetingRecord }>("council/record-meeting", {
          councilId: input.councilId,
          heldOn: neo4jDate(input.heldOn),
          topics,
          resolutions,
        });
        return row!.meeting;
      },
    );
  }

  async addMember(input: {
    councilId: string;
    memberId: string;
    capacity?: CouncilCapacity | null;
  }): Promise<CouncilMembershipRecord> {
    return this.graph.write(
      { operation: "addCouncilMember", subjectIds: () => [input.councilId, input.memberId] },
      async (run) => {
        const [candidate] = await run<{
          councilId: string;
          label: string | null;
          status: string | null;
          alreadyMember: boolean;
        }>("council/member-candidate", { councilId: input.councilId, memberId: input.memberId });
        if (!candidate) throw notFound("councilId", `no joint council has id ${input.councilId}`);
        if (!candidate.label) {
          throw badInput(
            "memberId",
            `${input.memberId} is no party organization, institution, two-new organization or person`,
          );
        }
        if (candidate.status === "DISSOLVED") throw badInput("memberId", `${input.memberId} is DISSOLVED`);
        if (candidate.alreadyMember) {
          throw conflict("memberId", `${input.memberId} already belongs to council ${input.councilId}`);
        }
        const person = candidate.label === "Person";
        if (person && !input.capacity)
          throw badInput("capacity", "a person sits on a council in a capacity (e.g. RURAL_TALENT)");
        if (!person && input.capacity) throw badInput("capacity", "capacity is for persons; member units have none");
        await run(person ? "council/add-person" : "council/add-unit", {
          councilId: input.councilId,
          memberId: input.memberId,
          capacity: input.capacity ?? null,
        });
        return {
          councilId: input.councilId,
          memberId: input.memberId,
          memberLabel: candidate.label,
          capacity: input.capacity ?? null,
        };
      },
    );
  }
}
