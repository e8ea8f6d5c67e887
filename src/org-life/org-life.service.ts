/**
 * Organizational life (DOMAIN.md, Additions: OrgLifeEvent) recorded the domain's way, a batch
 * at a time:
 * - every item is checked before anything is written, and the first problem is a BAD_USER_INPUT
 *   naming its path (`input[2].heldOn`): an unknown organization (or one outside the caller's
 *   scope, which reads the same), a date after today or before the organization was founded,
 *   negative attendees, an empty, too long or control-character topic;
 * - the same organization, kind and date is one event: repeated in a batch, or already in the
 *   graph, it is that event (attendees and topic given again replace the stored ones);
 * - one write transaction with its audit entry; the organizations are locked in it, so two
 *   concurrent batches cannot both create the same event.
 */
import { randomUUID } from "node:crypto";
import type { Graph } from "../database/graph.js";
import { neo4jDate } from "../domain/dates.js";
import type { OrgLifeEventKind } from "../domain/enums.js";
import { badInput } from "../errors/errors.js";
import { requireNonNegative, requireNotFuture, requireText } from "../domain/validate.js";
import type { OrgLifeEventRecord, OrgLifeEventsRecorded } from "./org-life.types.js";

export interface NewOrgLifeEvent {
  organizationId: string;
  kind: OrgLifeEventKind;
  heldOn: string;
  attendees?: number | null;
  topic?: string | null;
}

/** Most events one call may record. */
export const MAX_BATCH = 1000;
const TOPIC_MAX = 2000;

/** One event to write: the batch's items with the same key merged, the later ones' values winning. */
interface Pending {
  index: number;
  key: string;
  organizationId: string;
  kind: string;
  heldOn: string;
  attendees: number | null;
  topic: string | null;
  newId: string;
}

/** The identity of an event: its organization, kind and day. */
export const orgLifeEventKey = (e: { organizationId: string; kind: string; heldOn: string }) =>
  `${e.organizationId}|${e.kind}|${e.heldOn}`;

export class OrgLifeService {
  constructor(private readonly graph: Graph) {}

  async record(input: NewOrgLifeEvent[]): Promise<OrgLifeEventsRecorded> {
    if (input.length === 0) throw badInput("input", "give at least one event");
    if (input.length > MAX_BATCH) throw badInput("input", `at most ${MAX_BATCH} events per call, got ${input.length}`);
    const pending = new Map<string, Pending>();
    input.forEach((item, index) => {
      const at = `input[${index}]`;
      requireNotFuture(`${at}.heldOn`, item.heldOn);
      requireNonNegative(`${at}.attendees`, item.attendees, { integer: true });
      const topic =
        item.topic === null || item.topic === undefined ? null : requireText(`${at}.topic`, item.topic, TOPIC_MAX);
      if (item.organizationId.trim() === "") throw badInput(`${at}.organizationId`, "organizationId must not be empty");
      const key = orgLifeEventKey(item);
      const earlier = pending.get(key);
      pending.set(key, {
        index: earlier?.index ?? index,
        key,
        organizationId: item.organizationId,
        kind: item.kind,
        heldOn: item.heldOn,
        attendees: item.attendees ?? earlier?.attendees ?? null,
        topic: topic ?? earlier?.topic ?? null,
        newId: earlier?.newId ?? randomUUID(),
      });
    });
    const events = [...pending.values()];
    const ids = [...new Set(events.map((e) => e.organizationId))];

    return this.graph.write(
      { operation: "recordOrgLifeEvents", subjectIds: (result) => [...result.events.map((e) => e.id), ...ids] },
      async (run) => {
        const found = await run<{ id: string; foundedOn: string | null }>("org-life/organizations", { ids });
        const organizations = new Map(found.map((o) => [o.id, o]));
        for (const event of events) {
          const at = `input[${event.index}]`;
          const organization = organizations.get(event.organizationId);
          if (!organization)
            throw badInput(`${at}.organizationId`, `no party organization has id ${event.organizationId}`);
          if (organization.foundedOn && event.heldOn < organization.foundedOn) {
            throw badInput(
              `${at}.heldOn`,
              `heldOn ${event.heldOn} is before ${event.organizationId} was founded (${organization.foundedOn})`,
            );
          }
        }
        const rows = await run<{ event: Omit<OrgLifeEventRecord, "created">; newId: string }>("org-life/record", {
          events: events.map((e) => ({ ...e, heldOn: neo4jDate(e.heldOn) })),
        });
        const written = rows.map(({ event, newId }) => ({ ...event, created: event.id === newId }));
        const created = written.filter((e) => e.created).length;
        return { events: written, created, existing: written.length - created };
      },
    );
  }
}
