import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./helpers.js";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

describe("the platform over HTTP", () => {
  it("lists the 3 subdistricts, 8 towns and the development zone of Laixi by their real names", async () => {
    const { data, errors } = await platform.gql(`{
      regions(where: { parent: { some: { code: { eq: "370285000000" } } }, level: { eq: TOWN } }, sort: [{ code: ASC }]) { name }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.regions.map((r: { name: string }) => r.name)).toEqual([
      "水集街道",
      "望城街道",
      "沽河街道",
      "姜山镇",
      "夏格庄镇",
      "院上镇",
      "日庄镇",
      "南墅镇",
      "河头店镇",
      "店埠镇",
      "马连庄镇",
      "莱西经济开发区",
    ]);
  });

  it("answers platformInfo through type-graphql with the Neo4j version and label counts", async () => {
    const { data, errors } = await platform.gql(
      `{ platformInfo { version neo4jVersion labelCounts { label count } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.platformInfo.neo4jVersion).toMatch(/^5\.26\.\d+ community$/);
    const counts = Object.fromEntries(
      data!.platformInfo.labelCounts.map((c: { label: string; count: number }) => [c.label, c.count]),
    );
    expect(counts.Region).toBeGreaterThan(100);
    expect(counts.PartyOrganization).toBeGreaterThan(100);
  });

  it("reports Neo4j reachability on /health", async () => {
    const response = await fetch(`${platform.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", neo4j: { reachable: true } });
  });

  it("serves the GraphQL explorer and all its assets from this server (works offline)", async () => {
    const page = await (await fetch(`${platform.url}/graphiql`)).text();
    const assets = [...page.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toContain("/explorer/graphiql.min.js");
    expect(page).not.toMatch(/https?:\/\//);
    for (const asset of assets) {
      expect((await fetch(`${platform.url}${asset}`)).status, asset).toBe(200);
    }
  });

  it("bounds every list: a limit above the type's maximum is capped", async () => {
    const { data, errors } = await platform.gql(`{ people(limit: 5000) { id } }`);
    expect(errors).toBeUndefined();
    expect(data!.people).toHaveLength(1000);
    const defaulted = await platform.gql(`{ people { id } }`);
    expect(defaulted.data!.people).toHaveLength(100);
  });
});
