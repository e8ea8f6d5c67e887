/** What the view knows of the clicked node: its facts, its neighbours, and "path from/to here". */
import { Fragment } from "react";
import { useI18n } from "../../i18n";
import { href } from "../../route";
import type { NetworkAttributes, NetworkEdge, NetworkNode } from "./network";

interface Props {
  node: NetworkNode | undefined;
  /** The id asked for (a link from a gap) when it is not in this network. */
  missing: string | undefined;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  onSelect: (id: string) => void;
  onPathEnd: (end: "from" | "to", id: string) => void;
}

export function NodeDetails({ node, missing, nodes, edges, onSelect, onPathEnd }: Props) {
  const { t, label } = useI18n();
  if (!node) return <p className="hint">{missing ? t("net.focusMissing", { id: missing }) : t("net.clickHint")}</p>;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const neighbours = edges
    .filter((edge) => edge.source === node.id || edge.target === node.id)
    .map((edge) => ({ edge, other: byId.get(edge.source === node.id ? edge.target : edge.source)! }));
  const facts = (Object.entries(node.attributes) as Array<[keyof NetworkAttributes, NetworkAttributes[keyof NetworkAttributes]]>).filter(
    ([, value]) => value !== null,
  );
  const show = (key: keyof NetworkAttributes, value: string | number | boolean) =>
    typeof value === "boolean" ? t(value ? "yes" : "no") : key === "kind" && node.type === "PAIRING" ? label("pairing", String(value)) : String(value);
  return (
    <div className="details" data-testid="node-details">
      <h4>{node.label}</h4>
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
      </div>
      <h5>{t("net.neighbours")}</h5>
      <ul>
        {neighbours.map(({ edge, other }) => (
          <li key={edge.id}>
            <small>{label("edge", edge.type)}</small>{" "}
            <a href="#" onClick={(event) => (event.preventDefault(), onSelect(other.id))}>
              {other.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
