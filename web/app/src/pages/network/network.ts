/** The pairing network as the API returns it, and how the view colours and names it. */
import { NODE_TYPES, type NodeType, type PairingKind } from "../../types";

export interface NetworkAttributes {
  kind: string | null;
  category: string | null;
  status: string | null;
  isWeak: boolean | null;
  formalMembers: number | null;
  memberUnits: number | null;
  partiesOutOfScope: number | null;
  members: number | null;
  fundsCommitted: number | null;
  startedOn: string | null;
  endedOn: string | null;
  lastMeetingOn: string | null;
}

export interface NetworkNode {
  id: string;
  type: NodeType;
  label: string;
  regionCode: string | null;
  attributes: NetworkAttributes;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  role: string | null;
}

export const NODE_FIELDS = `id type label regionCode attributes {
  kind category status isWeak formalMembers memberUnits partiesOutOfScope members fundsCommitted startedOn endedOn lastMeetingOn
}`;
export const EDGE_FIELDS = "id source target type role";

/** Pairings by their kind, every other node by its type: the two legends of the view. */
export const PAIRING_COLOURS: Record<PairingKind, string> = {
  INSTITUTION_VILLAGE: "#bcbd22",
  STRONG_WEAK: "#ff7f0e",
  ENTERPRISE_VILLAGE: "#9467bd",
  REGIONAL_ALLIANCE: "#8c564b",
  URBAN_RURAL: "#e377c2",
};
export const TYPE_COLOURS: Record<Exclude<NodeType, "PAIRING">, string> = {
  PARTY_ORGANIZATION: "#c0392b",
  INSTITUTION: "#1f77b4",
  TWO_NEW_ORGANIZATION: "#2ca02c",
  JOINT_COUNCIL: "#17becf",
};
export const LEGEND_TYPES = NODE_TYPES.filter((type): type is Exclude<NodeType, "PAIRING"> => type !== "PAIRING");

export function colourOf(node: NetworkNode): string {
  if (node.type === "PAIRING") return PAIRING_COLOURS[node.attributes.kind as PairingKind] ?? "#999";
  return TYPE_COLOURS[node.type];
}

/** The prefix of the i18n labels for a node's `kind`, which means something else for each type. */
export const KIND_LABELS: Record<NodeType, string> = {
  PARTY_ORGANIZATION: "orgKind",
  INSTITUTION: "institutionKind",
  TWO_NEW_ORGANIZATION: "twoNewType",
  PAIRING: "pairing",
  JOINT_COUNCIL: "councilKind",
};

/**
 * A node's name on the page. A pairing is named by its kind (in the page's labels, not the API's
 * words) and the parties the asker may see.
 */
export function nameOf(
  node: NetworkNode,
  parties: string[],
  label: (prefix: string, value: string | null) => string,
): string {
  if (node.type !== "PAIRING") return node.label;
  const kind = label("pairing", node.attributes.kind);
  return parties.length ? `${kind}：${parties.join("、")}` : kind;
}

/** A weak village's Party organization (软弱涣散, or listed as a weak village without a pairing). */
export const isWeakVillageOrg = (node: NetworkNode, unpairedVillages: Set<string>) =>
  node.type === "PARTY_ORGANIZATION" &&
  node.attributes.category === "VILLAGE" &&
  (!!node.attributes.isWeak || (!!node.regionCode && unpairedVillages.has(node.regionCode)));

/** What the drawing brings out: the type (colours of the legend), weak villages, or size by members. */
export const ENCODINGS = ["type", "weak", "members"] as const;
export type Encoding = (typeof ENCODINGS)[number];

const WEAK_COLOURS = { weak: "#c62828", village: "#2e7d32", other: "#c8c8c8" } as const;

/** A node's fill and radius under an encoding; `weak` holds the weak villages' organizations. */
export function styleOf(encoding: Encoding, node: NetworkNode, weak: Set<string>): { fill: string; r: number } {
  const r = node.type === "PAIRING" ? 4 : 6;
  if (encoding === "weak") {
    const village = node.type === "PARTY_ORGANIZATION" && node.attributes.category === "VILLAGE";
    return { fill: weak.has(node.id) ? WEAK_COLOURS.weak : village ? WEAK_COLOURS.village : WEAK_COLOURS.other, r };
  }
  if (encoding === "members") {
    // Formal Party members of an organization, people on a council: the area grows with them.
    const members = node.attributes.formalMembers ?? node.attributes.members ?? 0;
    return { fill: colourOf(node), r: node.type === "PAIRING" ? r : 3 + 1.6 * Math.sqrt(members) };
  }
  return { fill: colourOf(node), r };
}

/**
 * The neighbourhood of a node in a network: the edges at it (at an institution's Party
 * organizations too), and through the pairings and councils it takes part in, their other
 * parties: a party's neighbours are its pairings' other parties.
 */
export function neighbourhood(
  id: string,
  network: { nodes: NetworkNode[]; edges: NetworkEdge[] },
): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const at = (node: string) => network.edges.filter((edge) => edge.source === node || edge.target === node);
  const byId = new Map(network.nodes.map((node) => [node.id, node]));
  // An institution takes part through its own Party organizations.
  const selves = [
    id,
    ...network.edges.filter((edge) => edge.type === "HAS_PARTY_ORG" && edge.source === id).map((edge) => edge.target),
  ];
  const first = selves.flatMap(at);
  const hubs = first
    .flatMap((edge) => [edge.source, edge.target])
    .filter((node) => byId.get(node)?.type === "PAIRING" || byId.get(node)?.type === "JOINT_COUNCIL");
  const edges = [...new Map([...first, ...hubs.flatMap(at)].map((edge) => [edge.id, edge])).values()];
  const ids = new Set([id, ...edges.flatMap((edge) => [edge.source, edge.target])]);
  return {
    nodes: [...ids].map((node) => byId.get(node)).filter((node): node is NetworkNode => node !== undefined),
    edges,
  };
}
