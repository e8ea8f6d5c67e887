/** The pairing network as the API returns it, and how the view colours it. */
import { NODE_TYPES, type NodeType, type PairingKind } from "../../types";

export interface NetworkAttributes {
  kind: string | null;
  category: string | null;
  status: string | null;
  isWeak: boolean | null;
  formalMembers: number | null;
  memberUnits: number | null;
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
  kind category status isWeak formalMembers memberUnits members fundsCommitted startedOn endedOn lastMeetingOn
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
