/**
 * How two organizations are connected (connectionPath): the shortest chain through pairings,
 * councils, subordination and coverage. Both ends are picked by name from the network's
 * organizations; the chain is listed here and drawn bold in the network wherever its nodes are in it.
 */
import { useState } from "react";
import { gql } from "../../api";
import { ErrorNote } from "../../components/ErrorNote";
import { useI18n } from "../../i18n";
import { NamePicker, type Choice } from "./NamePicker";
import { EDGE_FIELDS, NODE_FIELDS, type NetworkEdge, type NetworkNode } from "./network";

export interface FoundPath {
  found: boolean;
  hops: number | null;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

const PATH = `query ($from: ID!, $to: ID!, $maxHops: Int!) {
  connectionPath(fromId: $from, toId: $to, maxHops: $maxHops) { found hops nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } }
}`;

interface Ends {
  from: string;
  to: string;
}

interface Props {
  /** The organizations an end may be. */
  choices: Choice[];
  nodes: NetworkNode[];
  /** A node's name as the network shows it (a pairing's outside the network: its kind). */
  nameOf: (node: NetworkNode) => string;
  ends: Ends;
  onEnds: (ends: Ends) => void;
  path: FoundPath | undefined;
  onPath: (path: FoundPath | undefined) => void;
  onSelect: (id: string) => void;
}

export function PathFinder({ choices, nodes, nameOf, ends, onEnds, path, onPath, onSelect }: Props) {
  const { t, label } = useI18n();
  const [maxHops, setMaxHops] = useState(6);
  const [error, setError] = useState<Error>();
  const inNetwork = new Set(nodes.map((node) => node.id));

  const find = () => {
    onPath(undefined);
    gql<{ connectionPath: FoundPath }>(PATH, { ...ends, maxHops }).then(
      ({ connectionPath }) => (setError(undefined), onPath(connectionPath)),
      setError,
    );
  };

  return (
    <form
      className="path-finder"
      onSubmit={(event) => {
        event.preventDefault();
        find();
      }}
    >
      <h4>{t("net.path")}</h4>
      {(["from", "to"] as const).map((end) => (
        <label key={end}>
          {t(`net.${end}`)}
          <NamePicker
            name={end}
            placeholder={t("net.typeName")}
            choices={choices}
            value={ends[end]}
            onPick={(id) => onEnds({ ...ends, [end]: id })}
          />
        </label>
      ))}
      <label>
        {t("net.maxHops")}
        <input
          type="number"
          min={1}
          max={12}
          value={maxHops}
          onChange={(event) => setMaxHops(Number(event.target.value))}
        />
      </label>
      <button type="submit" disabled={!ends.from || !ends.to}>
        {t("net.find")}
      </button>
      <ErrorNote error={error} />
      {path && (
        <div data-testid="path">
          {path.found ? t("net.pathFound", { hops: path.hops ?? 0 }) : t("net.pathNone", { hops: maxHops })}
          <ol>
            {path.nodes.map((node, i) => (
              <li key={node.id}>
                {i > 0 && <div className="path-edge">↕ {label("edge", path.edges[i - 1]?.type)}</div>}
                <span className="path-node">
                  {inNetwork.has(node.id) ? (
                    <a href="#" onClick={(event) => (event.preventDefault(), onSelect(node.id))}>
                      {nameOf(node)}
                    </a>
                  ) : (
                    nameOf(node)
                  )}
                </span>{" "}
                <small>{label("type", node.type)}</small>
              </li>
            ))}
          </ol>
        </div>
      )}
    </form>
  );
}
