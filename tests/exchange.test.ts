/**
 * Excel/CSV exchange on the run's Neo4j: import of good files (queryable, idempotent), every
 * kind of bad row (reported by sheet, row and column, nothing written), CSV, hostile text,
 * region scope, the template's round trip, and coverage/gap exports equal to the API.
 * Data lives under its own test district 379600000000; the sample region is only read.
 */
import ExcelJS from "exceljs";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Principal } from "../src/domain/principal.js";
import { loadConfig } from "../src/config.js";
import { CoverageService } from "../src/coverage/coverage.service.js";
import { connect } from "../src/database/driver.js";
import { graphFor } from "../src/audit/audit.js";
import { withCheckCharacter } from "../src/domain/credit-code.js";
import { GAP_KINDS, type GapKindName } from "../src/domain/gap-kinds.js";
import { GAP_KIND_LABELS, GAP_SUBJECT_LABELS, REGION_LEVEL_LABELS } from "../src/domain/labels.js";
import { gapReason } from "../src/domain/reasons.js";
import { formatCsv, parseCsv } from "../src/exchange/csv.js";
import { ImportService } from "../src/exchange/import.service.js";
import type { ImportProblem, ImportResult } from "../src/exchange/report.js";
import { headerKey, headerOf, SHEET_BY_NAME, type SheetName } from "../src/exchange/sheets.js";
import { toXlsx } from "../src/exchange/tables.js";
import { buildTemplate } from "../src/exchange/template.js";
import { csvSheetName } from "../src/exchange/workbook.js";
import { fingerprint, startTestPlatform, tokenFor, type TestPlatform, testNeo4jUri, writeMark } from "./helpers.js";
import { TOWN as TOWNS } from "./fixtures/sample.js";

const DISTRICT = "379600000000";
const TOWN = "379600101000";
const VILLAGE = "379600101201";
const TEMPLATE_TOWN = "379600102000";
const LAIXI = "370285000000";
/** The sample's dates follow the day it was loaded on, its reference date. */
const asOf = () => inject("sampleAsOf");

const ADMIN: Principal = { subject: "test-import-admin", role: "ADMIN", regions: [] };
const TOWN_EDITOR: Principal = { subject: "test-town-editor", role: "EDITOR", regions: [TOWN] };

type Rows = Partial<Record<SheetName, Array<Record<string, unknown>>>>;

/** A workbook of the given sheets, with the template's headers for every column. */
function workbook(rows: Rows): Promise<Buffer> {
  return toXlsx(
    Object.entries(rows).map(([sheet, data]) => ({
      name: sheet,
      columns: SHEET_BY_NAME.get(sheet)!.columns.map((column) => ({ key: column.key, header: headerOf(column) })),
      rows: data!,
    })),
  );
}

const credit = (seq: string) => withCheckCharacter(`91379600MA${seq.padStart(7, "0")}`);

const BASE: Rows = {
  Region: [
    { code: DISTRICT, name: "测试区", level: "DISTRICT" },
    { code: TOWN, name: "测试镇", level: "TOWN", parentCode: DISTRICT },
    { code: TEMPLATE_TOWN, name: "模板镇", level: "TOWN", parentCode: DISTRICT },
    {
      code: VILLAGE,
      name: "测试村",
      level: "VILLAGE",
      parentCode: TOWN,
      population: 900,
      households: 300,
      collectiveIncome: 8,
      industries: ["蔬菜", "花生"],
      latitude: 36.9,
      longitude: 120.5,
    },
    { code: `${VILLAGE}-G01`, name: "测试村一网格", level: "GRID", parentCode: VILLAGE },
  ],
  PartyOrganization: [
    {
      id: "xt-po-town",
      name: "中共测试镇委员会",
      kind: "COMMITTEE",
      category: "TOWN",
      regionCode: TOWN,
      foundedOn: "1984-05-01",
    },
    {
      id: "xt-po-v1",
      name: "中共测试村支部委员会",
      kind: "BRANCH",
      category: "VILLAGE",
      regionCode: VILLAGE,
      superiorId: "xt-po-town",
      isWeak: false,
    },
  ],
  TwoNewOrganization: [
    {
      id: "xt-tno-1",
      name: "青岛测试电子有限公司",
      type: "ENTERPRISE",
      creditCode: credit("1"),
      employees: 40,
      regionCode: VILLAGE,
      coveredById: "xt-po-v1",
      coverMode: "OWN",
    },
  ],
  Cooperative: [
    {
      id: "xt-coop-1",
      name: "测试村股份经济合作社",
      kind: "COLLECTIVE",
      regionCode: VILLAGE,
      ledById: "xt-po-v1",
      landAreaMu: 1200,
    },
  ],
  Institution: [{ id: "xt-inst-1", name: "测试镇农业服务中心", kind: "PUBLIC_INSTITUTION", regionCode: TOWN }],
  Person: [
    {
      id: "xt-person-1",
      name: "王测试",
      gender: "MALE",
      birthYear: 1975,
      partyStatus: "FORMAL",
      joinedPartyOn: "2025-07-01",
      organizationId: "xt-po-v1",
      residenceCode: VILLAGE,
    },
  ],
};

let driver: Driver;
let platform: TestPlatform;
const importer = (principal: Principal = ADMIN) => new ImportService(graphFor(driver, principal));
const importXlsx = async (rows: Rows, principal?: Principal) =>
  importer(principal).importFile(await workbook(rows), { format: "xlsx" });
const problemsOf = (result: ImportResult): ImportProblem[] => ("errors" in result ? result.errors : []);

beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  // Nothing takes from the change feed, so writeMark can tell a write after each refused import.
  platform = await startTestPlatform({ ANALYTICS: "scratch" });
  const result = await importXlsx(BASE);
  expect(problemsOf(result)).toEqual([]);
});
afterAll(async () => {
  await platform?.stop();
  await driver?.close();
});

describe("import of a good file", () => {
  it("writes every sheet, and the data is queryable through the API", async () => {
    const { data, errors } = await platform.gql(
      `{
        regions(where: { code: { eq: "${VILLAGE}" } }) { name level status industries location { latitude } parent { code } partyOrganizations { id superiors { id } } }
        twoNewOrganizations(where: { id: { eq: "xt-tno-1" } }) { creditCode employees coverageClass formalMemberCount locatedIn { code } }
      }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.regions).toEqual([
      {
        name: "测试村",
        level: "VILLAGE",
        status: "ACTIVE",
        industries: ["蔬菜", "花生"],
        location: { latitude: 36.9 },
        parent: [{ code: TOWN }],
        partyOrganizations: [{ id: "xt-po-v1", superiors: [{ id: "xt-po-town" }] }],
      },
    ]);
    expect(data!.twoNewOrganizations).toEqual([
      {
        creditCode: credit("1"),
        employees: 40,
        coverageClass: "ORGANIZATIONAL",
        formalMemberCount: 0,
        locatedIn: [{ code: VILLAGE }],
      },
    ]);
  });

  it("records one audit entry by the importer with the keys and regions", async () => {
    const { records } = await driver.executeQuery(
      "MATCH (a:AuditEntry {operation: 'import', actor: $actor}) WHERE $key IN a.subjectIds RETURN a.regionCodes AS regions, size(a.subjectIds) AS subjects",
      { actor: ADMIN.subject, key: "xt-po-v1" },
    );
    expect(records).toHaveLength(1);
    expect(records[0]!.get("regions")).toEqual(expect.arrayContaining([DISTRICT, TOWN, VILLAGE]));
  });

  it("changes nothing when imported again", async () => {
    const before = await fingerprint(driver, ["AuditEntry"]);
    const again = await importXlsx(BASE);
    expect(again).toMatchObject({ imported: true, rows: 11, counts: { Region: 5, PartyOrganization: 2, Person: 1 } });
    expect(await fingerprint(driver, ["AuditEntry"])).toEqual(before);
  });

  it("a dry run checks and rehearses but writes nothing", async () => {
    const before = await fingerprint(driver);
    const result = await importer().importFile(
      await workbook({ Institution: [{ id: "xt-inst-dry", name: "试运行单位", kind: "SOE", regionCode: TOWN }] }),
      { format: "xlsx", dryRun: true },
    );
    expect(result).toMatchObject({ imported: false, dryRun: true, counts: { Institution: 1 } });
    expect(await fingerprint(driver)).toEqual(before);
  });

  it("reads Excel date cells, number cells for codes, and a filled reference replaces the relationship", async () => {
    const result = await importXlsx({
      PartyOrganization: [
        {
          id: "xt-po-dated",
          name: "日期测试支部",
          kind: "BRANCH",
          category: "VILLAGE",
          regionCode: Number(VILLAGE),
          foundedOn: new Date(Date.UTC(2001, 6, 1)),
        },
      ],
      Person: [{ id: "xt-person-1", name: "王测试", partyStatus: "FORMAL", organizationId: "xt-po-dated" }],
    });
    expect(problemsOf(result)).toEqual([]);
    const { records } = await driver.executeQuery(
      "MATCH (o:PartyOrganization {id: 'xt-po-dated'}), (p:Person {id: 'xt-person-1'}) RETURN toString(o.foundedOn) AS founded, [(p)-[:MEMBER_OF]->(m) | m.id] AS memberOf, p.birthYear AS birthYear",
    );
    expect(records[0]!.toObject()).toMatchObject({ founded: "2001-07-01", memberOf: ["xt-po-dated"] });
    // An empty cell leaves the stored value alone.
    expect(records[0]!.get("birthYear").toNumber()).toBe(1975);
  });
});

describe("bad rows", () => {
  const goodPo = {
    id: "xt-po-new",
    name: "新支部",
    kind: "BRANCH",
    category: "GRID",
    regionCode: `${VILLAGE}-G01`,
    superiorId: "xt-po-v1",
  };
  const GOOD: Partial<Record<SheetName, Record<string, unknown>>> = {
    Region: BASE.Region![0],
    PartyOrganization: { ...goodPo, id: "xt-po-good" },
    TwoNewOrganization: {
      id: "xt-tno-good",
      name: "好公司",
      type: "SOCIAL_ORGANIZATION",
      creditCode: credit("5"),
      regionCode: VILLAGE,
    },
    Cooperative: BASE.Cooperative![0],
    OrgLifeEvent: { organizationId: "xt-po-v1", kind: "THEME_DAY", heldOn: "2026-10-02" },
  };
  const cases: Array<[string, SheetName, Record<string, unknown>, string, RegExp]> = [
    ["a missing required cell", "PartyOrganization", { ...goodPo, name: "  " }, "name", /required/],
    [
      "a value outside the enum",
      "PartyOrganization",
      { ...goodPo, kind: "BIG_BRANCH" },
      "kind",
      /not one of COMMITTEE/,
    ],
    ["an impossible date", "PartyOrganization", { ...goodPo, foundedOn: "2024-02-30" }, "foundedOn", /not a date/],
    [
      "a date in another layout",
      "PartyOrganization",
      { ...goodPo, foundedOn: "15/03/2024" },
      "foundedOn",
      /yyyy-mm-dd/,
    ],
    [
      "a negative count",
      "Region",
      { code: "379600101202", name: "负数村", level: "VILLAGE", parentCode: TOWN, population: -5 },
      "population",
      /out of range/,
    ],
    ["a name over 200 characters", "PartyOrganization", { ...goodPo, name: "长".repeat(201) }, "name", /too long: 201/],
    [
      "a control character",
      "PartyOrganization",
      { ...goodPo, name: "第一行\n第二行" },
      "name",
      /control character \(U\+000A\)/,
    ],
    [
      "a wrong credit code check character",
      "TwoNewOrganization",
      {
        id: "xt-tno-bad",
        name: "校验错误公司",
        type: "ENTERPRISE",
        creditCode: credit("9").slice(0, 17) + (credit("9").endsWith("0") ? "1" : "0"),
        regionCode: VILLAGE,
      },
      "creditCode",
      /check character should be/,
    ],
    [
      "a malformed region code",
      "Region",
      { code: "37960010120", name: "短码村", level: "VILLAGE", parentCode: TOWN },
      "code",
      /not a region code/,
    ],
    [
      "a code not under its parent's prefix",
      "Region",
      { code: "379700101202", name: "错位村", level: "VILLAGE", parentCode: TOWN },
      "code",
      /prefix 379600101/,
    ],
    [
      "an unknown reference",
      "PartyOrganization",
      { ...goodPo, superiorId: "xt-no-such-po" },
      "superiorId",
      /no PartyOrganization xt-no-such-po/,
    ],
    [
      "an unknown region",
      "Cooperative",
      { id: "xt-coop-x", name: "无区社", kind: "PROFESSIONAL", regionCode: "379600101299" },
      "regionCode",
      /no Region 379600101299/,
    ],
    [
      "a grid code on a village",
      "Region",
      { code: "379600101201-G02", name: "网格", level: "VILLAGE", parentCode: VILLAGE },
      "level",
      /must be GRID/,
    ],
    [
      "a cover mode without its organization",
      "TwoNewOrganization",
      {
        id: "xt-tno-2",
        name: "半填公司",
        type: "ENTERPRISE",
        creditCode: credit("2"),
        regionCode: VILLAGE,
        coverMode: "OWN",
      },
      "coverMode",
      /go together/,
    ],
    [
      "a credit code another organization holds",
      "TwoNewOrganization",
      { id: "xt-tno-3", name: "冒用公司", type: "ENTERPRISE", creditCode: credit("1"), regionCode: VILLAGE },
      "creditCode",
      /already belongs to TwoNewOrganization xt-tno-1/,
    ],
    [
      "an event after today",
      "OrgLifeEvent",
      { organizationId: "xt-po-v1", kind: "THEME_DAY", heldOn: "2999-01-01" },
      "heldOn",
      /after today/,
    ],
    [
      "an event of an unknown organization",
      "OrgLifeEvent",
      { organizationId: "xt-no-such-po", kind: "THEME_DAY", heldOn: "2026-10-01" },
      "organizationId",
      /no PartyOrganization xt-no-such-po/,
    ],
    [
      "an unknown kind of organizational life",
      "OrgLifeEvent",
      { organizationId: "xt-po-v1", kind: "PICNIC", heldOn: "2026-10-01" },
      "kind",
      /not one of MEMBER_CONGRESS/,
    ],
    [
      "an event without its date",
      "OrgLifeEvent",
      { organizationId: "xt-po-v1", kind: "THEME_DAY" },
      "heldOn",
      /required/,
    ],
  ];

  it.each(cases)(
    "%s is reported on its sheet, row and column, and nothing is written",
    async (_what, sheet, bad, column, message) => {
      const before = await writeMark(driver);
      // A good row first (row 2), so the report must name row 3 and the good row must not be written either.
      const good = GOOD[sheet];
      const result = await importXlsx({
        [sheet]: [good, bad],
        Institution: [{ id: "xt-inst-never", name: "不应写入", kind: "SOE", regionCode: TOWN }],
      });
      expect(result.imported).toBe(false);
      expect(problemsOf(result)).toEqual([{ sheet, row: 3, column, message: expect.stringMatching(message) }]);
      expect(await writeMark(driver)).toEqual(before);
    },
  );

  it("reports a key that appears twice in a sheet, on its second row", async () => {
    const result = await importXlsx({ PartyOrganization: [goodPo, { ...goodPo, name: "重复" }] });
    expect(problemsOf(result)).toEqual([
      { sheet: "PartyOrganization", row: 3, column: "id", message: expect.stringContaining("already on row 2") },
    ]);
  });

  it("reports every problem of a file at once, and header problems on row 1", async () => {
    const result = await importXlsx({
      PartyOrganization: [
        { ...goodPo, kind: "X", foundedOn: "yesterday" },
        { ...goodPo, id: "xt-po-b", category: "Y" },
      ],
    });
    expect(problemsOf(result).map((p) => `${p.row}:${p.column}`)).toEqual(["2:kind", "2:foundedOn", "3:category"]);
    const csv = Buffer.from(
      formatCsv([
        ["编号 id", "名称 name", "颜色 colour"],
        ["a", "b", "c"],
      ]),
    );
    const header = await importer().importFile(csv, { format: "csv", sheet: "Institution" });
    expect(problemsOf(header)).toEqual([
      { sheet: "Institution", row: 1, column: "颜色 colour", message: expect.stringContaining("unknown column") },
      { sheet: "Institution", row: 1, column: "kind", message: expect.stringContaining("required column") },
      { sheet: "Institution", row: 1, column: "regionCode", message: expect.stringContaining("required column") },
    ]);
  });

  it("refuses what is not a workbook, and unknown sheets", async () => {
    expect(problemsOf(await importer().importFile(Buffer.from("not a zip"), { format: "xlsx" }))[0]!.message).toMatch(
      /not an .xlsx/,
    );
    const unknown = await toXlsx([
      { name: "Villages", columns: [{ key: "code", header: "code" }], rows: [{ code: "1" }] },
    ]);
    expect(problemsOf(await importer().importFile(unknown, { format: "xlsx" }))[0]).toMatchObject({
      sheet: "Villages",
      message: expect.stringMatching(/unknown sheet/),
    });
  });
});

describe("organizational life (OrgLifeEvent sheet)", () => {
  const events = async () =>
    (
      await driver.executeQuery(
        "MATCH (e:OrgLifeEvent)-[:HELD_BY]->(:PartyOrganization {id: 'xt-po-v1'}) RETURN e.kind AS kind, toString(e.heldOn) AS heldOn, e.attendees AS attendees, e.topic AS topic ORDER BY kind",
      )
    ).records.map((r) => ({ ...r.toObject(), attendees: r.get("attendees")?.toNumber() ?? null }));

  it("imports events: the same organization, kind and date is one event, the later row's cells winning; twice changes nothing", async () => {
    const rows = {
      OrgLifeEvent: [
        { organizationId: "xt-po-v1", kind: "THEME_DAY", heldOn: "2026-10-01", attendees: 12, topic: "重温入党誓词" },
        { organizationId: "xt-po-v1", kind: "MEMBER_CONGRESS", heldOn: new Date(Date.UTC(2026, 8, 15)) },
        { organizationId: "xt-po-v1", kind: "THEME_DAY", heldOn: "2026-10-01", attendees: 14 },
      ],
    };
    const result = await importXlsx(rows);
    expect(result).toMatchObject({ imported: true, rows: 3, counts: { OrgLifeEvent: 3 } });
    expect(await events()).toEqual([
      { kind: "MEMBER_CONGRESS", heldOn: "2026-09-15", attendees: null, topic: null },
      { kind: "THEME_DAY", heldOn: "2026-10-01", attendees: 14, topic: "重温入党誓词" },
    ]);
    const before = await fingerprint(driver, ["AuditEntry"]);
    expect(await importXlsx(rows)).toMatchObject({ imported: true });
    expect(await fingerprint(driver, ["AuditEntry"])).toEqual(before);
  });

  it("the events count in the rules: a theme day and a congress are no longer missing", async () => {
    const gaps = await new CoverageService(graphFor(driver), loadConfig({}).rules).gapList(
      DISTRICT,
      ["ORG_LIFE_OVERDUE"],
      "2026-10-05",
    );
    const gap = gaps.find((g) => g.subjectId === "xt-po-v1")!;
    expect(gap.missingKinds).toEqual(expect.arrayContaining(["PARTY_LECTURE", "LIFE_MEETING", "MEMBER_REVIEW"]));
    expect(gap.missingKinds).not.toContain("THEME_DAY");
    expect(gap.missingKinds).not.toContain("MEMBER_CONGRESS");
    expect(gap).toMatchObject({ villageCode: VILLAGE, townCode: TOWN });
  });

  it("refuses an EDITOR's events for organizations outside its scope", async () => {
    const result = await importXlsx(
      { OrgLifeEvent: [{ organizationId: "po-0001", kind: "THEME_DAY", heldOn: "2026-10-01" }] },
      TOWN_EDITOR,
    );
    expect(problemsOf(result)).toEqual([
      {
        sheet: "OrgLifeEvent",
        row: 2,
        column: "organizationId",
        message: "no PartyOrganization po-0001 in this file or within your region scope",
      },
    ]);
  });
});

describe("CSV and hostile text", () => {
  it("imports a CSV file whose sheet comes from its name, with quoted fields", async () => {
    expect(csvSheetName("/data/党组织 PartyOrganization.csv")).toBe("PartyOrganization");
    const spec = SHEET_BY_NAME.get("PartyOrganization")!;
    const csv = formatCsv([
      spec.columns.map(headerOf),
      [
        "xt-po-csv",
        '中共测试村第一网格支部, "联合"',
        "BRANCH",
        "GRID",
        "",
        "2019-06-30",
        "否",
        `${VILLAGE}-G01`,
        "xt-po-v1",
      ],
    ]);
    const result = await importer().importFile(Buffer.from(csv), {
      format: "csv",
      sheet: csvSheetName("PartyOrganization.csv"),
    });
    expect(result).toMatchObject({ imported: true, counts: { PartyOrganization: 1 } });
    const { records } = await driver.executeQuery(
      "MATCH (o:PartyOrganization {id: 'xt-po-csv'})-[:SUBORDINATE_TO]->(s) RETURN o.name AS name, o.isWeak AS weak, o.status AS status, s.id AS superior",
    );
    expect(records[0]!.toObject()).toEqual({
      name: '中共测试村第一网格支部, "联合"',
      weak: false,
      status: "ACTIVE",
      superior: "xt-po-v1",
    });
  });

  it("stores quotes, Cypher fragments and any Unicode exactly as written", async () => {
    const hostile = `'"}) MATCH (n) DETACH DELETE n // \\u0000 $scope {{label}} ‮ 👩‍🌾 𠀀 ` + "Ω≈ç√";
    const result = await importXlsx({
      Institution: [{ id: "xt-inst-hostile", name: hostile, kind: "SOE", regionCode: TOWN }],
    });
    expect(problemsOf(result)).toEqual([]);
    const { records } = await driver.executeQuery(
      "MATCH (i:Institution {id: 'xt-inst-hostile'}) RETURN i.name AS name",
    );
    expect(records[0]!.get("name")).toBe(hostile);
  });
});

describe("authorization", () => {
  it("lets an EDITOR import inside its scope, regions created by the file included", async () => {
    const result = await importXlsx(
      {
        Region: [{ code: "379600101210", name: "编辑新村", level: "VILLAGE", parentCode: TOWN }],
        PartyOrganization: [
          {
            id: "xt-po-editor",
            name: "编辑村支部",
            kind: "PARTY_GROUP",
            category: "VILLAGE",
            regionCode: "379600101210",
            superiorId: "xt-po-town",
          },
        ],
      },
      TOWN_EDITOR,
    );
    expect(problemsOf(result)).toEqual([]);
  });

  it("refuses, writing nothing, an EDITOR's rows that touch regions outside its scope", async () => {
    const before = await fingerprint(driver);
    const result = await importXlsx(
      {
        Region: [
          { code: "379600102201", name: "越界村", level: "VILLAGE", parentCode: TEMPLATE_TOWN },
          { code: "379500000000", name: "新区", level: "DISTRICT" },
        ],
        PartyOrganization: [
          { id: "xt-po-out", name: "越界支部", kind: "BRANCH", category: "VILLAGE", regionCode: "370285101204" },
          { id: "po-0001", name: "改名", kind: "COMMITTEE", category: "TOWN", regionCode: TOWN },
        ],
      },
      TOWN_EDITOR,
    );
    expect(problemsOf(result).map((p) => `${p.sheet}:${p.row}:${p.column}`)).toEqual([
      "Region:2:parentCode",
      "Region:3:code",
      "PartyOrganization:2:regionCode",
      "PartyOrganization:3:id",
    ]);
    expect(problemsOf(result)[2]!.message).toBe("no Region 370285101204 in this file or within your region scope");
    expect(await fingerprint(driver)).toEqual(before);
  });

  it("refuses roles that may not write", async () => {
    await expect(importXlsx(BASE, { subject: "v", role: "VIEWER", regions: [] })).rejects.toMatchObject({
      extensions: { code: "FORBIDDEN" },
    });
  });
});

describe("template", () => {
  it("has a 说明 sheet and one sheet per entity type whose example rows import cleanly", async () => {
    const template = await buildTemplate(TEMPLATE_TOWN);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      template.buffer.slice(template.byteOffset, template.byteOffset + template.byteLength) as ArrayBuffer,
    );
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "说明",
      "Region",
      "PartyOrganization",
      "TwoNewOrganization",
      "Cooperative",
      "Institution",
      "Person",
      "OrgLifeEvent",
    ]);
    const instructions = book.getWorksheet("说明")!;
    const text = JSON.stringify(instructions.getSheetValues());
    expect(text).toContain("COMMITTEE, WORKING_COMMITTEE");
    expect(text).toContain("(PartyOrganization)-[:BASED_IN]->(Region)");
    expect(text).toContain("(OrgLifeEvent)-[:HELD_BY]->(PartyOrganization)");

    const result = await importer().importFile(template, { format: "xlsx" });
    expect(result).toMatchObject({
      imported: true,
      counts: {
        Region: 1,
        PartyOrganization: 1,
        TwoNewOrganization: 1,
        Cooperative: 1,
        Institution: 1,
        Person: 1,
        OrgLifeEvent: 1,
      },
    });
    const before = await fingerprint(driver, ["AuditEntry"]);
    await importer().importFile(template, { format: "xlsx" });
    expect(await fingerprint(driver, ["AuditEntry"])).toEqual(before);
  });
});

describe("exports", () => {
  const get = async (path: string, token?: string) =>
    fetch(`${platform.url}${path}`, { headers: { authorization: `Bearer ${token ?? (await tokenFor("ADMIN"))}` } });

  async function sheetOf(response: Response): Promise<ExcelJS.Worksheet> {
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    return book.worksheets[0]!;
  }
  /** The header's row number: the auto-filter's, as Excel stores it ("A6:S6"), below the title rows. */
  const headerRowOf = (sheet: ExcelJS.Worksheet) => Number(/^A(\d+):[A-Z]+\1$/.exec(String(sheet.autoFilter))![1]);
  /** Title rows by their label ("区划 region" → the cell beside it). */
  const titleOf = (sheet: ExcelJS.Worksheet) =>
    new Map(
      Array.from({ length: headerRowOf(sheet) - 1 }, (_, i) => sheet.getRow(i + 1)).map(
        (row) => [String(row.getCell(1).value ?? ""), row.getCell(2)] as const,
      ),
    );

  function rowsOf(sheet: ExcelJS.Worksheet): Array<Record<string, unknown>> {
    const values = sheet.getSheetValues() as unknown[][];
    const headerRow = headerRowOf(sheet);
    const header = Array.from(values[headerRow] as string[], (h) => (h ? headerKey(h) : ""));
    return values
      .slice(headerRow + 1)
      .filter(Boolean)
      .map((row) => Object.fromEntries(header.map((key, i) => [key, row[i] ?? null])));
  }
  const sheetRows = async (response: Response) => rowsOf(await sheetOf(response));

  it("exports the coverage report as .xlsx with the API's figures", async () => {
    const rows = await sheetRows(
      await get(`/exchange/export/coverage.xlsx?regionCode=${LAIXI}&asOf=${asOf()}&depth=1`),
    );
    const { data } = await platform.gql(`{
      coverageReport(regionCode: "${LAIXI}", asOf: "${asOf()}", depth: 1) {
        region { code } twoNew { total orgCoverageRate } villages { total chainComplete withPartyLedCooperative centralHouseholdReach } gapCounts { kind count }
        children { region { code } twoNew { total orgCoverageRate } villages { total chainComplete withPartyLedCooperative centralHouseholdReach } gapCounts { kind count } }
      }
    }`);
    const reports = [data!.coverageReport, ...data!.coverageReport.children];
    expect(rows.map((r) => r.code)).toEqual(reports.map((r: any) => r.region.code));
    for (const [i, report] of reports.entries()) {
      expect(rows[i]).toMatchObject({
        twoNewTotal: report.twoNew.total,
        villages: report.villages.total,
        chainComplete: report.villages.chainComplete,
        withPartyLedCooperative: report.villages.withPartyLedCooperative,
        ...Object.fromEntries(report.gapCounts.map((g: any) => [g.kind, g.count])),
      });
      expect(rows[i]!.orgCoverageRate ?? null).toEqual(report.twoNew.orgCoverageRate);
      expect(rows[i]!.centralHouseholdReach ?? null).toEqual(report.villages.centralHouseholdReach);
    }
    expect(rows[0]!.ORG_LIFE_OVERDUE).toBeGreaterThan(0);
  });

  it("lays the sheet out for Excel users: title rows, a filter on the header row below them, date cells, Chinese levels, columns as wide as their Chinese names", async () => {
    const sheet = await sheetOf(await get(`/exchange/export/coverage.xlsx?regionCode=${LAIXI}&asOf=${asOf()}&depth=1`));
    const headerRow = headerRowOf(sheet);
    expect(sheet.autoFilter).toBe(`A${headerRow}:${sheet.getColumn(sheet.columnCount).letter}${headerRow}`); // as Excel stores it
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow });

    // The title rows: what, where, which day (a date cell), the depth, how many rows.
    expect(sheet.getCell("A1").value).toBe("覆盖情况 · 莱西市");
    const titles = titleOf(sheet);
    expect(titles.get("区划 region")!.value).toBe(`莱西市（${LAIXI}）`);
    const day = titles.get("统计日期 as of")!;
    expect(day.type).toBe(ExcelJS.ValueType.Date);
    expect((day.value as Date).toISOString().slice(0, 10)).toBe(asOf());
    expect(day.numFmt).toBe("yyyy-mm-dd");
    expect(titles.get("筛选 filter")!.value).toBe("下含 1 级 (depth 1)");
    expect(titles.get("行数 rows")!.value).toBe("13");

    const header = sheet.getRow(headerRow).values as string[];
    const columnOf = (key: string) => header.findIndex((h) => typeof h === "string" && h.endsWith(` ${key}`));
    const cells = (key: string) =>
      Array.from({ length: sheet.rowCount - headerRow }, (_, i) =>
        sheet.getRow(headerRow + 1 + i).getCell(columnOf(key)),
      );
    // Every row's day is a date cell shown yyyy-mm-dd, not text.
    for (const cell of cells("asOf")) {
      expect(cell.type).toBe(ExcelJS.ValueType.Date);
      expect(cell.numFmt).toBe("yyyy-mm-dd");
      expect((cell.value as Date).toISOString().slice(0, 10)).toBe(asOf());
    }
    // Levels by their Chinese labels: Laixi, then its 12 town-level units.
    expect(cells("level").map((cell) => cell.value)).toEqual([
      REGION_LEVEL_LABELS.DISTRICT.zh,
      ...Array(12).fill(REGION_LEVEL_LABELS.TOWN.zh),
    ]);
    // A gap kind's column by the label the API and the dashboard give it.
    expect(GAP_KINDS.map((kind) => header[columnOf(kind)])).toEqual(
      GAP_KINDS.map((kind) => `${GAP_KIND_LABELS[kind].zh} ${kind}`),
    );

    const names = cells("name").map((cell) => String(cell.value));
    const longest = Math.max(...names.map((n) => [...n].length));
    // A Chinese character takes two columns.
    expect(sheet.getColumn(columnOf("name")).width).toBeGreaterThanOrEqual(2 * longest);
  });

  it("titles a filtered gap list with its filter, and names each gap's town and village in Chinese", async () => {
    const town = TOWNS.日庄镇;
    const sheet = await sheetOf(
      await get(
        `/exchange/export/gaps.xlsx?regionCode=${LAIXI}&asOf=${asOf()}&kinds=ORG_LIFE_OVERDUE,WEAK_VILLAGE_UNPAIRED&townCode=${town}`,
      ),
    );
    const { regions } = await platform.ok(
      `{ regions(where: { code: { startsWith: "${town.slice(0, 9)}" } }, limit: 1000) { code name } }`,
    );
    const nameOf = new Map<string, string>(regions.map((r: { code: string; name: string }) => [r.code, r.name]));
    expect(sheet.getCell("A1").value).toBe("问题清单 · 莱西市");
    const titles = titleOf(sheet);
    expect(titles.get("区划 region")!.value).toBe(`莱西市（${LAIXI}）`);
    expect(titles.get("统计日期 as of")!.type).toBe(ExcelJS.ValueType.Date);
    expect(titles.get("筛选 filter")!.value).toBe(
      `问题：组织生活未按期开展、薄弱村无结对；镇：${nameOf.get(town)}（${town}）`,
    );

    const rows = rowsOf(sheet);
    expect(titles.get("行数 rows")!.value).toBe(String(rows.length));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.townName).toBe(nameOf.get(town));
      expect(row.villageName).toBe(nameOf.get(row.villageCode as string));
      expect(row.kindName).toBe(row.kind === "ORG_LIFE_OVERDUE" ? "组织生活未按期开展" : "薄弱村无结对");
      expect(row.kindName).toBe(GAP_KIND_LABELS[row.kind as GapKindName].zh);
      expect(row.subjectLabel).toBe(row.kind === "ORG_LIFE_OVERDUE" ? "党组织" : "区划");
      expect(row.subjectLabel).toBe(
        GAP_SUBJECT_LABELS[row.kind === "ORG_LIFE_OVERDUE" ? "PartyOrganization" : "Region"].zh,
      );
    }
  });

  it("names each file after its region, day and filters, so a filtered export never shares an unfiltered one's name", async () => {
    const name = async (query: string) =>
      (await get(`/exchange/export/gaps.xlsx?${query}`)).headers.get("content-disposition");
    const all = await name(`regionCode=${LAIXI}&asOf=${asOf()}`);
    const filtered = await name(`regionCode=${LAIXI}&asOf=${asOf()}&kinds=ORG_LIFE_OVERDUE&townCode=${TOWNS.日庄镇}`);
    expect(all).toContain(`gaps-${LAIXI}-${asOf()}.xlsx`);
    expect(filtered).toContain(`gaps-${LAIXI}-${asOf()}-town${TOWNS.日庄镇}-ORG_LIFE_OVERDUE.xlsx`);
  });

  it("exports gap lists as .xlsx and .csv (with byte order mark) equal to the service's", async () => {
    const kinds = "SHOULD_FORM_OWN_ORG,NO_WORK_COVERAGE,WEAK_VILLAGE_UNPAIRED";
    const expected = await new CoverageService(graphFor(driver), loadConfig({}).rules).gapList(
      LAIXI,
      kinds.split(",") as any,
      asOf(),
    );
    expect(expected.length).toBeGreaterThan(0);
    const rows = await sheetRows(
      await get(`/exchange/export/gaps.xlsx?regionCode=${LAIXI}&asOf=${asOf()}&kinds=${kinds}`),
    );
    expect(rows.map((r) => [r.kind, r.subjectId, r.reason, r.villageCode ?? null, r.townCode ?? null])).toEqual(
      expected.map((g) => [g.kind, g.subjectId, gapReason(g.kind, g.reasonValues).zh, g.villageCode, g.townCode]),
    );

    const response = await get(`/exchange/export/gaps.csv?regionCode=${LAIXI}&asOf=${asOf()}&kinds=${kinds}`);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parseCsv(bytes.toString("utf8"));
    expect(records.map((r) => r[header!.indexOf("对象编号 subjectId")])).toEqual(expected.map((g) => g.subjectId));
  });

  it("exports one town's organizational-life gaps, with the missing kinds by their names", async () => {
    const town = TOWNS.日庄镇;
    const expected = await new CoverageService(graphFor(driver), loadConfig({}).rules).gapList(
      LAIXI,
      ["ORG_LIFE_OVERDUE"],
      asOf(),
      { townCode: town },
    );
    expect(expected.length).toBeGreaterThan(0);
    const rows = await sheetRows(
      await get(
        `/exchange/export/gaps.xlsx?regionCode=${LAIXI}&asOf=${asOf()}&kinds=ORG_LIFE_OVERDUE&townCode=${town}`,
      ),
    );
    const labels = {
      MEMBER_CONGRESS: "党员大会",
      COMMITTEE_MEETING: "支部委员会/党委会",
      PARTY_LECTURE: "党课",
      THEME_DAY: "主题党日",
      LIFE_MEETING: "组织生活会",
      MEMBER_REVIEW: "民主评议党员",
    } as Record<string, string>;
    expect(rows.map((r) => [r.subjectId, r.townCode, r.missingKinds])).toEqual(
      expected.map((g) => [g.subjectId, town, g.missingKinds.map((kind) => labels[kind]).join("; ")]),
    );
    const bad = await get(`/exchange/export/gaps.xlsx?regionCode=${LAIXI}&villageCode=3702`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      errors: [{ extensions: { code: "BAD_USER_INPUT", field: "villageCode" } }],
    });
  });

  it("exports coverage as .csv, and answers bad parameters with 400 naming the field", async () => {
    const csv = parseCsv(
      Buffer.from(
        await (await get(`/exchange/export/coverage.csv?regionCode=${DISTRICT}&depth=2`)).arrayBuffer(),
      ).toString("utf8"),
    );
    expect(csv.map((r) => r[2])).toEqual(expect.arrayContaining(["区划代码 code", DISTRICT, TOWN, VILLAGE]));
    const analyst = await tokenFor("ANALYST", [DISTRICT]);
    for (const [query, field, token] of [
      ["coverage.xlsx?depth=1", "regionCode", undefined],
      [`coverage.xlsx?regionCode=${LAIXI}&asOf=2026-13-01`, "asOf", undefined],
      [`coverage.csv?regionCode=${LAIXI}&depth=9`, "depth", undefined],
      [`gaps.csv?regionCode=${LAIXI}&kinds=NOT_A_KIND`, "kinds", undefined],
      ["gaps.xlsx?regionCode=379999999998", "regionCode", undefined],
      [`coverage.xlsx?regionCode=${LAIXI}`, "regionCode", analyst],
    ] as const) {
      const response = await get(`/exchange/export/${query}`, token);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "BAD_USER_INPUT", field } }] });
    }
    expect(
      (await get(`/exchange/export/gaps.csv?regionCode=${DISTRICT}`, await tokenFor("VIEWER", [DISTRICT]))).status,
    ).toBe(403);
    expect((await fetch(`${platform.url}/exchange/template.xlsx`)).status).toBe(401);
  });
});

describe("HTTP import", () => {
  const post = async (query: string, body: Buffer, token: string) =>
    fetch(`${platform.url}/exchange/import?${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
      body,
    });

  it("serves the template, imports an upload, and reports bad rows with 422", async () => {
    const template = await fetch(`${platform.url}/exchange/template.xlsx`, {
      headers: { authorization: `Bearer ${await tokenFor("VIEWER")}` },
    });
    expect(template.status).toBe(200);
    expect(template.headers.get("content-disposition")).toContain("import-template.xlsx");

    const editor = await tokenFor("EDITOR", [TOWN]);
    const file = await workbook({
      Institution: [{ id: "xt-inst-http", name: "上传单位", kind: "FINANCIAL", regionCode: TOWN }],
    });
    const ok = await post("format=xlsx", file, editor);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ imported: true, dryRun: false, rows: 1, counts: { Institution: 1 } });

    const bad = await post(
      "format=csv&sheet=Institution",
      Buffer.from(
        formatCsv([
          ["编号 id", "名称 name", "类型 kind", "所在区划 regionCode"],
          ["xt-inst-x", "坏", "BANK", TOWN],
        ]),
      ),
      editor,
    );
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({
      imported: false,
      errorCount: 1,
      errors: [{ sheet: "Institution", row: 2, column: "kind", message: expect.any(String) }],
    });

    expect((await post("format=csv", file, editor)).status).toBe(400);
    expect((await post("format=pdf", file, editor)).status).toBe(400);
    expect((await post("format=xlsx", file, await tokenFor("ANALYST"))).status).toBe(403);
  });
});
