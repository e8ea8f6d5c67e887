/**
 * `verify`: what is kept against a recomputation from scratch, difference by difference. Meant
 * for a quiet moment: a write committed meanwhile shows up as a difference.
 */
import type { Driver } from "neo4j-driver";
import type { RuleThresholds } from "../../config.js";
import type { Tally } from "../coverage.tally.js";
import type { GapRow } from "./cells.js";
import { computeAll } from "./rebuild.js";
import { inSession } from "./transactions.js";

type GapLine = Pick<
  GapRow,
  | "key"
  | "regionCode"
  | "villageCode"
  | "townCode"
  | "missingKinds"
  | "reasonValues"
  | "path"
  | "subjectName"
  | "subjectLabel"
>;

/**
 * Every difference between what is kept and a recomputation from scratch (as the API computes
 * another day): region totals and places, gaps (reason and place), inactive councils.
 */
export async function differences(driver: Driver, rules: RuleThresholds, day: string): Promise<string[]> {
  const expected = await computeAll((work) => inSession(driver, "READ", work), rules, day);
  return inSession(driver, "READ", async (run) => {
    const [kept] = await run<{
      regions: Array<{ code: string; total: Tally | null; path: string }>;
      gaps: GapLine[];
      councils: Array<{
        id: string;
        gap: boolean;
        key: string;
        reasonValues: string | null;
        scope: string[];
        villageCodes: string[];
        townCodes: string[];
      }>;
    }>("analytics/kept-all");
    const problems: string[] = [];
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const keptRegions = new Map(kept!.regions.map((r) => [r.code, r]));
    for (const row of expected.regions) {
      const k = keptRegions.get(row.code);
      if (!k) problems.push(`region ${row.code}: nothing kept`);
      else if (!same(k.total, row.total) || k.path !== row.path)
        problems.push(
          `region ${row.code}: kept ${k.path} ${JSON.stringify(k.total)}, expected ${row.path} ${JSON.stringify(row.total)}`,
        );
      keptRegions.delete(row.code);
    }
    for (const code of keptRegions.keys()) problems.push(`region ${code}: kept but not expected`);
    const gapLine = (g: GapLine) =>
      JSON.stringify([
        g.key,
        g.regionCode,
        g.villageCode,
        g.townCode,
        g.missingKinds,
        g.reasonValues,
        g.path,
        g.subjectName,
        g.subjectLabel,
      ]);
    const keptGaps = new Set(kept!.gaps.map(gapLine));
    const expectedGaps = new Set(expected.gaps.map(gapLine));
    for (const line of expectedGaps) if (!keptGaps.has(line)) problems.push(`gap missing: ${line}`);
    for (const line of keptGaps) if (!expectedGaps.has(line)) problems.push(`gap not expected: ${line}`);
    const councilLine = (c: {
      id: string;
      gap: boolean;
      reasonValues: string | null;
      scope: string[];
      villageCodes: string[];
      townCodes: string[];
    }) => JSON.stringify([c.id, c.gap, c.reasonValues, [...c.scope].sort(), c.villageCodes, c.townCodes]);
    const keptCouncils = new Set(kept!.councils.map(councilLine));
    const expectedCouncils = new Set(expected.councils.map(councilLine));
    for (const line of expectedCouncils) if (!keptCouncils.has(line)) problems.push(`council missing: ${line}`);
    for (const line of keptCouncils) if (!expectedCouncils.has(line)) problems.push(`council not expected: ${line}`);
    return problems;
  });
}
