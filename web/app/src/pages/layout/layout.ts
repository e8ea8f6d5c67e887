/** The real layout adjustment as `layoutComparison` shapes it, shared by the page's parts. */
export interface Count {
  villages: number;
  residential: number;
  total: number;
}

export interface TownLayout {
  code: string;
  name: string;
  from: Count | null;
  to: Count | null;
  villageChange: number | null;
  totalChange: number | null;
}

export interface LayoutComparison {
  region: { code: string; name: string; level: string };
  from: { year: number; complete: boolean };
  to: { year: number; complete: boolean };
  towns: TownLayout[];
  total: TownLayout;
}

const COUNT = "villages residential total";
const TOWN = `code name from { ${COUNT} } to { ${COUNT} } villageChange totalChange`;
export const LAYOUT = `query ($code: String!) { layoutComparison(regionCode: $code) {
  region { code name level } from { year complete } to { year complete } towns { ${TOWN} } total { ${TOWN} }
} }`;

/** Colours of the two vintages: 村 solid, 居委会 lighter beside it. */
export const VINTAGE_COLOURS = {
  from: { villages: "#78909c", residential: "#cfd8dc" },
  to: { villages: "#1565c0", residential: "#90caf9" },
} as const;
