/**
 * The web explorer at / in Debian's chromium (playwright-core), against the real platform on the
 * sample: sign-in, the dashboard's figures and charts against coverageReport (donut, ranked towns,
 * rated bars, sorting, PNG export), a village's chain against organizationChain, the network's
 * drawn nodes against pairingNetwork (captions, weak rings, search and path by name, councils
 * filtered, a pairing whose other party is out of scope), the planner's weak, strong and new
 * villages against Region.villageClasses, a simulated merge against simulateMerge, and scenarios saved, compared,
 * applied and reverted after confirmations that name their villages (the domain graph ends exactly
 * as it was), a suggestion that asks before replacing hand-made groups, the real layout
 * adjustment (2019 against 2023) against layoutComparison, and a token whose region does not exist. Each page's screenshot goes to test-results/screenshots/ (dashboard, village
 * chain and network at 1440 and 1024 px too).
 */
import fs from "node:fs";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROJECT_ROOT } from "../src/config.js";
import { VILLAGE_CLASS_LABELS } from "../src/domain/labels.js";
import { connect } from "../src/database/driver.js";
import { graphFor } from "../src/audit/audit.js";
import { DivisionImportService } from "../src/divisions/division-import.service.js";
import { fingerprint, startTestPlatform, tokenFor, type TestPlatform, testNeo4jUri } from "./helpers.js";
import { TOWN as TOWNS } from "./fixtures/sample.js";

const LAIXI = "370285000000";
/** The sample's dates follow the day it was loaded on (its reference date): the dashboard is read on that day. */
let AS_OF: string;
// 马连庄镇: a town no other test file plans or scopes to.
const TOWN = TOWNS.马连庄镇;
/** How long a page may take to show what a request brought (the machine may be busy). */
const SOON = { timeout: 20_000 };
const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results", "screenshots");
// Scenarios and audit entries stay as the record of what happened; the domain graph is restored exactly.
const PLANNING_LABELS = ["MergeScenario", "ProposedVillage", "AuditEntry"];

let platform: TestPlatform;
let driver: Driver;
let browser: Browser;
let admin: string;
/** Requests the pages tried to send anywhere but this platform (the explorer must work offline). */
const offsite: string[] = [];

beforeAll(async () => {
  AS_OF = inject("sampleAsOf");
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  platform = await startTestPlatform();
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
  admin = await tokenFor("ADMIN", [], "web-admin");
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  await driver?.close();
});

async function newPage(width = 1400): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: "zh-CN",
    acceptDownloads: true,
  });
  await context.route(
    (url) => url.origin !== new URL(platform.url).origin,
    (route) => {
      offsite.push(route.request().url());
      return route.abort();
    },
  );
  return { context, page: await context.newPage() };
}

/**
 * Waits for the dashboard's report of `region` on AS_OF, loaded rather than stale: the report shown
 * before a navigation (the city's, on the same day) must not pass for it.
 */
async function reportShown(page: Page, region: string): Promise<void> {
  await page.waitForSelector(`[data-testid=report][data-region="${region}"][data-as-of="${AS_OF}"]:not(.stale)`, SOON);
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.goto(`${platform.url}/`);
  await page.fill("textarea[name=token]", token);
  await page.click("button[type=submit]");
  await page.waitForSelector("[data-testid=who]");
}

/** Region names by code, as the API has them. */
async function villageNames(codes: string[]): Promise<Record<string, string>> {
  const { regions } = await platform.ok(
    `query ($codes: [String!]!) { regions(where: { code: { in: $codes } }, limit: 1000) { code name } }`,
    { codes },
  );
  return Object.fromEntries(regions.map((r: { code: string; name: string }) => [r.code, r.name]));
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
/** A screenshot at each width the explorer must hold (1440 and 1024 px). */
async function shotAtWidths(page: Page, name: string): Promise<void> {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, `${name}-${width}`);
  }
}
/** Same as the dashboard (web/app/src/components/Bar.tsx RATE_THRESHOLDS). */
const rating = (share: number) => (share >= 0.9 ? "green" : share >= 0.6 ? "amber" : "red");
/** Words in capitals: an enum value (COMMITTEE, ACTIVE …) that reached the page untranslated, gap reasons included. */
const rawEnums = (page: Page) =>
  page.evaluate(`(() => {
    const copy = document.body.cloneNode(true);
    copy.querySelectorAll("script, style").forEach((element) => element.remove());
    return copy.innerText.match(/\\b[A-Z][A-Z_]{3,}\\b/g) ?? [];
  })()`) as Promise<string[]>;
/** Links whose text broke over more than one line (a name squeezed to one character a line). */
const brokenNames = (page: Page, selector: string) =>
  page.$$eval(selector, (links) =>
    links.filter((link) => link.getClientRects().length > 1).map((link) => link.textContent),
  );
const percent = (rate: number | null) => (rate === null ? "–" : `${(rate * 100).toFixed(1)}%`);

describe("web explorer", () => {
  it("asks for a token, refuses a bad one, keeps a good one across reloads, and switches to English", async () => {
    const { context, page } = await newPage();
    await page.goto(`${platform.url}/`);
    await page.waitForSelector("textarea[name=token]");
    await shot(page, "sign-in");

    await page.fill("textarea[name=token]", "not-a-token");
    await page.click("button[type=submit]");
    await expect.poll(() => page.locator("[role=alert]").textContent(), SOON).toContain("令牌无效");
    expect(await page.locator("textarea[name=token]").count()).toBe(1);

    await signIn(page, admin);
    expect(await page.textContent("[data-testid=who]")).toContain("web-admin");
    await page.reload();
    await page.waitForSelector("[data-testid=who]");
    expect(await page.textContent("[data-tab=dashboard]")).toBe("覆盖看板");
    await page.click("[data-testid=lang]");
    expect(await page.textContent("[data-tab=dashboard]")).toBe("Coverage");
    await page.reload();
    await page.waitForSelector("[data-testid=who]");
    expect(await page.textContent("[data-tab=dashboard]")).toBe("Coverage");
    await context.close();
  });

  it("shows the API's coverage figures for Laixi, its towns, its gaps, and exports the gap list", async () => {
    const { context, page } = await newPage();
    await signIn(page, admin);
    await page.goto(`${platform.url}/#/dashboard?region=${LAIXI}&asOf=${AS_OF}`);
    await reportShown(page, LAIXI);
    await page.waitForSelector("[data-testid=gap-total]");

    const { coverageReport: report } =
      await platform.ok(`{ coverageReport(regionCode: "${LAIXI}", asOf: "${AS_OF}", depth: 1) {
      region { name }
      twoNew { total organizational workOnly none orgCoverageRate workCoverageRate }
      villages { total withPartyOrg chainComplete secretaryIsDirector secretaryIsCollectiveHead weak withPartyLedCooperative centralHouseholdReach }
      gapCounts { kind count } children { region { code } } } }`);
    const shown = Object.fromEntries(
      await page.$$eval("[data-figure]", (elements) =>
        elements.map((element) => [element.getAttribute("data-figure")!, element.textContent!]),
      ),
    );
    const expected: Record<string, string> = {};
    for (const [key, value] of Object.entries(report.twoNew))
      expected[`twoNew.${key}`] = key.endsWith("Rate") ? percent(value as number | null) : String(value);
    for (const [key, value] of Object.entries(report.villages))
      expected[`villages.${key}`] = key.endsWith("Reach") ? percent(value as number | null) : String(value);
    expect(shown).toEqual(expected);
    expect(await page.textContent("[data-testid=region-name]")).toContain(report.region.name);

    const gapCounts = Object.fromEntries(
      await page.$$eval("[data-gap-count]", (elements) =>
        elements.map((element) => [
          element.getAttribute("data-gap-count")!,
          Number(element.querySelector("b")!.textContent),
        ]),
      ),
    );
    expect(gapCounts).toEqual(
      Object.fromEntries(report.gapCounts.map((g: { kind: string; count: number }) => [g.kind, g.count])),
    );
    const children = await page.$$eval("[data-child]", (rows) => rows.map((row) => row.getAttribute("data-child")));
    expect(children).toEqual(report.children.map((c: { region: { code: string } }) => c.region.code));

    const total = async (kinds?: string[]) =>
      (
        await platform.ok(
          `query ($kinds: [GapKind!]) { coverageGaps(regionCode: "${LAIXI}", asOf: "${AS_OF}", kinds: $kinds) { totalCount } }`,
          { kinds },
        )
      ).coverageGaps.totalCount;
    expect(Number(await page.getAttribute("[data-testid=gap-total]", "data-total"))).toBe(await total());
    // Each gap row gives its reason in the page's language: Chinese, as the API words it, no English sentence.
    const { coverageGaps } = await platform.ok(
      `{ coverageGaps(regionCode: "${LAIXI}", asOf: "${AS_OF}", first: 50) { edges { node { reasonLabel { zh } } } } }`,
    );
    await page.waitForSelector("[data-testid=gaps] td.reason", SOON);
    const reasons = await page.$$eval("[data-testid=gaps] td.reason", (cells) => cells.map((cell) => cell.textContent));
    expect(reasons).toEqual(
      coverageGaps.edges.map((e: { node: { reasonLabel: { zh: string } } }) => e.node.reasonLabel.zh),
    );
    expect(reasons.filter((reason) => /[A-Za-z]{3,}/.test(reason!))).toEqual([]);
    await shot(page, "dashboard");
    // At 1024 px a gap kind's name keeps its width beside the long reasons: none broken over more than two lines.
    await page.waitForSelector("[data-testid=gaps] td.kind span", SOON);
    await page.setViewportSize({ width: 1024, height: 900 });
    const brokenKinds = await page.$$eval("[data-testid=gaps] td.kind span", (spans) =>
      spans.filter((span) => span.getClientRects().length > 2).map((span) => span.textContent),
    );
    expect(brokenKinds).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.click("[data-kind-filter=WEAK_VILLAGE_UNPAIRED]");
    const weak = await total(["WEAK_VILLAGE_UNPAIRED"]);
    await expect.poll(() => page.getAttribute("[data-testid=gap-total]", "data-total"), SOON).toBe(String(weak));
    expect(await page.locator("[data-testid=gaps] tbody tr").count()).toBe(weak);

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-export='gaps.xlsx']")]);
    // Named as the server names it: the filter is in the name.
    expect(download.suggestedFilename()).toBe(`gaps-${LAIXI}-${AS_OF}-WEAK_VILLAGE_UNPAIRED.xlsx`);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe("PK"); // an .xlsx is a zip
    await context.close();
  });

  it("reads Laixi at a glance: the donut's classes, towns ranked by gaps, rated bars, a sorted table, a chart saved as PNG", async () => {
    const { context, page } = await newPage(1440);
    await signIn(page, admin);
    await page.goto(`${platform.url}/#/dashboard?region=${LAIXI}&asOf=${AS_OF}`);
    await reportShown(page, LAIXI);
    const { coverageReport: report } =
      await platform.ok(`{ coverageReport(regionCode: "${LAIXI}", asOf: "${AS_OF}", depth: 1) {
      twoNew { organizational workOnly none total }
      children { region { code name } twoNew { orgCoverageRate } gapCounts { count } } } }`);

    // The donut shows each coverage class with the API's count, and the total in its middle.
    const slices = await page.$$eval("[data-chart=coverage-classes] [data-slice]", (gs) =>
      gs.map((g) => [g.getAttribute("data-slice"), g.querySelector(".slice-value")!.textContent]),
    );
    expect(slices).toEqual([
      ["organizational", String(report.twoNew.organizational)],
      ["workOnly", String(report.twoNew.workOnly)],
      ["none", String(report.twoNew.none)],
    ]);
    expect(await page.textContent("[data-chart=coverage-classes] svg > text")).toBe(String(report.twoNew.total));

    // Towns ranked by their gaps, most first, each with its own count.
    type Child = {
      region: { code: string; name: string };
      twoNew: { orgCoverageRate: number | null };
      gapCounts: Array<{ count: number }>;
    };
    const gapsOf = new Map<string, number>(
      report.children.map((c: Child) => [c.region.code, c.gapCounts.reduce((sum, g) => sum + g.count, 0)]),
    );
    const ranked = await page.$$eval("[data-ranked]", (gs) =>
      gs.map((g) => [g.getAttribute("data-ranked")!, Number(g.getAttribute("data-value"))] as const),
    );
    expect(ranked.length).toBe(report.children.length);
    for (const [code, count] of ranked) expect(count).toBe(gapsOf.get(code));
    expect(ranked.map(([, count]) => count)).toEqual([...gapsOf.values()].sort((a, b) => b - a));

    // Each organizational coverage bar is coloured by the thresholds; not every bar is green.
    const ratings = await page.$$eval("[data-child]", (rows) =>
      rows.map((row) => [
        row.getAttribute("data-child"),
        row.querySelectorAll("td")[4]?.querySelector(".bar")?.getAttribute("data-rating") ?? null,
      ]),
    );
    const expected = report.children.map((c: Child) => [
      c.region.code,
      c.twoNew.orgCoverageRate === null ? null : rating(c.twoNew.orgCoverageRate),
    ]);
    expect(Object.fromEntries(ratings)).toEqual(Object.fromEntries(expected));
    expect(await page.textContent("[data-testid=thresholds]")).toBe("绿 ≥ 90%，黄 ≥ 60%，红 < 60%");
    const colours = await page.$$eval("[data-testid=children] .bar[data-rating]", (bars) => [
      ...new Set(bars.map((bar) => bar.getAttribute("data-rating"))),
    ]);
    expect(colours.length).toBeGreaterThan(1);

    // Clicking a header sorts by it: gaps, most first.
    await page.click("[data-sort=gaps] button");
    const mostGaps = Math.max(...gapsOf.values());
    expect(gapsOf.get((await page.getAttribute("[data-child]:first-child", "data-child"))!)).toBe(mostGaps);
    expect(await page.getAttribute("[data-sort=gaps]", "aria-sort")).toBe("descending");
    await page.click("[data-sort=gaps] button");
    expect(gapsOf.get((await page.getAttribute("[data-child]:first-child", "data-child"))!)).toBe(
      Math.min(...gapsOf.values()),
    );
    // Gap chips: by count (the default), largest first.
    const chipCounts = await page.$$eval("[data-gap-count] b", (bs) => bs.map((b) => Number(b.textContent)));
    expect(chipCounts).toEqual([...chipCounts].sort((a, b) => b - a));

    const [image] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-save-chart=coverage-classes]"),
    ]);
    expect(image.suggestedFilename()).toBe(`coverage-classes-${LAIXI}-${AS_OF}.png`);
    expect(
      fs
        .readFileSync(await image.path())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");

    expect(await rawEnums(page)).toEqual([]);
    await shotAtWidths(page, "dashboard");
    // At 1024 px the towns' names stay on one line.
    expect(await brokenNames(page, "[data-child] td.name a")).toEqual([]);
    await context.close();
  });

  it("places Laixi's towns at their coordinates, sized by their gaps, coloured by the thresholds for a share, and saves the map", async () => {
    const { context, page } = await newPage(1440);
    await signIn(page, admin);
    await page.goto(`${platform.url}/#/dashboard?region=${LAIXI}&asOf=${AS_OF}`);
    await page.waitForSelector("[data-chart=region-map] [data-located]", SOON);
    const { coverageReport: report } =
      await platform.ok(`{ coverageReport(regionCode: "${LAIXI}", asOf: "${AS_OF}", depth: 1) {
      children { region { code } twoNew { orgCoverageRate } villages { total chainComplete } gapCounts { count } } } }`);
    const { regions } = await platform.ok(
      `query ($codes: [String!]!) { regions(where: { code: { in: $codes } }) { code location { latitude longitude } } }`,
      {
        codes: report.children.map((c: { region: { code: string } }) => c.region.code),
      },
    );
    const where = new Map<string, { latitude: number; longitude: number }>(
      regions
        .filter((r: { location: unknown }) => r.location)
        .map((r: { code: string; location: { latitude: number; longitude: number } }) => [r.code, r.location]),
    );
    expect(where.size).toBe(report.children.length); // every town of the sample has coordinates
    type Mark = { code: string; value: string; rating: string | null; x: number; y: number; r: number };
    const marks = () =>
      page.$$eval("[data-chart=region-map] [data-located]", (gs) =>
        gs.map((g) => ({
          code: g.getAttribute("data-located")!,
          value: g.getAttribute("data-value")!,
          rating: g.getAttribute("data-rating"),
          x: Number(g.getAttribute("data-x")),
          y: Number(g.getAttribute("data-y")),
          r: Number(g.querySelector("circle")!.getAttribute("r")),
        })),
      ) as Promise<Mark[]>;

    // Each town where it lies: east is right, north is up.
    const drawn = await marks();
    expect(new Set(drawn.map((m) => m.code))).toEqual(new Set(where.keys()));
    const byLongitude = [...drawn]
      .sort((a, b) => where.get(a.code)!.longitude - where.get(b.code)!.longitude)
      .map((m) => m.code);
    expect([...drawn].sort((a, b) => a.x - b.x).map((m) => m.code)).toEqual(byLongitude);
    const byLatitude = [...drawn]
      .sort((a, b) => where.get(b.code)!.latitude - where.get(a.code)!.latitude)
      .map((m) => m.code);
    expect([...drawn].sort((a, b) => a.y - b.y).map((m) => m.code)).toEqual(byLatitude);
    // By default sized by the town's gaps: the API's counts, more gaps a larger circle.
    type Child = {
      region: { code: string };
      twoNew: { orgCoverageRate: number | null };
      villages: { total: number; chainComplete: number };
      gapCounts: Array<{ count: number }>;
    };
    const children = new Map<string, Child>(report.children.map((c: Child) => [c.region.code, c]));
    for (const mark of drawn)
      expect(Number(mark.value)).toBe(children.get(mark.code)!.gapCounts.reduce((sum, g) => sum + g.count, 0));
    const bySize = [...drawn].sort((a, b) => Number(a.value) - Number(b.value));
    for (let i = 1; i < bySize.length; i += 1) expect(bySize[i]!.r).toBeGreaterThanOrEqual(bySize[i - 1]!.r);
    expect(await page.getAttribute("[data-chart=region-map] .scale-bar", "data-km")).toMatch(/^\d+(\.\d+)?$/);

    // A share instead: one size, coloured green/amber/red by the thresholds.
    await page.selectOption("select[name=map-indicator]", "chainComplete");
    await expect.poll(async () => (await marks()).every((m) => m.rating !== null), SOON).toBe(true);
    for (const mark of await marks()) {
      const { villages } = children.get(mark.code)!;
      expect(mark.rating).toBe(rating(villages.chainComplete / villages.total));
    }
    expect(await page.textContent("[data-chart=region-map] .map-caption")).toContain("绿 ≥ 90%");
    const [image] = await Promise.all([page.waitForEvent("download"), page.click("[data-save-chart=region-map]")]);
    expect(image.suggestedFilename()).toBe(`map-${LAIXI}-${AS_OF}.png`);
    await page.locator("[data-chart=region-map]").scrollIntoViewIfNeeded();
    await shotAtWidths(page, "dashboard-map");

    // Clicking a town opens its dashboard.
    const first = drawn[0]!.code;
    await page.dispatchEvent(`[data-chart=region-map] [data-located="${first}"]`, "click");
    await reportShown(page, first);
    expect(page.url()).toContain(`region=${first}`);
    await context.close();
  });

  it("draws a village's organization chain and marks what is missing", async () => {
    const { regions } = await platform.ok(
      `{ regions(where: { parent: { some: { code: { eq: "${TOWN}" } } }, level: { eq: VILLAGE }, status: { eq: ACTIVE } }, sort: [{ code: ASC }]) { code } }`,
    );
    type Chain = {
      complete: boolean;
      missingLabels: Array<{ zh: string; en: string }>;
      villageOrganization: { name: string } | null;
      grids: Array<{ code: string; gridOrganization: { name: string } | null; centralHouseholdsBelow: number }>;
    };
    const chains: Array<[string, Chain]> = [];
    for (const { code } of regions.slice(0, 12)) {
      const { organizationChain } = await platform.ok(`{ organizationChain(villageCode: "${code}") {
        complete missingLabels { zh en } villageOrganization { name } grids { code gridOrganization { name } centralHouseholdsBelow } } }`);
      chains.push([code, organizationChain]);
    }
    // A broken chain shows more than a complete one; fall back to any village.
    const [village, chain] = chains.find(([, c]) => !c.complete) ?? chains[0]!;
    const { context, page } = await newPage(1440);
    await signIn(page, admin);
    await page.goto(`${platform.url}/#/dashboard?region=${village}`);
    await page.waitForSelector("[data-testid=chain] [data-complete]");
    expect(await page.getAttribute("[data-testid=chain] [data-complete]", "data-complete")).toBe(
      String(chain.complete),
    );
    expect(await page.textContent("[data-chain=villageOrganization]")).toContain(
      chain.villageOrganization?.name ?? "缺：村党组织",
    );
    expect(await page.$$eval("[data-grid]", (rows) => rows.map((row) => row.getAttribute("data-grid")))).toEqual(
      chain.grids.map((g) => g.code),
    );
    const missingMarks =
      chain.grids.filter((g) => !g.gridOrganization).length +
      chain.grids.filter((g) => g.centralHouseholdsBelow === 0).length;
    expect(await page.locator("[data-grid] [data-missing]").count()).toBe(missingMarks);
    // What breaks the chain, as the API words it in Chinese.
    expect(await page.locator("[data-testid=chain-breaks] li").allTextContents()).toEqual(
      chain.missingLabels.map((m) => m.zh),
    );
    // A village's children are its grids: no "村 0, 0/0".
    expect(await page.locator("[data-testid=children] [data-sort=villages]").count()).toBe(0);
    expect(await page.locator("[data-testid=children] .bar-text", { hasText: "0 / 0" }).count()).toBe(0);
    expect(await rawEnums(page)).toEqual([]);
    await shotAtWidths(page, "village-chain");
    await context.close();
  });

  it("draws Laixi's pairing network captioned, weak villages ringed, finds a node and a path by name, and hides councils when asked", async () => {
    const { context, page } = await newPage(1440);
    await signIn(page, admin);
    const { pairingNetwork } = await platform.ok(
      `{ pairingNetwork(regionCode: "${LAIXI}") { nodes { id type label } } }`,
    );
    await page.goto(`${platform.url}/#/network?region=${LAIXI}`);
    await page.waitForSelector("[data-node-id]");
    await page.waitForSelector("[data-node-id].weak", SOON);
    const drawn = await page.$$eval("[data-node-id]", (nodes) =>
      nodes.map((node) => [node.getAttribute("data-node-id")!, node.classList.contains("weak")] as const),
    );
    expect(drawn.length).toBeGreaterThan(100);
    const inNetwork = new Set(pairingNetwork.nodes.map((n: { id: string }) => n.id));
    // Every node of the network is drawn; the only others are weak villages' organizations (unpaired, so in no pairing).
    expect(new Set(drawn.map(([id]) => id).filter((id) => inNetwork.has(id)))).toEqual(inNetwork);
    expect(drawn.filter(([id]) => !inNetwork.has(id)).every(([, weak]) => weak)).toBe(true);
    expect(drawn.filter(([, weak]) => weak).length).toBeGreaterThan(0);
    // Every organization is captioned with its name (cut when long).
    const captions = await page.$$eval("[data-node-id] text.caption", (texts) => texts.length);
    expect(captions).toBe(
      drawn.length - pairingNetwork.nodes.filter((n: { type: string }) => n.type === "PAIRING").length,
    );

    // Search by name: the node is selected, its details open, the drawing zooms to it.
    const target = pairingNetwork.nodes.find((n: { id: string }) => n.id === "inst-lxyy");
    await page.fill("input[name=search]", target.label.slice(0, 4));
    await page.click(`[data-options=search] [data-option="${target.id}"]`);
    await page.waitForSelector(`[data-node-id="${target.id}"].selected`);
    expect(await page.textContent("[data-testid=node-details] h4")).toBe(target.label);
    expect(await page.getAttribute("[data-testid=network]", "data-zoomed")).toBe("true");
    await shot(page, "network-search");

    // A path found by names picked from the filtered lists.
    const { connectionPath } = await platform.ok(
      `{ connectionPath(fromId: "inst-qau", toId: "inst-lxyy") { found hops nodes { id type label } } }`,
    );
    expect(connectionPath.found).toBe(true);
    const from = pairingNetwork.nodes.find((n: { id: string }) => n.id === "inst-qau");
    for (const [end, node] of [
      ["from", from],
      ["to", target],
    ] as const) {
      await page.fill(`.path-finder input[name=${end}]`, node.label.slice(0, 3));
      await page.click(`[data-options=${end}] [data-option="${node.id}"]`);
      expect(await page.inputValue(`.path-finder input[name=${end}]`)).toBe(node.label);
    }
    await page.click(".path-finder button[type=submit]");
    await page.waitForSelector("[data-testid=path] ol li");
    const listed = await page.$$eval("[data-testid=path] .path-node", (items) => items.map((item) => item.textContent));
    expect(listed.length).toBe(connectionPath.nodes.length);
    connectionPath.nodes.forEach((node: { type: string; label: string }, i: number) => {
      if (node.type !== "PAIRING") expect(listed[i]).toBe(node.label);
    });
    expect(await page.locator("[data-node-id].on-path").count()).toBeGreaterThan(1);
    expect(await rawEnums(page)).toEqual([]);
    await shotAtWidths(page, "network");

    // Unchecking councils leaves none drawn.
    expect(await page.locator("[data-node-type=JOINT_COUNCIL]").count()).toBeGreaterThan(0);
    await page.click("label.check:has-text('含联席会议与议事会') input");
    await expect.poll(() => page.locator("[data-node-type=JOINT_COUNCIL]").count(), SOON).toBe(0);
    await context.close();
  });

  it("brings in a node's neighbours beyond the town on a double click, and colours or sizes nodes by a property", async () => {
    type Node = {
      id: string;
      type: string;
      label: string;
      regionCode: string | null;
      attributes: { category: string | null; formalMembers: number | null };
    };
    type Edge = { source: string; target: string; type: string };
    const { pairingNetwork: whole } = await platform.ok(`{ pairingNetwork(regionCode: "${LAIXI}") {
      nodes { id type label regionCode attributes { category formalMembers } } edges { source target type } } }`);
    const byId = new Map<string, Node>(whole.nodes.map((n: Node) => [n.id, n]));
    const townOf = (code: string | null) =>
      code?.startsWith("370285") && code.slice(6, 9) !== "000" ? `${code.slice(0, 9)}000` : null;
    // An institution whose Party organization is paired with villages of two towns or more.
    let found: { institution: string; pairings: Map<string, string> } | undefined;
    for (const institution of whole.nodes.filter((n: Node) => n.type === "INSTITUTION")) {
      const orgs = whole.edges
        .filter((e: Edge) => e.type === "HAS_PARTY_ORG" && e.source === institution.id)
        .map((e: Edge) => e.target);
      const pairings = new Map<string, string>();
      for (const edge of whole.edges.filter((e: Edge) => e.type === "PARTY_TO" && orgs.includes(e.source))) {
        const other = whole.edges.find(
          (e: Edge) =>
            e.type === "PARTY_TO" &&
            e.target === edge.target &&
            !orgs.includes(e.source) &&
            townOf(byId.get(e.source)!.regionCode),
        );
        if (other) pairings.set(edge.target, townOf(byId.get(other.source)!.regionCode)!);
      }
      if (new Set(pairings.values()).size >= 2) {
        found = { institution: institution.id, pairings };
        break;
      }
    }
    expect(found).toBeDefined();
    const town = [...found!.pairings.values()][0]!;
    const elsewhere = [...found!.pairings].filter(([, t]) => t !== town).map(([pairing]) => pairing);

    const { context, page } = await newPage(1440);
    await signIn(page, admin);
    await page.goto(`${platform.url}/#/network?region=${town}`);
    await page.waitForSelector(`[data-node-id="${found!.institution}"]`, SOON);
    for (const pairing of elsewhere) expect(await page.locator(`[data-node-id="${pairing}"]`).count()).toBe(0);
    await page.dispatchEvent(`[data-node-id="${found!.institution}"]`, "dblclick");
    await page.waitForSelector("[data-testid=expansion][data-added]", SOON);
    // Its pairings in other towns are drawn now, marked as brought in, with their other parties.
    expect(Number(await page.getAttribute("[data-testid=expansion]", "data-added"))).toBeGreaterThanOrEqual(
      2 * elsewhere.length,
    );
    for (const pairing of elsewhere) expect(await page.locator(`[data-node-id="${pairing}"].expanded`).count()).toBe(1);
    await shotAtWidths(page, "network-expanded");

    // Weak villages red, other villages green, the rest grey.
    await page.selectOption("select[name=encoding]", "weak");
    const fills = () =>
      page.$$eval("[data-node-id]", (gs) =>
        gs.map(
          (g) =>
            [
              g.getAttribute("data-node-id")!,
              g.classList.contains("weak"),
              g.querySelector("circle")!.getAttribute("fill")!,
            ] as const,
        ),
      );
    for (const [id, weak, fill] of await fills()) {
      const node = byId.get(id);
      const village = node?.type === "PARTY_ORGANIZATION" && node.attributes.category === "VILLAGE";
      expect(fill, id).toBe(weak ? "#c62828" : village ? "#2e7d32" : "#c8c8c8");
    }
    // Sized by formal Party members: the API's figure gives the radius.
    await page.selectOption("select[name=encoding]", "members");
    const radii = await page.$$eval("[data-node-type=PARTY_ORGANIZATION]:not(.selected)", (gs) =>
      gs.map((g) => [g.getAttribute("data-node-id")!, Number(g.querySelector("circle")!.getAttribute("r"))] as const),
    );
    expect(radii.length).toBeGreaterThan(0);
    for (const [id, r] of radii) {
      const members = byId.get(id)?.attributes.formalMembers;
      if (members !== undefined && members !== null) expect(r).toBeCloseTo(3 + 1.6 * Math.sqrt(members), 3);
    }
    expect(await rawEnums(page)).toEqual([]);
    await context.close();
  });

  // The time is printed, not asserted (a busy machine's figure says nothing): 540 ms on a quiet one, against 2 s.
  it("lays out a district's network of 500 nodes and says how long d3-force took", async () => {
    // A district of its own (378500…): 200 villages' organizations, each paired with one of 50 institutions.
    await driver.executeQuery(`
      CREATE (d:Region {code: '378500000000', name: '布局测试区', level: 'DISTRICT', status: 'ACTIVE'})
      WITH d UNWIND range(1, 5) AS t
      CREATE (town:Region {code: '378500' + right('00' + toString(100 + t), 3) + '000', name: '布局测试镇' + t, level: 'TOWN', status: 'ACTIVE'})-[:PART_OF]->(d)
      WITH d, town, t UNWIND range(1, 40) AS v
      CREATE (village:Region {code: left(town.code, 9) + toString(200 + v), name: '布局测试村' + t + '-' + v, level: 'VILLAGE', status: 'ACTIVE'})-[:PART_OF]->(town)
      CREATE (:PartyOrganization {id: 'layout-po-' + t + '-' + v, name: '布局测试村党支部' + t + '-' + v, kind: 'BRANCH', category: 'VILLAGE', status: 'ACTIVE', isWeak: false})-[:BASED_IN]->(village)
    `);
    await driver.executeQuery(`
      MATCH (d:Region {code: '378500000000'})
      UNWIND range(0, 49) AS i
      CREATE (inst:Institution {id: 'layout-inst-' + i, name: '布局测试单位' + i, kind: 'SOE'})-[:LOCATED_IN]->(d)
      CREATE (inst)-[:HAS_PARTY_ORG]->(:PartyOrganization {id: 'layout-inst-po-' + i, name: '布局测试单位党委' + i, kind: 'COMMITTEE', category: 'INSTITUTION', status: 'ACTIVE'})-[:BASED_IN]->(d)
    `);
    await driver.executeQuery(`
      MATCH (v:PartyOrganization) WHERE v.id STARTS WITH 'layout-po-'
      WITH v ORDER BY v.id
      WITH collect(v) AS villages
      UNWIND range(0, size(villages) - 1) AS k
      WITH villages[k] AS village, k
      MATCH (helper:PartyOrganization {id: 'layout-inst-po-' + (k % 50)})
      CREATE (p:Pairing {id: 'layout-pairing-' + k, kind: 'INSTITUTION_VILLAGE', status: 'ACTIVE', startedOn: date('2025-01-01')})
      CREATE (helper)-[:PARTY_TO {role: 'HELPER'}]->(p)
      CREATE (village)-[:PARTY_TO {role: 'RECIPIENT'}]->(p)
    `);
    try {
      const { context, page } = await newPage(1440);
      await signIn(page, admin);
      await page.goto(`${platform.url}/#/network?region=378500000000`);
      await page.waitForSelector("[data-testid=network][data-layout-ms]", { timeout: 60_000 });
      const nodes = Number(await page.getAttribute("[data-testid=network]", "data-layout-nodes"));
      const ms = Number(await page.getAttribute("[data-testid=network]", "data-layout-ms"));
      console.log(`network layout: ${nodes} nodes laid out by d3-force in ${ms} ms in Chromium`);
      expect(nodes).toBe(500);
      expect(await page.locator("[data-node-id]").count()).toBe(500);
      expect(ms).toBeGreaterThan(0);
      await shot(page, "network-500");
      await context.close();
    } finally {
      // Domain nodes only: the kept analytics (Analytics*) are the platform's to clear, as it does for any deletion.
      await driver.executeQuery(
        "MATCH (n) WHERE (n.code STARTS WITH '378500' OR n.id STARTS WITH 'layout-') AND none(l IN labels(n) WHERE l STARTS WITH 'Analytics') DETACH DELETE n",
      );
    }
  });

  it("tells a town's analyst that a pairing's other party is outside its regions, without naming it", async () => {
    // A pairing with a party based outside one town of Laixi: seen from that town, one party is hidden.
    const { pairingNetwork: whole } = await platform.ok(
      `{ pairingNetwork(regionCode: "${LAIXI}") { nodes { id type label regionCode } edges { source target type } } }`,
    );
    const byId = new Map<string, { id: string; type: string; label: string; regionCode: string | null }>(
      whole.nodes.map((n: { id: string }) => [n.id, n]),
    );
    type Drawn = { id: string; type: string; label: string; regionCode: string | null };
    const partiesOf = (pairing: string): Drawn[] =>
      whole.edges
        .filter((e: { type: string; target: string }) => e.type === "PARTY_TO" && e.target === pairing)
        .map((e: { source: string }) => byId.get(e.source)!);
    const townOf = (code: string | null) =>
      code && code.startsWith("370285") && !code.startsWith("370285000") ? `${code.slice(0, 9)}000` : null;
    let found: { town: string; pairing: string; hidden: string } | undefined;
    for (const node of whole.nodes.filter((n: { type: string }) => n.type === "PAIRING")) {
      const parties = partiesOf(node.id);
      const inside = parties.find((p) => townOf(p.regionCode));
      const outside = inside && parties.find((p) => !p.regionCode?.startsWith(inside.regionCode!.slice(0, 9)));
      if (inside && outside) {
        found = { town: townOf(inside.regionCode)!, pairing: node.id, hidden: outside.label };
        break;
      }
    }
    expect(found).toBeDefined();
    const { context, page } = await newPage(1440);
    await signIn(page, await tokenFor("ANALYST", [found!.town], "web-town-analyst"));
    await page.goto(`${platform.url}/#/network?region=${found!.town}&focus=${found!.pairing}`);
    await page.waitForSelector("[data-testid=out-of-scope]", SOON);
    expect(await page.textContent("[data-testid=out-of-scope]")).toContain("对方不在您的权限范围内");
    expect(await page.locator(`[data-node-id="${found!.pairing}"].partial`).count()).toBe(1);
    expect(await page.textContent("body")).not.toContain(found!.hidden);
    await shot(page, "network-out-of-scope");
    await context.close();
    // It reads the whole district's network first: a busy machine needs more than the default minute.
  }, 120_000);

  it("simulates a merge of villages picked on the town's map and shows the simulation's figures", async () => {
    const { context, page } = await newPage();
    await signIn(page, admin);
    await page.goto(`${platform.url}/#/planner?town=${TOWN}`);
    await page.waitForSelector("[data-village]");
    const { regions } = await platform.ok(
      `{ regions(where: { parent: { some: { code: { eq: "${TOWN}" } } }, level: { eq: VILLAGE }, status: { eq: ACTIVE } }, sort: [{ code: ASC }]) { code } }`,
    );
    expect(await page.locator("[data-village]").count()).toBe(regions.length);

    const picked = regions.slice(0, 3).map((r: { code: string }) => r.code);
    for (const code of picked) await page.click(`[data-village="${code}"]`);
    await page.click("[data-testid=simulate]");
    await page.waitForSelector("[data-testid=simulation]");

    const { simulateMerge: simulation } = await platform.ok(
      `query ($input: MergeInput!) { simulateMerge(input: $input) { groups { code population households recommendedOrgKind
        secretaryCandidates { personId reasonLabels { zh } } warnings { code value limit messageLabel { zh } } } town { villagesBefore villagesAfter } } }`,
      { input: { townCode: TOWN, groups: [{ name: "新村1", villageCodes: picked }] } },
    );
    const cell = (row: string) => page.textContent(`[data-sim=${row}] td`);
    const [group] = simulation.groups;
    // Each warning that has a limit shows the value against it.
    for (const warning of group.warnings.filter((w: { limit: number | null }) => w.limit !== null)) {
      expect(await page.textContent(`[data-warning=${warning.code}] .limit`)).toContain(String(warning.limit));
    }
    // Each warning explains itself in the page's language.
    for (const warning of group.warnings)
      expect(await page.getAttribute(`[data-warning=${warning.code}]`, "title")).toBe(warning.messageLabel.zh);
    // Each candidate shown explains its score in Chinese.
    const candidates = group.secretaryCandidates.slice(0, 3);
    expect(await page.locator("[data-sim=secretaryCandidates] [data-candidate]").count()).toBe(candidates.length);
    for (const candidate of candidates as Array<{ personId: string; reasonLabels: Array<{ zh: string }> }>) {
      expect(await page.getAttribute(`[data-candidate="${candidate.personId}"]`, "title")).toBe(
        candidate.reasonLabels.map((r) => r.zh).join("\n"),
      );
    }
    expect(await cell("code")).toBe(group.code);
    expect(await cell("population")).toBe(String(group.population));
    expect(await cell("households")).toBe(String(group.households));
    expect(await page.textContent("[data-town=villages] td")).toBe(
      `${simulation.town.villagesBefore} → ${simulation.town.villagesAfter}`,
    );
    expect(await page.getAttribute("[data-testid=village-map] .scale-bar", "data-km")).toMatch(/^\d+(\.\d+)?$/);
    await shotAtWidths(page, "planner");
    await context.close();
  });

  it("draws weak, strong and new villages apart on the planner's map, as the API classes them, with a legend", async () => {
    type Town = { code: string; children: Array<{ code: string; villageClasses: string[] }> };
    const { regions: towns } = await platform.ok<{ regions: Town[] }>(
      `{ regions(where: { level: { eq: TOWN }, status: { eq: ACTIVE } }, sort: [{ code: ASC }]) {
        code children(where: { level: { eq: VILLAGE }, status: { eq: ACTIVE } }) { code villageClasses } } }`,
    );
    const has = (town: Town, villageClass: string) =>
      town.children.some((v) => v.villageClasses.includes(villageClass));
    // A town the planner shows a weak and a new village of (one with a strong village too, when there is one).
    const candidates = towns.filter((town) => has(town, "WEAK") && has(town, "NEW"));
    const town = candidates.find((t) => has(t, "STRONG")) ?? candidates[0];
    expect(town, "a town with a weak and a new village").toBeDefined();
    const { context, page } = await newPage(1440);
    await signIn(page, admin);
    await page.goto(`${platform.url}/#/planner?town=${town!.code}`);
    await page.waitForSelector("[data-village]");
    const drawn = Object.fromEntries(
      await page.$$eval("[data-village]", (marks) =>
        marks.map((mark) => [mark.getAttribute("data-village")!, mark.getAttribute("data-classes")]),
      ),
    );
    expect(drawn).toEqual(Object.fromEntries(town!.children.map((v) => [v.code, v.villageClasses.join(" ")])));
    const weak = town!.children.find((v) => v.villageClasses.includes("WEAK"))!;
    const fresh = town!.children.find((v) => v.villageClasses.includes("NEW"))!;
    expect(await page.locator(`[data-village="${weak.code}"] .weak-ring`).count()).toBe(1);
    expect(await page.locator(`[data-village="${fresh.code}"] rect.mark`).count()).toBe(1);
    const ordinary = town!.children.find((v) => v.villageClasses.length === 0);
    if (ordinary) {
      expect(await page.locator(`[data-village="${ordinary.code}"] circle.mark:not(.strong)`).count()).toBe(1);
      expect(await page.locator(`[data-village="${ordinary.code}"] .weak-ring`).count()).toBe(0);
    }
    const strong = town!.children.find((v) => v.villageClasses.includes("STRONG"));
    if (strong) expect(await page.locator(`[data-village="${strong.code}"] .mark.strong`).count()).toBe(1);
    // The legend names each class by its label (src/domain/labels.ts), drawn as on the map.
    for (const [villageClass, { zh }] of Object.entries(VILLAGE_CLASS_LABELS)) {
      expect(await page.textContent(`[data-testid=village-legend] [data-legend=${villageClass}]`)).toBe(zh);
    }
    expect(await page.locator("[data-legend=WEAK] .weak-ring").count()).toBe(1);
    expect(await page.locator("[data-legend=NEW] rect.mark").count()).toBe(1);
    expect(await page.locator("[data-legend=STRONG] .mark.strong").count()).toBe(1);
    expect(await rawEnums(page)).toEqual([]);
    await shotAtWidths(page, "planner-classes");
    await context.close();
  });

  it("saves two scenarios, compares them, applies one and reverts it after confirmations, as a PLANNER of the town", async () => {
    const before = await fingerprint(driver, PLANNING_LABELS);
    const { context, page } = await newPage();
    // A town-scoped planner, not ADMIN: scoped tokens are who plans (issue 19: they could not save).
    await signIn(page, await tokenFor("PLANNER", [TOWN], "web-planner"));
    await page.goto(`${platform.url}/#/planner?town=${TOWN}`);
    await page.waitForSelector("[data-village]");
    const villages = await page.$$eval("[data-village]", (nodes) =>
      nodes.map((node) => node.getAttribute("data-village")!),
    );
    const names = await villageNames(villages);
    const save = async (name: string) => {
      await page.fill("input[name=scenario]", name);
      await page.click("form:has(input[name=scenario]) button[type=submit]");
      await page.waitForSelector(`[data-scenario]:has-text("${name}")`);
    };
    await page.click(`[data-village="${villages[0]}"]`);
    await page.click(`[data-village="${villages[1]}"]`);
    await save("甲方案");
    await page.click(`[data-village="${villages[2]}"]`);
    await save("乙方案");

    for (const checkbox of await page.locator("[data-scenario] input[type=checkbox]").all()) await checkbox.check();
    await page.click("text=比较所选方案");
    await page.waitForSelector("[data-testid=comparison]");
    expect(
      await page.$$eval("[data-testid=comparison] thead th", (cells) => cells.map((cell) => cell.textContent)),
    ).toEqual(["", "乙方案", "甲方案"]);
    // The rows where the two differ stand out (the groups: two villages against three), the others do not.
    const rows = await page.$$eval("[data-testid=comparison] tbody tr", (trs) =>
      trs.map((tr) => ({
        differs: tr.hasAttribute("data-differs"),
        cells: [...tr.querySelectorAll("td")].map((td) => td.textContent),
      })),
    );
    expect(rows.filter((row) => row.differs).length).toBeGreaterThan(0);
    for (const row of rows) expect(row.differs).toBe(new Set(row.cells).size > 1);
    await shotAtWidths(page, "planner-compare");

    const row = (name: string) => page.locator("[data-scenario]", { hasText: name });
    const act = async (name: string, action: string, status: string, codes: string[]) => {
      await row(name).locator(`[data-action=${action}]`).click();
      await page.waitForSelector("[role=dialog]");
      // The confirmation names every village the action concerns.
      await expect
        .poll(() => page.textContent("[role=dialog] [data-villages]"), SOON)
        .toBe(codes.map((code) => names[code]).join("、"));
      if (action === "apply") await shotAtWidths(page, "planner-confirm");
      await page.click("[data-testid=confirm]");
      await expect
        .poll(
          async () =>
            (await page.locator(".scenarios [role=alert]").allTextContents()).join() || row(name).textContent(),
          SOON,
        )
        .toContain(status);
    };
    await act("甲方案", "apply", "已实施", villages.slice(0, 2));
    // Two villages became one new village.
    await expect.poll(() => page.locator("[data-village]").count(), SOON).toBe(villages.length - 1);
    await act("甲方案", "revert", "已撤销", villages.slice(0, 2));
    await expect.poll(() => page.locator("[data-village]").count(), SOON).toBe(villages.length);
    await act("乙方案", "discard", "已作废", villages.slice(0, 3));
    await shot(page, "planner-scenarios");
    expect(await fingerprint(driver, PLANNING_LABELS)).toEqual(before);
    await context.close();
  });

  it("asks before a suggestion replaces groups made by hand, listing them, and keeps them when told no", async () => {
    const { context, page } = await newPage();
    await signIn(page, admin);
    await page.goto(`${platform.url}/#/planner?town=${TOWN}`);
    await page.waitForSelector("[data-village]");
    const villages = await page.$$eval("[data-village]", (nodes) =>
      nodes.map((node) => node.getAttribute("data-village")!),
    );
    const names = await villageNames(villages);
    const groupTexts = () => page.$$eval("[data-group] span", (spans) => spans.map((span) => span.textContent));
    const handMade = [villages[0]!, villages[2]!].map((code) => names[code]).join("、");
    await page.click(`[data-village="${villages[0]}"]`);
    await page.click(`[data-village="${villages[2]}"]`);
    expect(await groupTexts()).toEqual([handMade]);

    await page.click("[data-testid=suggest]");
    await page.waitForSelector("[role=dialog]");
    expect(await page.textContent("[role=dialog] [data-villages]")).toBe(handMade);
    await shot(page, "planner-suggest-confirm");
    await page.click("[data-testid=cancel]");
    expect(await page.locator("[role=dialog]").count()).toBe(0);
    expect(await groupTexts()).toEqual([handMade]);

    const { suggestMerges } = await platform.ok(
      `{ suggestMerges(townCode: "${TOWN}") { groups { villageCodes } leftAloneVillages { code reasonLabel { zh } } } }`,
    );
    const suggested = suggestMerges.groups.map((g: { villageCodes: string[] }) =>
      g.villageCodes.map((code) => names[code]).join("、"),
    );
    await page.click("[data-testid=suggest]");
    await page.click("[data-testid=confirm]");
    await page.waitForSelector("[data-testid=simulation]");
    expect(await groupTexts()).toEqual(suggested.length ? suggested : [""]);
    // Each village left alone, with its reason in Chinese.
    expect(
      await page.$$eval("[data-testid=left-alone] li", (items) =>
        items.map((item) => [item.getAttribute("data-village"), item.textContent]),
      ),
    ).toEqual(
      suggestMerges.leftAloneVillages.map((v: { code: string; reasonLabel: { zh: string } }) => [
        v.code,
        `${names[v.code]}（${v.code}）：${v.reasonLabel.zh}`,
      ]),
    );
    expect(await rawEnums(page)).toEqual([]);
    // Suggested groups were not made by hand: suggesting again asks nothing.
    await page.click("[data-testid=suggest]");
    await page.waitForSelector("[data-testid=simulation]");
    expect(await page.locator("[role=dialog]").count()).toBe(0);
    await context.close();
  });

  it("suggests toward a target number of villages and shows the target beside what was reached", async () => {
    const { context, page } = await newPage();
    await signIn(page, admin);
    await page.goto(`${platform.url}/#/planner?town=${TOWN}`);
    await page.waitForSelector("[data-village]");
    const villages = await page.locator("[data-village]").count();
    const targetVillages = Math.ceil(villages / 2);
    await page.fill("[data-testid=target]", String(targetVillages));
    await page.click("[data-testid=suggest]");
    await page.waitForSelector("[data-testid=simulation] [data-town=target]", SOON);
    const { suggestMerges } = await platform.ok(
      `query ($options: SuggestOptions) { suggestMerges(townCode: "${TOWN}", options: $options) { target { reached limitedBy } } }`,
      { options: { targetVillages } },
    );
    const row = page.locator("[data-town=target]");
    expect(await row.getAttribute("data-target")).toBe(String(targetVillages));
    expect(await row.getAttribute("data-reached")).toBe(String(suggestMerges.target.reached));
    expect(await row.textContent()).toContain(`目标 / 达成${targetVillages} / ${suggestMerges.target.reached}`);
    expect(await page.locator("[data-limited-by]").count()).toBe(suggestMerges.target.limitedBy.length ? 1 : 0);
    // A target of one village is out of reach: why, in Chinese, on hover.
    await page.fill("[data-testid=target]", "1");
    await page.click("[data-testid=suggest]");
    await page.waitForSelector("[data-testid=simulation] [data-town=target][data-target='1']", SOON);
    const { suggestMerges: short } = await platform.ok(
      `{ suggestMerges(townCode: "${TOWN}", options: { targetVillages: 1 }) { target { reached reasonLabel { zh } } } }`,
    );
    expect(short.target.reached).toBeGreaterThan(1);
    expect(await page.getAttribute("[data-town=target] td", "title")).toBe(short.target.reasonLabel.zh);
    await context.close();
  });

  it("compares Laixi's towns in 2019 and 2023 as the API does, after saying how to record the vintages", async () => {
    const clear = () => driver.executeQuery("MATCH (n) WHERE n:DivisionUnit OR n:DivisionVintage DETACH DELETE n");
    await clear();
    const { context, page } = await newPage(1440);
    await signIn(page, await tokenFor("ANALYST", [LAIXI], "web-layout-analyst"));
    await page.goto(`${platform.url}/#/layout?region=${LAIXI}`);
    await page.waitForSelector("[data-testid=layout-missing]", SOON);
    const missing = (await page.textContent("[data-testid=layout-missing]"))!;
    expect(missing).toContain("npm run divisions -- --region 370285 --vintage 2019 --reference");
    expect(missing).toContain("npm run divisions -- --region 370285 --vintage 2023 --reference");
    expect(await page.locator("[data-testid=layout-table]").count()).toBe(0);

    const divisions = new DivisionImportService(graphFor(driver, { subject: "web-test", role: "ADMIN", regions: [] }));
    for (const year of [2019, 2023]) await divisions.importRegion({ regionCode: "370285", year, reference: true });
    await page.reload();
    await page.waitForSelector("[data-testid=layout-table]", SOON);
    const { layoutComparison: c } = await platform.ok(`{ layoutComparison(regionCode: "${LAIXI}") {
      towns { code from { villages residential total } to { villages residential total } villageChange totalChange }
      total { from { villages total } to { villages total } } } }`);
    const figures = (count: { villages: number; residential: number; total: number } | null) =>
      count ? [count.villages, count.residential, count.total].map(String) : ["–", "–", "–"];
    const signed = (n: number | null) => (n === null ? "–" : n > 0 ? `+${n}` : String(n));
    const table = () =>
      page.$$eval("[data-testid=layout-table] tbody tr", (rows) =>
        rows.map((row) => [
          row.getAttribute("data-town"),
          ...[...row.querySelectorAll("td[data-col]")].map((cell) => cell.textContent),
        ]),
      );
    expect(await table()).toEqual(
      c.towns.map((town: any) => [
        town.code,
        ...figures(town.from),
        ...figures(town.to),
        signed(town.villageChange),
        signed(town.totalChange),
      ]),
    );
    expect(await page.textContent("[data-testid=layout-table] tfoot")).toContain(String(c.total.from.villages));
    expect(await page.textContent("[data-testid=layout-summary]")).toContain(
      `2019 年 ${c.total.from.villages} 个村、${c.total.from.total} 个村级单位；2023 年 ${c.total.to.villages} 个村`,
    );
    // The bars: every town in both vintages (a town gone since has no later bar), 村 and 居委会 as the API counts them.
    const bars = await page.$$eval("[data-layout-bar]", (all) =>
      all.map((bar) => [
        bar.getAttribute("data-layout-bar"),
        bar.getAttribute("data-villages"),
        bar.getAttribute("data-residential"),
      ]),
    );
    expect(bars).toEqual(
      c.towns.flatMap((town: any) =>
        (["from", "to"] as const).map((side) => [
          `${town.code}:${side === "from" ? 2019 : 2023}`,
          town[side] ? String(town[side].villages) : null,
          town[side] ? String(town[side].residential) : null,
        ]),
      ),
    );
    expect(await page.textContent("[data-testid=layout-table] thead")).toContain("2019年村");
    expect(await page.textContent("[data-testid=layout-table] thead")).toContain("2023年居委会");
    // Sorted by the change in villages, clicked twice: ascending, the largest fall first (towns missing a vintage last).
    await page.click("[data-sort=villageChange] button");
    await page.click("[data-sort=villageChange] button");
    const changes = (await table()).map((row) => row.at(-2));
    const expected = [...c.towns]
      .filter((town: any) => town.villageChange !== null)
      .sort((a: any, b: any) => a.villageChange - b.villageChange)
      .map((town: any) => signed(town.villageChange));
    expect(changes.slice(0, expected.length)).toEqual(expected);
    await shotAtWidths(page, "layout");

    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-export='layout.xlsx']")]);
    expect(download.suggestedFilename()).toBe(`layout-${LAIXI}-2019-2023.xlsx`);
    expect(
      fs
        .readFileSync(await download.path())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    expect(await rawEnums(page)).toEqual([]);
    await context.close();
    await clear();
  });

  it("tells a token whose region does not exist what is wrong and what to do, instead of an error and an empty tree", async () => {
    const missing = "370285199000";
    const { context, page } = await newPage();
    await signIn(page, await tokenFor("ANALYST", [missing], "web-lost-analyst"));
    await page.waitForSelector("[data-testid=missing-regions]");
    const notice = (await page.textContent("[data-testid=missing-regions]"))!;
    expect(notice).toContain(missing);
    expect(notice).toContain("npm run token -- --role ANALYST --region");
    expect(await page.locator(".tree, [data-testid=report]").count()).toBe(0);
    expect(notice).not.toMatch(/no region has code/);
    await shot(page, "missing-region");
    await context.close();

    // Beside a region that exists, the missing one is named and left out.
    const partly = await newPage();
    await signIn(partly.page, await tokenFor("ANALYST", [TOWN, missing], "web-partly-analyst"));
    await partly.page.waitForSelector("[data-testid=report]");
    expect(await partly.page.textContent("[data-testid=missing-regions]")).toContain(missing);
    await expect
      .poll(
        () =>
          partly.page.$$eval(".tree > ul > li > .tree-item [data-region]", (links) =>
            links.map((link) => link.getAttribute("data-region")),
          ),
        SOON,
      )
      .toEqual([TOWN]);
    await partly.context.close();
  });

  it("offers each role the pages of its task, starting at its own region", async () => {
    const tabs: Record<string, string[]> = {
      ADMIN: ["dashboard", "network", "planner", "layout"],
      EDITOR: ["dashboard", "network"],
      PLANNER: ["dashboard", "network", "planner", "layout"],
      ANALYST: ["dashboard", "network", "layout"],
      VIEWER: ["dashboard"],
    };
    const { regions } = await platform.ok(`{ regions(where: { code: { eq: "${TOWN}" } }) { name } }`);
    for (const [role, expected] of Object.entries(tabs)) {
      const { context, page } = await newPage();
      await signIn(page, await tokenFor(role as "ADMIN", role === "ADMIN" ? [] : [TOWN], `web-${role.toLowerCase()}`));
      await page.waitForSelector("[data-testid=report]", SOON);
      expect(await page.$$eval("[data-tab]", (all) => all.map((tab) => tab.getAttribute("data-tab"))), role).toEqual(
        expected,
      );
      // Each starts at its own region: ADMIN at the city, the others at their town.
      expect(await page.textContent("[data-testid=region-name]"), role).toContain(
        role === "ADMIN" ? "青岛市" : regions[0].name,
      );
      // The gap list is for those who read details.
      expect(await page.locator("section.gaps").count(), role).toBe(role === "VIEWER" ? 0 : 1);
      await context.close();
    }
  });

  it("walks a town ANALYST's task: the town's gaps with Chinese reasons, then a village's gaps and chain", async () => {
    type Gaps = {
      totalCount: number;
      edges: Array<{ node: { kind: string; subjectId: string; subjectLabel: string; reasonLabel: { zh: string } } }>;
    };
    const gapsOf = async (code: string) =>
      (
        await platform.ok<{ coverageGaps: Gaps }>(
          `{ coverageGaps(regionCode: "${code}", first: 50) { totalCount edges { node { kind subjectId subjectLabel reasonLabel { zh } } } } }`,
        )
      ).coverageGaps;
    const shownReasons = (page: Page) =>
      page.$$eval("[data-testid=gaps] td.reason", (cells) => cells.map((cell) => cell.textContent));
    const { context, page } = await newPage(1440);
    await signIn(page, await tokenFor("ANALYST", [TOWN], "web-analyst-walk"));
    // The analyst starts at its town, whose gaps are listed as the API has them, reasons in Chinese.
    const town = await gapsOf(TOWN);
    await expect
      .poll(() => page.getAttribute("[data-testid=gap-total]", "data-total"), SOON)
      .toBe(String(town.totalCount));
    await expect.poll(() => shownReasons(page), SOON).toEqual(town.edges.map((e) => e.node.reasonLabel.zh));
    // A village's gap leads to the village: its own gaps and its organization chain.
    const village = town.edges.find(
      (e) => e.node.subjectLabel === "Region" && !/^(TOWN|GRID)_/.test(e.node.kind),
    )?.node;
    expect(village, "a gap of a village in the town").toBeDefined();
    await page.locator(`[data-testid=gaps] a[href*="region=${village!.subjectId}"]`).first().click();
    await page.waitForSelector("[data-testid=chain] [data-complete]", SOON);
    const own = await gapsOf(village!.subjectId);
    await expect.poll(() => shownReasons(page), SOON).toEqual(own.edges.map((e) => e.node.reasonLabel.zh));
    expect(await rawEnums(page)).toEqual([]);
    await shotAtWidths(page, "dashboard-analyst");
    await context.close();
  });

  it("shows a VIEWER only aggregate figures of its own region: no gap list, network or planner", async () => {
    const { context, page } = await newPage();
    await signIn(page, await tokenFor("VIEWER", [TOWN]));
    await page.waitForSelector("[data-testid=report]");
    expect(await page.$$eval("[data-tab]", (tabs) => tabs.map((tab) => tab.getAttribute("data-tab")))).toEqual([
      "dashboard",
    ]);
    // The tree loads beside the report: wait for it rather than read it at once.
    await expect
      .poll(
        () =>
          page.$$eval(".tree > ul > li > .tree-item [data-region]", (links) =>
            links.map((link) => link.getAttribute("data-region")),
          ),
        SOON,
      )
      .toEqual([TOWN]);
    const regions = await page.$$eval(".tree [data-region]", (links) =>
      links.map((link) => link.getAttribute("data-region")!),
    );
    expect(regions.every((code) => code.startsWith(TOWN.slice(0, 9)))).toBe(true);
    expect(await page.locator("[data-testid=gaps], [data-export^=gaps]").count()).toBe(0);
    await shot(page, "dashboard-viewer");
    await context.close();
  });

  it("loaded nothing from outside the platform", () => {
    expect(offsite).toEqual([]);
  });
});
