/**
 * Pairing networks (联建共建) for front ends, and the shortest connection between two
 * organizations. The network is read with a bounded number of rows (at most the node cap
 * of pairings and of councils) and assembled into nodes, edges and components here. With kept
 * analytics it is remembered by its region's stamp, and after a write it is refreshed: only
 * the pairings and councils that show what the catch-ups touched are read again.
 */
import neo4j from "neo4j-driver";
import { VersionedMemo, type Held } from "../cache/versioned-memo.js";
import type { Graph } from "../database/graph.js";
import {
  PairingKind,
  type InstitutionKind,
  type JointCouncilKind,
  type OrganizationStatus,
  type PairingRole,
  type PairingStatus,
  type PartyOrganizationCategory,
  type PartyOrganizationKind,
  type TwoNewOrganizationType,
} from "../domain/enums.js";
import { badInput } from "../errors/errors.js";
import type { CoverageService } from "../coverage/coverage.service.js";
import type { KeptRegion } from "../coverage/kept/kept-reads.js";
import type { NetworkChanges } from "../coverage/kept/network-steps.js";
import { requireRegion } from "../region/region.lookup.js";
import {
  NetworkEdgeType,
  NetworkNodeType,
  type ConnectionPath,
  type NetworkAttributes,
  type NetworkEdge,
  type NetworkNode,
  type PairingNetwork,
} from "./pairing.types.js";

export const MAX_PATH_HOPS = 12;

interface OrgRow {
  id: string;
  name: string;
  kind: string;
  category: string;
  status: string;
  isWeak: boolean | null;
  regionCode: string | null;
  formalMembers: number;
  institution?: UnitRow | null;
}
interface UnitRow {
  id: string;
  name: string;
  kind: string;
  regionCode: string | null;
  formalMembers?: number;
}
interface PairingRow {
  pairing: {
    id: string;
    kind: PairingKind;
    status: string;
    startedOn: string | null;
    endedOn: string | null;
    fundsCommitted: number | null;
  };
  regionCode: string;
  partyCount: number;
  parties: Array<{ role: PairingRole; organization: OrgRow; institution: UnitRow | null }>;
}
interface CouncilRow {
  council: { id: string; name: string; kind: string };
  regionCode: string;
  members: number;
  lastMeetingOn: string | null;
  conveners: string[];
  units: string[];
  organizations: OrgRow[];
  institutions: UnitRow[];
  twoNewOrganizations: UnitRow[];
}

export interface NetworkRequest {
  regionCode: string;
  kinds?: PairingKind[] | null;
  includeEnded: boolean;
  includeCouncils: boolean;
}

const edge = (type: NetworkEdgeType, source: string, target: string, role: PairingRole | null = null): NetworkEdge => ({
  id: `${type}:${source}:${target}`,
  source,
  target,
  type,
  role,
});

/** Nodes and edges collected without duplicates; a group is added whole or, past the cap, not at all. */
class NetworkBuilder {
  readonly nodes = new Map<string, NetworkNode>();
  readonly edges = new Map<string, NetworkEdge>();
  truncated = false;

  constructor(private readonly cap: number) {}

  /** Adds one pairing or council with its neighbours, unless that would pass the cap. */
  addGroup(nodes: NetworkNode[], edges: NetworkEdge[]): boolean {
    const fresh = new Set(nodes.filter((n) => !this.nodes.has(n.id)).map((n) => n.id));
    if (this.nodes.size + fresh.size > this.cap) {
      this.truncated = true;
      return false;
    }
    for (const node of nodes) if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
    for (const e of edges) this.edges.set(e.id, e);
    return true;
  }
}

/**
 * The node's kind, category and status also as the enum of its type: the text fields mix
 * several closed sets, the typed ones let a client switch on them.
 */
function typed(node: NetworkNode): NetworkNode {
  const { kind, category, status } = node.attributes;
  const byType: Record<NetworkNodeType, Partial<NetworkAttributes>> = {
    [NetworkNodeType.PARTY_ORGANIZATION]: {
      partyOrganizationKind: kind as PartyOrganizationKind,
      partyOrganizationCategory: category as PartyOrganizationCategory,
      organizationStatus: status as OrganizationStatus,
    },
    [NetworkNodeType.INSTITUTION]: { institutionKind: kind as InstitutionKind },
    [NetworkNodeType.TWO_NEW_ORGANIZATION]: { twoNewOrganizationType: kind as TwoNewOrganizationType },
    [NetworkNodeType.PAIRING]: { pairingKind: kind as PairingKind, pairingStatus: status as PairingStatus },
    [NetworkNodeType.JOINT_COUNCIL]: { councilKind: kind as JointCouncilKind },
  };
  return { ...node, attributes: { ...node.attributes, ...byType[node.type] } };
}

function orgNode(org: OrgRow): NetworkNode {
  return {
    id: org.id,
    type: NetworkNodeType.PARTY_ORGANIZATION,
    label: org.name,
    regionCode: org.regionCode,
    attributes: {
      kind: org.kind,
      category: org.category,
      status: org.status,
      isWeak: org.isWeak ?? false,
      formalMembers: org.formalMembers,
    },
  };
}

function unitNode(type: NetworkNodeType, unit: UnitRow): NetworkNode {
  const attributes: NetworkAttributes = { kind: unit.kind };
  if (unit.formalMembers !== undefined) attributes.formalMembers = unit.formalMembers;
  return { id: unit.id, type, label: unit.name, regionCode: unit.regionCode, attributes };
}

/** A party organization with the institution it belongs to (HAS_PARTY_ORG), if any. */
function orgWithInstitution(
  org: OrgRow,
  institution: UnitRow | null | undefined,
): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  if (!institution) return { nodes: [orgNode(org)], edges: [] };
  return {
    nodes: [orgNode(org), unitNode(NetworkNodeType.INSTITUTION, institution)],
    edges: [edge(NetworkEdgeType.HAS_PARTY_ORG, institution.id, org.id)],
  };
}

const KIND_WORDS: Record<PairingKind, string> = {
  INSTITUTION_VILLAGE: "结对共建",
  STRONG_WEAK: "强村带弱村",
  ENTERPRISE_VILLAGE: "村企联建",
  REGIONAL_ALLIANCE: "区域联建",
  URBAN_RURAL: "城乡共建",
};

/**
 * A network as remembered: the answer, and the rows it was assembled from, so that a write can be
 * applied by re-reading only the pairings and councils it touched. `whole` when no read was cut
 * at the cap (a cut one is read anew: rows past the cap were never seen).
 */
interface KeptNetwork {
  network: PairingNetwork;
  pairings: PairingRow[];
  councils: CouncilRow[];
  whole: boolean;
}

/** The ids a pairing row shows: the pairing, its parties and their institutions. */
const pairingShows = (row: PairingRow): string[] => [
  row.pairing.id,
  ...row.parties.flatMap((p) => [p.organization.id, ...(p.institution ? [p.institution.id] : [])]),
];

/** The ids a council row shows: the council, its conveners, units and their institutions. */
const councilShows = (row: CouncilRow): string[] => [
  row.council.id,
  ...row.conveners,
  ...row.units,
  ...row.organizations.flatMap((o) => [o.id, ...(o.institution ? [o.institution.id] : [])]),
  ...row.institutions.map((i) => i.id),
  ...row.twoNewOrganizations.map((t) => t.id),
];

/** Connected components of the network's nodes over its edges (union-find). */
function components(nodes: NetworkNode[], edges: NetworkEdge[]): number {
  const parent = new Map(nodes.map((n) => [n.id, n.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  let count = nodes.length;
  for (const e of edges) {
    if (!parent.has(e.source) || !parent.has(e.target)) continue;
    const [a, b] = [root(e.source), root(e.target)];
    if (a !== b) {
      parent.set(a, b);
      count -= 1;
    }
  }
  return count;
}

export class NetworkService {
  /** `answers` is shared by every request; a network depends on the asker's scope, so its key names it. */
  constructor(
    private readonly graph: Graph,
    private readonly coverage: CoverageService,
    private readonly maxNodes: number,
    private readonly answers = new VersionedMemo(0),
  ) {}

  async network(request: NetworkRequest): Promise<PairingNetwork> {
    // The kept row is read meanwhile: for a region not found or not visible, the lookup's error is thrown.
    const [, kept] = await Promise.all([
      requireRegion(this.graph, "regionCode", request.regionCode, { active: true }),
      this.coverage.keptRegion(request.regionCode),
    ]);
    const key = [
      "network",
      this.graph.scope?.join(",") ?? "*",
      request.regionCode,
      [...(request.kinds ?? [])].sort().join(","),
      request.includeEnded,
      request.includeCouncils,
    ].join(" ");
    const weigh = (kept: KeptNetwork) => kept.network.nodes.length + kept.network.edges.length;
    // Kept analytics stamp each region: a write elsewhere leaves this network remembered, and
    // one that reaches it is applied to the remembered rows (refresh) rather than read anew.
    const stamp = this.answers.capacity > 0 ? kept?.stamp : null;
    const answer = stamp
      ? this.answers.get(key, stamp, (previous) => this.refreshOrBuild(request, kept, stamp, previous), weigh)
      : this.graph.remembered(this.answers, key, () => this.build(request, kept), weigh);
    return (await answer).network;
  }

  /** The network at `stamp`, refreshed from the one remembered at an earlier stamp when the steps between are known. */
  private async refreshOrBuild(
    request: NetworkRequest,
    kept: KeptRegion | null,
    stamp: string,
    previous?: Held<KeptNetwork>,
  ): Promise<KeptNetwork> {
    const before = previous && (await previous.answer.catch(() => null));
    const changes = before?.whole ? await this.coverage.networkChanges(previous!.version, stamp) : null;
    return changes ? this.refresh(request, kept, before!, changes) : this.build(request, kept);
  }

  private rows(request: NetworkRequest, touching: string[] | null): Promise<[PairingRow[], CouncilRow[]]> {
    const params = {
      regionCode: request.regionCode,
      kinds: request.kinds?.length ? request.kinds : null,
      includeEnded: request.includeEnded,
      limit: neo4j.int(this.maxNodes + 1),
      touching,
    };
    return Promise.all([
      this.graph.read<PairingRow>("pairing/network-pairings", params),
      request.includeCouncils ? this.graph.read<CouncilRow>("pairing/network-councils", params) : Promise.resolve([]),
    ]);
  }

  private async build(request: NetworkRequest, kept: KeptRegion | null): Promise<KeptNetwork> {
    const [pairings, councils] = await this.rows(request, null);
    return this.assemble(request, kept, pairings, councils);
  }

  /**
   * The remembered rows with every pairing and council that shows a touched entity read again
   * (those no longer in the network are not read back, so they leave it), in id order and cut
   * at the cap exactly as a full read would be.
   */
  private async refresh(
    request: NetworkRequest,
    kept: KeptRegion | null,
    before: KeptNetwork,
    changes: NetworkChanges,
  ): Promise<KeptNetwork> {
    const touched = new Set(changes.entities);
    // Unless a region or an organization was touched, the same organizations leave out the same ones.
    const leftOut = changes.recount ? null : before;
    if (touched.size === 0) return this.assemble(request, kept, before.pairings, before.councils, leftOut);
    const [pairings, councils] = await this.rows(request, [...touched]);
    const byId =
      <R>(id: (row: R) => string) =>
      (a: R, b: R) =>
        id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;
    const merged = <R>(old: R[], fresh: R[], shows: (row: R) => string[], id: (row: R) => string) =>
      [...old.filter((row) => !shows(row).some((entity) => touched.has(entity))), ...fresh]
        .sort(byId(id))
        .slice(0, this.maxNodes + 1);
    return this.assemble(
      request,
      kept,
      merged(before.pairings, pairings, pairingShows, (row) => row.pairing.id),
      merged(before.councils, councils, councilShows, (row) => row.council.id),
      leftOut,
    );
  }

  /**
   * Nodes, edges and figures from the rows (and the region's `kept` row, for its weak villages);
   * with `before`, its count of left-out village organizations if its organizations are the same.
   */
  private async assemble(
    request: NetworkRequest,
    kept: KeptRegion | null,
    pairings: PairingRow[],
    councils: CouncilRow[],
    before: KeptNetwork | null = null,
  ): Promise<KeptNetwork> {
    const builder = new NetworkBuilder(this.maxNodes);
    const byKind = new Map(Object.values(PairingKind).map((kind) => [kind, 0]));
    for (const { pairing, regionCode, partyCount, parties } of pairings) {
      const helper = parties.find((p) => p.role === "HELPER")?.organization.name;
      const recipient = parties.find((p) => p.role === "RECIPIENT")?.organization.name;
      const pairingNode: NetworkNode = {
        id: pairing.id,
        type: NetworkNodeType.PAIRING,
        label: `${KIND_WORDS[pairing.kind]}: ${helper && recipient ? `${helper} → ${recipient}` : parties.map((p) => p.organization.name).join("、")}`,
        regionCode,
        attributes: {
          kind: pairing.kind,
          status: pairing.status,
          memberUnits: parties.length,
          fundsCommitted: pairing.fundsCommitted,
          startedOn: pairing.startedOn,
          endedOn: pairing.endedOn,
          partiesOutOfScope: partyCount - parties.length,
        },
      };
      const parts = parties.map((p) => orgWithInstitution(p.organization, p.institution));
      const added = builder.addGroup(
        [pairingNode, ...parts.flatMap((p) => p.nodes)],
        [
          ...parties.map((p) => edge(NetworkEdgeType.PARTY_TO, p.organization.id, pairing.id, p.role)),
          ...parts.flatMap((p) => p.edges),
        ],
      );
      if (added) byKind.set(pairing.kind, byKind.get(pairing.kind)! + 1);
    }
    for (const row of councils) {
      const councilNode: NetworkNode = {
        id: row.council.id,
        type: NetworkNodeType.JOINT_COUNCIL,
        label: row.council.name,
        regionCode: row.regionCode,
        attributes: {
          kind: row.council.kind,
          memberUnits: row.units.length,
          members: row.members,
          lastMeetingOn: row.lastMeetingOn,
        },
      };
      const parts = row.organizations.map((o) => orgWithInstitution(o, o.institution));
      builder.addGroup(
        [
          councilNode,
          ...parts.flatMap((p) => p.nodes),
          ...row.institutions.map((i) => unitNode(NetworkNodeType.INSTITUTION, i)),
          ...row.twoNewOrganizations.map((t) => unitNode(NetworkNodeType.TWO_NEW_ORGANIZATION, t)),
        ],
        [
          ...row.conveners.map((id) => edge(NetworkEdgeType.CONVENED_BY, row.council.id, id)),
          ...row.units.map((id) => edge(NetworkEdgeType.MEMBER_UNIT_OF, id, row.council.id)),
          ...parts.flatMap((p) => p.edges),
        ],
      );
    }
    // Rows beyond the query limit were never read: the network is cut there too.
    if (pairings.length > this.maxNodes || councils.length > this.maxNodes) builder.truncated = true;

    const nodes = [...builder.nodes.values()].map(typed);
    const edges = [...builder.edges.values()];
    const organizations = (list: NetworkNode[]) =>
      list
        .filter((n) => n.type === NetworkNodeType.PARTY_ORGANIZATION)
        .map((n) => n.id)
        .sort()
        .join(" ");
    const sameOrganizations = before !== null && organizations(before.network.nodes) === organizations(nodes);
    const [weak, [structure]] = await Promise.all([
      this.coverage.weakVillagePairing(request.regionCode, kept),
      sameOrganizations
        ? [{ isolatedVillageOrganizations: before.network.stats.isolatedVillageOrganizations }]
        : this.graph.read<{ isolatedVillageOrganizations: number }>("pairing/network-structure", {
            ids: nodes.map((n) => n.id),
            regionCode: request.regionCode,
          }),
    ]);
    const count = (type: NetworkNodeType) => nodes.filter((n) => n.type === type).length;
    const network: PairingNetwork = {
      nodes,
      edges,
      truncated: builder.truncated,
      stats: {
        pairings: count(NetworkNodeType.PAIRING),
        byKind: [...byKind].map(([kind, n]) => ({ kind, count: n })),
        partyOrganizations: count(NetworkNodeType.PARTY_ORGANIZATION),
        institutions: count(NetworkNodeType.INSTITUTION),
        weakVillagesPaired: weak.paired,
        weakVillagesUnpaired: weak.unpaired,
        components: components(nodes, edges),
        isolatedVillageOrganizations: structure?.isolatedVillageOrganizations ?? 0,
      },
    };
    return { network, pairings, councils, whole: pairings.length <= this.maxNodes && councils.length <= this.maxNodes };
  }

  async connectionPath(fromId: string, toId: string, maxHops: number): Promise<ConnectionPath> {
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_PATH_HOPS) {
      throw badInput("maxHops", `maxHops must be a whole number from 1 to ${MAX_PATH_HOPS}, got ${maxHops}`);
    }
    if (fromId === toId) throw badInput("toId", "fromId and toId name the same organization");
    const known = new Set(
      (await this.graph.read<{ id: string }>("pairing/known-organizations", { ids: [fromId, toId] })).map((r) => r.id),
    );
    for (const [field, id] of [
      ["fromId", fromId],
      ["toId", toId],
    ] as const) {
      if (!known.has(id))
        throw badInput(
          field,
          `no party organization, institution, two-new organization, pairing or council has id ${id}`,
        );
    }
    const [row] = await this.graph.read<{
      nodes: Array<{ labels: string[]; node: OrgRow & { type?: string } }>;
      relationships: Array<{ type: NetworkEdgeType; role: PairingRole | null; source: string; target: string }>;
    }>("pairing/connection-path", { fromId, toId, maxHops: neo4j.int(maxHops) });
    if (!row) return { found: false, hops: null, nodes: [], edges: [] };
    return {
      found: true,
      hops: row.relationships.length,
      nodes: row.nodes.map(({ labels, node }) => typed(pathNode(labels, node))),
      edges: row.relationships.map((r) => edge(r.type, r.source, r.target, r.role ?? null)),
    };
  }
}

const TYPE_OF_LABEL: Record<string, NetworkNodeType> = {
  PartyOrganization: NetworkNodeType.PARTY_ORGANIZATION,
  Institution: NetworkNodeType.INSTITUTION,
  TwoNewOrganization: NetworkNodeType.TWO_NEW_ORGANIZATION,
  Pairing: NetworkNodeType.PAIRING,
  JointCouncil: NetworkNodeType.JOINT_COUNCIL,
};

function pathNode(labels: string[], node: OrgRow & { type?: string }): NetworkNode {
  const type = TYPE_OF_LABEL[labels.find((l) => l in TYPE_OF_LABEL)!]!;
  return {
    id: node.id,
    type,
    label: node.name ?? (type === NetworkNodeType.PAIRING ? KIND_WORDS[node.kind as PairingKind] : node.id),
    regionCode: node.regionCode,
    attributes: {
      kind: node.kind ?? node.type ?? null,
      category: node.category ?? null,
      status: node.status ?? null,
      isWeak: node.isWeak ?? null,
    },
  };
}
