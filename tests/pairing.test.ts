/**
 * Pairing networks as a front end uses them: a GraphQL client over HTTP fetches the network
 * and graphology imports it as it comes (the query names `id` as graphology's `key`), then the
 * figures are checked against what the seed file itself says.
 */
import { DirectedGraph } from "graphology";
import { connectedComponents } from "graphology-components";
import { GraphQLClient, gql } from "graphql-request";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readSeedFile } from "../src/seed/loader.js";
import { asLoadedOn } from "../src/seed/seed-file.js";
import { startTestPlatform, tokenFor, type TestPlatform } from "./helpers.js";

let platform: TestPlatform;
let client: GraphQLClient;
beforeAll(async () => {
  platform = await startTestPlatform();
  client = new GraphQLClient(`${platform.url}/graphql`, {
    headers: { authorization: `Bearer ${await tokenFor("ADMIN")}` },
  });
});
afterAll(() => platform?.stop());

const NETWORK = gql`
  query Network($region: String!, $kinds: [PairingKind!], $includeEnded: Boolean, $includeCouncils: Boolean) {
    pairingNetwork(regionCode: $region, kinds: $kinds, includeEnded: $includeEnded, includeCouncils: $includeCouncils) {
      truncated
      nodes {
        key: id
        type
        label
        regionCode
        attributes {
          kind
          category
          status
          isWeak
          formalMembers
          memberUnits
        }
      }
      edges {
        key: id
        source
        target
        type
        role
      }
      stats {
        pairings
        byKind {
          kind
          count
        }
        partyOrganizations
        institutions
        weakVillagesPaired
        weakVillagesUnpaired
        components
        isolatedVillageOrganizations
      }
    }
  }
`;

interface NetworkResponse {
  pairingNetwork: {
    truncated: boolean;
    nodes: Array<{ key: string; type: string; attributes: Record<string, unknown> }>;
    edges: Array<{ key: string; source: string; target: string; type: string; role: string | null }>;
    stats: Record<string, any>;
  };
}

/** What the seed file says the network of Laixi (every pairing and council is Laixi's) must hold. */
function expectedFromSeed(includeEnded: boolean) {
  const seed = readSeedFile();
  const rel = (type: string, from?: string) =>
    seed.relationships.filter((g) => g.type === type && (!from || g.from === from)).flatMap((g) => g.rows);
  const pairings = seed.nodes.Pairing!.filter((p) => includeEnded || p.status === "ACTIVE").map((p) => p.id as string);
  const parties = new Set(
    rel("PARTY_TO")
      .filter((r) => pairings.includes(r.to))
      .map((r) => r.from),
  );
  const councils = seed.nodes.JointCouncil!.map((c) => c.id as string);
  const units = rel("MEMBER_UNIT_OF").filter((r) => councils.includes(r.to));
  const conveners = rel("CONVENED_BY").map((r) => r.to);
  const orgs = new Set([...parties, ...conveners, ...units.filter((u) => u.from.startsWith("po-")).map((u) => u.from)]);
  const institutionOf = rel("HAS_PARTY_ORG").filter((r) => orgs.has(r.to));
  const institutions = new Set([
    ...institutionOf.map((r) => r.from),
    ...units.filter((u) => u.from.startsWith("inst-")).map((u) => u.from),
  ]);
  const twoNew = new Set(units.filter((u) => u.from.startsWith("tno-")).map((u) => u.from));
  return {
    pairings: pairings.length,
    partyOrganizations: orgs.size,
    institutions: institutions.size,
    nodes: pairings.length + councils.length + orgs.size + institutions.size + twoNew.size,
    edges: new Set(
      [
        ...rel("PARTY_TO").filter((r) => pairings.includes(r.to)),
        ...units,
        ...rel("CONVENED_BY"),
        ...institutionOf,
      ].map((r) => `${r.from}>${r.to}`),
    ).size,
  };
}

describe("pairingNetwork", () => {
  it("feeds graphology as it comes, and holds what the seed implies", async () => {
    const { pairingNetwork: network } = await client.request<NetworkResponse>(NETWORK, { region: "370285000000" });
    const graph = new DirectedGraph();
    graph.import({ nodes: network.nodes, edges: network.edges });
    const expected = expectedFromSeed(false);
    expect(graph.order).toBe(expected.nodes);
    expect(graph.size).toBe(expected.edges);
    expect(network.truncated).toBe(false);
    expect(network.stats).toMatchObject({
      pairings: expected.pairings,
      partyOrganizations: expected.partyOrganizations,
      institutions: expected.institutions,
      components: connectedComponents(graph).length,
    });
    expect(network.stats.byKind.reduce((sum: number, k: { count: number }) => sum + k.count, 0)).toBe(
      expected.pairings,
    );
  });

  it("gives each node's kind, category and status as the enum of its type", async () => {
    const { data } = await platform.gql(`{ pairingNetwork(regionCode: "370285000000") { nodes { type attributes {
      kind category status partyOrganizationKind partyOrganizationCategory organizationStatus institutionKind twoNewOrganizationType pairingKind pairingStatus councilKind } } } }`);
    const typedOf: Record<string, (a: Record<string, string | null>) => Array<[string | null, string | null]>> = {
      PARTY_ORGANIZATION: (a) => [
        [a.partyOrganizationKind!, a.kind!],
        [a.partyOrganizationCategory!, a.category!],
        [a.organizationStatus!, a.status!],
      ],
      INSTITUTION: (a) => [[a.institutionKind!, a.kind!]],
      TWO_NEW_ORGANIZATION: (a) => [[a.twoNewOrganizationType!, a.kind!]],
      PAIRING: (a) => [
        [a.pairingKind!, a.kind!],
        [a.pairingStatus!, a.status!],
      ],
      JOINT_COUNCIL: (a) => [[a.councilKind!, a.kind!]],
    };
    const seen = new Set<string>();
    for (const node of data!.pairingNetwork.nodes as Array<{
      type: string;
      attributes: Record<string, string | null>;
    }>) {
      seen.add(node.type);
      for (const [typed, text] of typedOf[node.type]!(node.attributes)) {
        expect(typed, node.type).toBeTruthy();
        expect(typed).toBe(text);
      }
      // Only the fields of its own type are set.
      const set = Object.entries(node.attributes)
        .filter(([k, v]) => v !== null && !["kind", "category", "status"].includes(k))
        .map(([k]) => k);
      expect(set.length, `${node.type}: ${set}`).toBe(typedOf[node.type]!(node.attributes).length);
    }
    expect([...seen].sort()).toEqual([
      "INSTITUTION",
      "JOINT_COUNCIL",
      "PAIRING",
      "PARTY_ORGANIZATION",
      "TWO_NEW_ORGANIZATION",
    ]);
  });

  it("counts weak villages as the coverage report does", async () => {
    const { pairingNetwork: network } = await client.request<NetworkResponse>(NETWORK, { region: "370285000000" });
    const report = await platform.gql(
      `{ coverageReport(regionCode: "370285000000", depth: 0) { villages { weak } gapCounts { kind count } } }`,
    );
    const unpaired = report.data!.coverageReport.gapCounts.find(
      (g: { kind: string }) => g.kind === "WEAK_VILLAGE_UNPAIRED",
    ).count;
    expect(network.stats.weakVillagesUnpaired).toBe(unpaired);
    expect(network.stats.weakVillagesPaired + network.stats.weakVillagesUnpaired).toBe(
      report.data!.coverageReport.villages.weak,
    );
    const villageOrgs = await platform.gql(
      `{ partyOrganizationsConnection(where: { category: { eq: VILLAGE }, status: { eq: ACTIVE }, basedIn: { some: { code: { startsWith: "370285" } } } }) { totalCount } }`,
    );
    const inNetwork = network.nodes.filter(
      (n) => n.type === "PARTY_ORGANIZATION" && n.attributes.category === "VILLAGE",
    ).length;
    expect(network.stats.isolatedVillageOrganizations).toBe(
      villageOrgs.data!.partyOrganizationsConnection.totalCount - inNetwork,
    );
  });

  it("keeps ids stable across calls, adds ENDED pairings on request and filters by kind", async () => {
    const first = await client.request<NetworkResponse>(NETWORK, { region: "370285000000" });
    const again = await client.request<NetworkResponse>(NETWORK, { region: "370285000000" });
    expect(again.pairingNetwork.nodes.map((n) => n.key).sort()).toEqual(
      first.pairingNetwork.nodes.map((n) => n.key).sort(),
    );
    expect(again.pairingNetwork.edges.map((e) => e.key).sort()).toEqual(
      first.pairingNetwork.edges.map((e) => e.key).sort(),
    );
    const ended = await client.request<NetworkResponse>(NETWORK, {
      region: "370285000000",
      includeEnded: true,
      includeCouncils: false,
    });
    expect(ended.pairingNetwork.stats.pairings).toBe(expectedFromSeed(true).pairings);
    const strongWeak = await client.request<NetworkResponse>(NETWORK, {
      region: "370285000000",
      kinds: ["STRONG_WEAK"],
      includeCouncils: false,
    });
    expect(
      strongWeak.pairingNetwork.nodes
        .filter((n) => n.type === "PAIRING")
        .every((n) => n.attributes.kind === "STRONG_WEAK"),
    ).toBe(true);
    expect(strongWeak.pairingNetwork.nodes.some((n) => n.type === "JOINT_COUNCIL")).toBe(false);
  });

  it("narrows to a town: only pairings with a party based in it", async () => {
    const { pairingNetwork: town } = await client.request<NetworkResponse>(NETWORK, {
      region: "370285104000",
      includeCouncils: false,
    });
    const pairings = town.nodes.filter((n) => n.type === "PAIRING");
    expect(pairings.length).toBeGreaterThan(0);
    for (const pairing of pairings) {
      const parties = town.edges.filter((e) => e.target === pairing.key && e.type === "PARTY_TO").map((e) => e.source);
      const regions = town.nodes
        .filter((n) => parties.includes(n.key))
        .map((n) => (n as unknown as { regionCode: string }).regionCode);
      expect(
        regions.some((code) => code?.startsWith("370285104")),
        pairing.key,
      ).toBe(true);
    }
  });

  it("comes back cut, with truncated: true and every edge's ends present, when larger than the cap", async () => {
    const small = await startTestPlatform({ NETWORK_MAX_NODES: "20" });
    try {
      const { pairingNetwork: network } = await new GraphQLClient(`${small.url}/graphql`, {
        headers: { authorization: `Bearer ${await tokenFor("ADMIN")}` },
      }).request<NetworkResponse>(NETWORK, { region: "370285000000" });
      expect(network.truncated).toBe(true);
      expect(network.nodes.length).toBeLessThanOrEqual(20);
      const graph = new DirectedGraph();
      graph.import({ nodes: network.nodes, edges: network.edges });
      expect(network.stats.pairings).toBe(network.nodes.filter((n) => n.type === "PAIRING").length);
    } finally {
      await small.stop();
    }
  });

  it("rejects an unknown region", async () => {
    const { errors } = await platform.gql(`{ pairingNetwork(regionCode: "370285999999") { truncated } }`);
    expect(errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "regionCode" });
  });
});

describe("connectionPath", () => {
  const PATH = `query ($from: ID!, $to: ID!, $maxHops: Int) {
    connectionPath(fromId: $from, toId: $to, maxHops: $maxHops) { found hops nodes { id type } edges { source target type role } }
  }`;

  it("finds the shortest chain in the database, as drawable steps", async () => {
    const { data } = await platform.gql(PATH, { from: "inst-qau", to: "inst-lxyy" });
    const path = data!.connectionPath;
    expect(path.found).toBe(true);
    expect(path.hops).toBe(path.edges.length);
    expect(path.nodes).toHaveLength(path.hops + 1);
    expect(path.nodes[0].id).toBe("inst-qau");
    expect(path.nodes.at(-1).id).toBe("inst-lxyy");
    path.edges.forEach((e: { source: string; target: string }, i: number) => {
      expect([e.source, e.target].sort()).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort());
    });
  });

  it("is empty when no chain is short enough, and rejects a bad maxHops", async () => {
    const { data } = await platform.gql(PATH, { from: "inst-qau", to: "inst-lxyy", maxHops: 2 });
    expect(data!.connectionPath).toEqual({ found: false, hops: null, nodes: [], edges: [] });
    const bad = await platform.gql(PATH, { from: "inst-qau", to: "inst-lxyy", maxHops: 0 });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "maxHops" });
    const unknown = await platform.gql(PATH, { from: "inst-qau", to: "no-such-org" });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "toId" });
  });
});

describe("pairingTimeline", () => {
  it("lists activities by date and sums funds and beneficiaries per focus area", async () => {
    // The sample's dates follow the day it was loaded on.
    const seed = asLoadedOn(readSeedFile(), inject("sampleAsOf"));
    const activityIds = seed.relationships
      .find((g) => g.type === "UNDER")!
      .rows.filter((r) => r.to === "pairing-001")
      .map((r) => r.from);
    const activities = seed.nodes.PairingActivity!.filter((a) => activityIds.includes(a.id as string));
    const { data } = await platform.gql(`{ pairingTimeline(pairingId: "pairing-001") {
      activities { on } byFocusArea { focusArea activities funds beneficiaries } total { activities funds beneficiaries } } }`);
    const timeline = data!.pairingTimeline;
    expect(timeline.activities.map((a: { on: string }) => a.on)).toEqual(activities.map((a) => a.on).sort());
    expect(timeline.total.activities).toBe(activities.length);
    expect(timeline.total.funds).toBeCloseTo(
      activities.reduce((s, a) => s + Number(a.funds), 0),
      6,
    );
    expect(timeline.total.beneficiaries).toBe(activities.reduce((s, a) => s + Number(a.beneficiaries), 0));
    expect(timeline.byFocusArea.reduce((s: number, f: { activities: number }) => s + f.activities, 0)).toBe(
      activities.length,
    );
  });
});
