/**
 * What the view knows of the clicked node: its facts (enum values by their labels), its
 * neighbours, and "path from/to here". A pairing with parties outside the asker's regions says
 * so without naming them.
 */
import { Fragment } from "react";
import { useI18n } from "../../i18n";
import { href } from "../../route";
import { KIND_LABELS, type NetworkAttributes, type NetworkEdge, type NetworkNode } from "./network";

interface Props {
  node: NetworkNode | undefined;
  /** The id asked for (a link from a gap) when it is not in this network. */
  missing: string | undefined;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  nameOf: (node: NetworkNode) => string;
  onSelect: (id: string) => void;
  onPathEnd: (end: "from" | "to", id: string) => void;
  /** Brings in the node's neighbourhood beyond the region shown (as a double click does). */
  onExpand: (id: string) => void;
}

export function NodeDetails({ node, missing, nodes, edges, nameOf, onSelect, onPathEnd, onExpand }: Props) {
  const { t, label } = useI18n();
  if (!node) return <p className="hint">{missing ? t("net.focusMissing", { id: missing }) : t("net.clickHint")}</p>;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const neighbours = edges
    .filter((edge) => edge.source === node.id || edge.target === node.id)
    .map((edge) => ({ edge, other: byId.get(edge.source === node.id ? edge.target : edge.source)! }));
  const facts = (
    Object.entries(node.attributes) as Array<[keyof NetworkAttributes, NetworkAttributes[keyof NetworkAttributes]]>
  ).filter(([key, value]) => value !== null && key !== "partiesOutOfScope");
  const hidden = node.attributes.partiesOutOfScope ?? 0;
  const show = (key: keyof NetworkAttributes, value: string | number | boolean) => {
    if (typeof value === "boolean") return t(value ? "yes" : "no");
    if (key === "kind") return label(KIND_LABELS[node.type], String(value));
    if (key === "category") return label("category", String(value));
    if (key === "status") return label(node.type === "PAIRING" ? "pairingStatus" : "orgStatus", String(value));
    return String(value);
  };
  return (
    <div className="details" data-testid="node-details">
      <h4>{nameOf(node)}</h4>
      {hidden > 0 && (
        <p className="out-of-scope" data-testid="out-of-scope">
          {t("net.outOfScope", { n: hidden })}
        </p>
      )}
      <dl>
        <dt>{t("attr.type")}</dt>
        <dd>{label("type", node.type)}</dd>
        {node.regionCode && (
          <>
            <dt>{t("attr.regionCode")}</dt>
            <dd>
              <a href={href("dashboard", { region: node.regionCode })}>{node.regionCode}</a>
            </dd>
          </>
        )}
        {facts.map(([key, value]) => (
          <Fragment key={key}>
            <dt>{t(`attr.${key}`)}</dt>
            <dd>{show(key, value!)}</dd>
          </Fragment>
        ))}
      </dl>
      <div className="row">
        <button type="button" onClick={() => onPathEnd("from", node.id)}>
          {t("net.setFrom")}
        </button>
        <button type="button" onClick={() => onPathEnd("to", node.id)}>
          {t("net.setTo")}
        </button>
        {node.type !== "PAIRING" && (
          <button type="button" onClick={() => onExpand(node.id)} data-testid="expand">
            {t("net.expand")}
          </button>
        )}
      </div>
      <h5>{t("net.neighbours")}</h5>
      <ul>
        {neighbours.map(({ edge, other }) => (
          <li key={edge.id}>
            <small>{label("edge", edge.type)}</small>{" "}
            <a href="#" onClick={(event) => (event.preventDefault(), onSelect(other.id))}>
              {nameOf(other)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
