/**
 * Pairing network view (pairingNetwork): the region's pairings, parties and councils drawn with
 * a force layout, coloured by kind, weak villages without a pairing ringed, filters by kind,
 * details of the clicked node, and a path finder (connectionPath).
 */
import { useMemo, useState } from "react";
import { useQuery } from "../../api";
import { ErrorNote } from "../../components/ErrorNote";
import { RegionTree } from "../../components/RegionTree";
import { useI18n } from "../../i18n";
import { href, navigate } from "../../route";
import { PAIRING_KINDS, type PairingKind } from "../../types";
import { ForceGraph } from "./ForceGraph";
import { colourOf, EDGE_FIELDS, LEGEND_TYPES, NODE_FIELDS, PAIRING_COLOURS, TYPE_COLOURS, type NetworkEdge, type NetworkNode } from "./network";
import { NodeDetails } from "./NodeDetails";
import { PathFinder, type FoundPath } from "./PathFinder";

interface Network {
  truncated: boolean;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  stats: { pairings: number; components: number; weakVillagesUnpaired: number };
}

const NETWORK = `query ($code: String!, $kinds: [PairingKind!], $ended: Boolean!, $councils: Boolean!) {
  pairingNetwork(regionCode: $code, kinds: $kinds, includeEnded: $ended, includeCouncils: $councils) {
    truncated nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } stats { pairings components weakVillagesUnpaired }
  }
}`;
// At most 500 per page; a district has far fewer weak villages.
const WEAK_UNPAIRED = `query ($code: String!) {
  coverageGaps(regionCode: $code, kinds: [WEAK_VILLAGE_UNPAIRED], first: 500) { edges { node { subjectId subjectName } } }
}`;

interface Props {
  roots: string[];
  params: URLSearchParams;
}

export function NetworkPage({ roots, params }: Props) {
  const { t, label } = useI18n();
  const code = params.get("region") ?? roots[0]!;
  const kinds = (params.get("kinds")?.split(",") ?? []).filter((kind): kind is PairingKind => (PAIRING_KINDS as readonly string[]).includes(kind));
  const ended = params.get("ended") === "1";
  const councils = params.get("councils") !== "0";
  const focus = params.get("focus") ?? undefined;
  const go = (changes: { region?: string; kinds?: PairingKind[]; ended?: boolean; councils?: boolean; focus?: string }) =>
    navigate("network", {
      region: changes.region ?? code,
      kinds: (changes.kinds ?? kinds).join(","),
      ended: (changes.ended ?? ended) ? "1" : undefined,
      councils: (changes.councils ?? councils) ? undefined : "0",
      focus: "focus" in changes ? changes.focus : focus,
    });

  const network = useQuery<{ pairingNetwork: Network }>(NETWORK, { code, kinds: kinds.length ? kinds : null, ended, councils });
  const weak = useQuery<{ coverageGaps: { edges: Array<{ node: { subjectId: string; subjectName: string } }> } }>(WEAK_UNPAIRED, { code });
  const [path, setPath] = useState<FoundPath>();
  const [ends, setEnds] = useState<{ from: string; to: string }>({ from: "", to: "" });

  const data = network.data?.pairingNetwork;
  const weakVillages = weak.data?.coverageGaps.edges.map((edge) => edge.node) ?? [];
  // A weak village without a pairing is drawn as its village Party organization, when that is in the network.
  const flagged = useMemo(() => {
    const codes = new Set(weakVillages.map((village) => village.subjectId));
    return new Set(
      (data?.nodes ?? []).filter((node) => node.attributes.category === "VILLAGE" && node.regionCode && codes.has(node.regionCode)).map((node) => node.id),
    );
  }, [data, weak.data]);
  const drawnRegions = new Set((data?.nodes ?? []).filter((node) => flagged.has(node.id)).map((node) => node.regionCode));
  const pathIds = useMemo(() => new Set([...(path?.nodes.map((node) => node.id) ?? []), ...(path?.edges.map((edge) => edge.id) ?? [])]), [path]);
  const selected = data?.nodes.find((node) => node.id === focus);

  return (
    <div className="with-sidebar">
      <RegionTree roots={roots} selected={code} onSelect={(region) => go({ region, focus: undefined })} />
      <section className="content network-page">
        <div className="toolbar">
          <span>{t("net.kinds")}</span>
          {PAIRING_KINDS.map((kind) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                checked={kinds.includes(kind)}
                onChange={() => go({ kinds: kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind] })}
              />
              <i className="swatch" style={{ background: PAIRING_COLOURS[kind] }} />
              {label("pairing", kind)}
            </label>
          ))}
          <label className="check">
            <input type="checkbox" checked={ended} onChange={() => go({ ended: !ended })} />
            {t("net.includeEnded")}
          </label>
          <label className="check">
            <input type="checkbox" checked={councils} onChange={() => go({ councils: !councils })} />
            {t("net.includeCouncils")}
          </label>
        </div>
        <ErrorNote error={network.error ?? weak.error} />
        {network.loading && !data && <p>{t("loading")}</p>}
        {data && (
          <div className="network-layout">
            <div className="network-canvas">
              <p data-testid="network-summary" data-nodes={data.nodes.length}>
                {t("net.summary", { nodes: data.nodes.length, edges: data.edges.length, pairings: data.stats.pairings, components: data.stats.components })}
                {data.truncated && <b> {t("net.truncated")}</b>}
              </p>
              <ForceGraph
                nodes={data.nodes}
                edges={data.edges}
                colourOf={colourOf}
                flagged={flagged}
                path={pathIds}
                selected={focus}
                onSelect={(id) => go({ focus: id })}
              />
              <div className="legend">
                <b>{t("net.legend")}</b>
                {LEGEND_TYPES.map((type) => (
                  <span key={type}>
                    <i className="swatch" style={{ background: TYPE_COLOURS[type] }} />
                    {label("type", type)}
                  </span>
                ))}
                <span>
                  <i className="swatch flagged" />
                  {t("net.weakUnpaired")}
                </span>
              </div>
            </div>
            <aside className="network-side">
              <NodeDetails
                node={selected}
                missing={focus !== undefined && !selected ? focus : undefined}
                nodes={data.nodes}
                edges={data.edges}
                onSelect={(id) => go({ focus: id })}
                onPathEnd={(end, id) => setEnds({ ...ends, [end]: id })}
              />
              <PathFinder nodes={data.nodes} ends={ends} onEnds={setEnds} path={path} onPath={setPath} onSelect={(id) => go({ focus: id })} />
              <h4>
                {t("net.weakUnpaired")} ({data.stats.weakVillagesUnpaired})
              </h4>
              <small>{t("net.weakUnpairedHint")}</small>
              <ul data-testid="weak-unpaired">
                {weakVillages.map((village) => (
                  <li key={village.subjectId}>
                    <a href={href("dashboard", { region: village.subjectId })}>{village.subjectName}</a>
                    {!drawnRegions.has(village.subjectId) && <small> {t("net.notInNetwork")}</small>}
                  </li>
                ))}
              </ul>
            </aside>
          </div>
        )}
      </section>
    </div>
  );
}
