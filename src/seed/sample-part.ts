/**
 * Part of the sample region (seeds/laixi.json): chosen regions and what hangs on them, for a run
 * that needs real data but not all of it (the soak's short run, tests that write beside the sample).
 */
import { readSeedFile } from "./loader.js";
import { keyOf, type SeedFile } from "./seed-file.js";

/** Relationships whose start hangs on their end: a node whose end is left out of a part is left out too. */
const HANGS_ON = new Set([
  "BASED_IN",
  "LOCATED_IN",
  "OF",
  "SERVES",
  "HELD_BY",
  "OFFERED_BY",
  "UNDER",
  "LIVES_IN",
  "STATIONED_IN",
]);

/**
 * Part of the sample: the regions of Qingdao whose code `keep` accepts, and what hangs on them.
 * With `rename`, moved under a city of its own, so that it can sit beside the sample in one graph:
 * codes 3702… become `prefix`…, every id gets `suffix`, credit codes (unique) are left out.
 */
export function samplePart({
  keep,
  rename,
}: {
  keep: (regionCode: string) => boolean;
  rename?: { prefix: string; suffix: string; cityName: string };
}): SeedFile {
  const seed = readSeedFile();
  const gone = new Set(
    seed.nodes
      .Region!.map((r) => String(r.code))
      .filter((code) => !code.startsWith("3702") || !keep(code))
      .map((code) => `Region:${code}`),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const group of seed.relationships.filter((g) => HANGS_ON.has(g.type)))
      for (const row of group.rows)
        if (gone.has(`${group.to}:${row.to}`) && !gone.has(`${group.from}:${row.from}`)) {
          gone.add(`${group.from}:${row.from}`);
          grew = true;
        }
  }
  const kept = (label: string, value: unknown) => !gone.has(`${label}:${String(value)}`);
  const key = (label: string, value: unknown) =>
    !rename
      ? String(value)
      : label === "Region"
        ? String(value).replace(/^3702/, rename.prefix)
        : `${String(value)}${rename.suffix}`;
  const nodes = Object.fromEntries(
    Object.entries(seed.nodes).map(([label, rows]) => [
      label,
      rows
        .filter((props) => kept(label, props[keyOf(label)]))
        .map((props) => {
          if (!rename) return props;
          const { creditCode: _, ...rest } = props;
          return {
            ...rest,
            [keyOf(label)]: key(label, props[keyOf(label)]),
            ...(label === "Region" && props.code === "370200000000" ? { name: rename.cityName } : {}),
          };
        }),
    ]),
  );
  const relationships = seed.relationships.map((group) => ({
    ...group,
    rows: group.rows
      .filter((row) => kept(group.from, row.from) && kept(group.to, row.to))
      .map((row) => ({ ...row, from: key(group.from, row.from), to: key(group.to, row.to) })),
  }));
  return {
    ...seed,
    name: rename ? `part of the sample, as ${rename.prefix}…` : "part of the sample",
    nodes,
    relationships,
  };
}

/** Towns of the sample (by their codes), with the district and the city above them, and what hangs on them. */
export function sampleTowns(townCodes: readonly string[]): SeedFile {
  const towns = new Set(townCodes.map((code) => code.slice(0, 9)));
  const above = new Set(townCodes.flatMap((code) => [`${code.slice(0, 4)}00000000`, `${code.slice(0, 6)}000000`]));
  return samplePart({ keep: (code) => above.has(code) || towns.has(code.slice(0, 9)) });
}
