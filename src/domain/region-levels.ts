/**
 * Region.level, top to bottom: the values of `enum RegionLevel` in schema/region.graphql (and so
 * of the generated API). Free of imports, like gap-kinds.ts, so the web explorer can share it.
 *
 * PROVINCE sits above CITY; RESIDENTIAL is an urban residents' committee (居委会), a peer of a
 * VILLAGE (村委会) in the tree. Rules about villages apply to level VILLAGE only; both count as
 * village-level units in the layout comparison (DOMAIN.md, Additions).
 */
export const REGION_LEVELS = [
  "PROVINCE",
  "CITY",
  "DISTRICT",
  "TOWN",
  "COMMUNITY",
  "VILLAGE",
  "RESIDENTIAL",
  "GRID",
] as const;
export type RegionLevelName = (typeof REGION_LEVELS)[number];

/** The levels of village-level units (村级): village committees and residents' committees. */
export const VILLAGE_LEVEL_UNITS = ["VILLAGE", "RESIDENTIAL"] as const satisfies readonly RegionLevelName[];
