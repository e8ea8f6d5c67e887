/**
 * Pairing network view (pairingNetwork): the region's pairings, parties and councils drawn with
 * a force layout and captioned, coloured by kind, weak villages ringed in red (those without a
 * pairing drawn too, unconnected), filters by kind, search by name, details of the clicked node,
 * its neighbourhood brought in on a double click (the network of the node's own region, so
 * pairings reaching beyond the region shown), colour or size by a property, and a path finder by
 * name (connectionPath).
 */
import { useEffect, useMemo, useState } from "react";
import { gql, useQuery } from "../../api";
import { ErrorNote } from "../../components/ErrorNote";
import { RegionTree } from "../../components/RegionTree";
import { useI18n } from "../../i18n";
import { href, navigate } from "../../route";
import { PAIRING_KINDS, type PairingKind } from "../../types";
import { ForceGraph } from "./ForceGraph";
import { NamePicker, type Choice } from "./NamePicker";
import {
  EDGE_FIELDS,
  ENCODINGS,
  isWeakVillageOrg,
  LEGEND_TYPES,
  nameOf,
  neighbourhood,
  NODE_FIELDS,
  PAIRING_COLOURS,
  styleOf,
  TYPE_COLOURS,
  type Encoding,
  type NetworkEdge,
  type NetworkNode,
} from "./network";
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
// Being in no pairing, most of them are in no network: they are drawn from their organizations.
const VILLAGE_ORGS = `query ($codes: [String!]!) {
  partyOrganizations(where: { category: { eq: VILLAGE }, status: { eq: ACTIVE }, basedIn: { some: { code: { in: $codes } } } }) {
    id name kind category status isWeak formalMemberCount basedIn { code }
  }
}`;

interface VillageOrg {
  id: string;
  name: string;
  kind: string;
  category: string;
  status: string;
  isWeak: boolean | null;
  formalMemberCount: number;
  basedIn: Array<{ code: string }>;
}

const villageOrgNode = (org: VillageOrg): NetworkNode => ({
  id: org.id,
  type: "PARTY_ORGANIZATION",
  label: org.name,
  regionCode: org.basedIn[0]?.code ?? null,
  attributes: {
    kind: org.kind,
    category: org.category,
    status: org.status,
    isWeak: org.isWeak,
    formalMembers: org.formalMemberCount,
    memberUnits: null,
    partiesOutOfScope: null,
    members: null,
    fundsCommitted: null,
    startedOn: null,
    endedOn: null,
    lastMeetingOn: null,
  },
});

interface Props {
  roots: string[];
  params: URLSearchParams;
}

export function NetworkPage({ roots, params }: Props) {
  const { t, label } = useI18n();
  const code = params.get("region") ?? roots[0]!;
  const kinds = (params.get("kinds")?.split(",") ?? []).filter((kind): kind is PairingKind =>
    (PAIRING_KINDS as readonly string[]).includes(kind),
  );
  const ended = params.get("ended") === "1";
  const councils = params.get("councils") !== "0";
  const focus = params.get("focus") ?? undefined;
  const go = (changes: {
    region?: string;
    kinds?: PairingKind[];
    ended?: boolean;
    councils?: boolean;
    focus?: string;
  }) =>
    navigate("network", {
      region: changes.region ?? code,
      kinds: (changes.kinds ?? kinds).join(","),
      ended: (changes.ended ?? ended) ? "1" : undefined,
      councils: (changes.councils ?? councils) ? undefined : "0",
      focus: "focus" in changes ? changes.focus : focus,
    });

  const network = useQuery<{ pairingNetwork: Network }>(NETWORK, {
    code,
    kinds: kinds.length ? kinds : null,
    ended,
    councils,
  });
  const weak = useQuery<{ coverageGaps: { edges: Array<{ node: { subjectId: string; subjectName: string } }> } }>(
    WEAK_UNPAIRED,
    { code },
  );
  const [path, setPath] = useState<FoundPath>();
  const [ends, setEnds] = useState<{ from: string; to: string }>({ from: "", to: "" });

  const data = network.data?.pairingNetwork;
  const weakVillages = weak.data?.coverageGaps.edges.map((edge) => edge.node) ?? [];
  const unpairedCodes = useMemo(() => new Set(weakVillages.map((village) => village.subjectId)), [weak.data]);
  const villageOrgs = useQuery<{ partyOrganizations: VillageOrg[] }>(
    VILLAGE_ORGS,
    { codes: [...unpairedCodes] },
    unpairedCodes.size === 0,
  );
  const [zoomTo, setZoomTo] = useState<{ id: string }>();
  const [encoding, setEncoding] = useState<Encoding>("type");
  // Neighbourhoods brought in by double clicks, until the network asked for changes.
  const [extra, setExtra] = useState<{ nodes: NetworkNode[]; edges: NetworkEdge[]; added: Set<string> }>({
    nodes: [],
    edges: [],
    added: new Set(),
  });
  const [expansion, setExpansion] = useState<{ id: string; added: number } | { id: string; error: Error }>();
  const networkKey = JSON.stringify([code, kinds, ended, councils]);
  useEffect(() => {
    setExtra({ nodes: [], edges: [], added: new Set() });
    setExpansion(undefined);
  }, [networkKey]);

  const nodes = useMemo(() => {
    const drawn = new Set(data?.nodes.map((node) => node.id));
    const unconnected = (villageOrgs.data?.partyOrganizations ?? [])
      .filter((org) => !drawn.has(org.id))
      .map(villageOrgNode);
    const all = [...(data?.nodes ?? []), ...unconnected];
    const shown = new Set(all.map((node) => node.id));
    return [...all, ...extra.nodes.filter((node) => !shown.has(node.id))];
  }, [data, villageOrgs.data, extra]);
  const edges = useMemo(() => {
    const own = data?.edges ?? [];
    const shown = new Set(own.map((edge) => edge.id));
    return [...own, ...extra.edges.filter((edge) => !shown.has(edge.id))];
  }, [data, extra]);

  /** Brings in a node's neighbourhood from the network of its own region (which the token must see). */
  const expand = async (id: string) => {
    const node = nodes.find((n) => n.id === id);
    if (!node?.regionCode) return setExpansion({ id, added: 0 });
    try {
      const { pairingNetwork } = await gql<{ pairingNetwork: Network }>(NETWORK, {
        code: node.regionCode,
        kinds: kinds.length ? kinds : null,
        ended,
        councils,
      });
      const around = neighbourhood(id, pairingNetwork);
      const shown = new Set(nodes.map((n) => n.id));
      const added = around.nodes.filter((n) => !shown.has(n.id));
      setExtra((previous) => ({
        nodes: [...previous.nodes, ...added],
        edges: [...previous.edges, ...around.edges],
        added: new Set([...previous.added, ...added.map((n) => n.id)]),
      }));
      setExpansion({ id, added: added.length });
    } catch (error) {
      setExpansion({ id, error: error as Error });
    }
  };
  const weakIds = useMemo(
    () => new Set(nodes.filter((node) => isWeakVillageOrg(node, unpairedCodes)).map((node) => node.id)),
    [nodes, unpairedCodes],
  );
  const name = useMemo(() => {
    const byId = new Map(nodes.map((node) => [node.id, node]));
    // A pairing is named by its parties, helpers first.
    const parties = new Map<string, string[]>();
    for (const edge of [...edges].sort((a, b) => (a.role === "HELPER" ? -1 : 0) - (b.role === "HELPER" ? -1 : 0))) {
      if (edge.type === "PARTY_TO")
        parties.set(edge.target, [...(parties.get(edge.target) ?? []), byId.get(edge.source)!.label]);
    }
    return (node: NetworkNode) => nameOf(node, parties.get(node.id) ?? [], label);
  }, [nodes, edges, label]);
  const choices: Choice[] = useMemo(
    () =>
      nodes
        .filter((node) => node.type !== "PAIRING")
        .map((node) => ({ id: node.id, name: node.label, note: label("type", node.type) })),
    [nodes, label],
  );
  const pathIds = useMemo(
    () => new Set([...(path?.nodes.map((node) => node.id) ?? []), ...(path?.edges.map((edge) => edge.id) ?? [])]),
    [path],
  );
  const selected = nodes.find((node) => node.id === focus);
  const search = (id: string) => {
    go({ focus: id });
    setZoomTo({ id });
  };

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
                onChange={() =>
                  go({ kinds: kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind] })
                }
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
        <div className="row search">
          <label>
            {t("net.search")}
            <NamePicker
              name="search"
              placeholder={t("net.typeName")}
              choices={choices}
              value={focus ?? ""}
              onPick={search}
            />
          </label>
          <label>
            {t("net.encoding")}
            <select name="encoding" value={encoding} onChange={(event) => setEncoding(event.target.value as Encoding)}>
              {ENCODINGS.map((option) => (
                <option key={option} value={option}>
                  {t(`net.encoding.${option}`)}
                </option>
              ))}
            </select>
          </label>
          <small>{t("net.expandHint")}</small>
        </div>
        {expansion && (
          <p
            className="expansion"
            data-testid="expansion"
            data-added={"added" in expansion ? expansion.added : undefined}
          >
            {"error" in expansion
              ? t("net.expandFailed", { message: expansion.error.message })
              : t("net.expanded", { n: expansion.added })}
          </p>
        )}
        <ErrorNote error={network.error ?? weak.error ?? villageOrgs.error} />
        {network.loading && !data && <p>{t("loading")}</p>}
        {data && (
          <div className="network-layout">
            <div className="network-canvas">
              <p data-testid="network-summary" data-nodes={data.nodes.length}>
                {t("net.summary", {
                  nodes: data.nodes.length,
                  edges: data.edges.length,
                  pairings: data.stats.pairings,
                  components: data.stats.components,
                })}
                {data.truncated && <b> {t("net.truncated")}</b>}
              </p>
              <ForceGraph
                nodes={nodes}
                edges={edges}
                nameOf={name}
                styleOf={(node) => styleOf(encoding, node, weakIds)}
                weak={weakIds}
                path={pathIds}
                selected={focus}
                zoomTo={zoomTo}
                expanded={extra.added}
                onSelect={(id) => go({ focus: id })}
                onExpand={expand}
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
                  <i className="swatch weak" />
                  {t("net.weak")}
                </span>
                <span>
                  <i className="swatch partial" />
                  {t("net.partial")}
                </span>
                {extra.added.size > 0 && (
                  <span>
                    <i className="swatch expanded" />
                    {t("net.expandedLegend")}
                  </span>
                )}
              </div>
            </div>
            <aside className="network-side">
              <NodeDetails
                node={selected}
                missing={focus !== undefined && !selected ? focus : undefined}
                nodes={nodes}
                edges={edges}
                nameOf={name}
                onSelect={(id) => go({ focus: id })}
                onPathEnd={(end, id) => setEnds({ ...ends, [end]: id })}
                onExpand={expand}
              />
              <PathFinder
                choices={choices}
                nodes={nodes}
                nameOf={name}
                ends={ends}
                onEnds={setEnds}
                path={path}
                onPath={setPath}
                onSelect={(id) => go({ focus: id })}
              />
              <h4>
                {t("net.weakUnpaired")} ({data.stats.weakVillagesUnpaired})
              </h4>
              <ul data-testid="weak-unpaired">
                {weakVillages.map((village) => (
                  <li key={village.subjectId}>
                    <a href={href("dashboard", { region: village.subjectId })}>{village.subjectName}</a>
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
