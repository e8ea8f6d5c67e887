/**
 * The region hierarchy from the token's regions down, loaded one level at a time as nodes open.
 * The API only returns regions in the token's scope, so nothing outside it can appear.
 */
import { useState } from "react";
import { useQuery } from "../api";
import { useI18n } from "../i18n";
import { ErrorNote } from "./ErrorNote";

interface TreeRegion {
  code: string;
  name: string;
  level: string;
  activeChildCount: number;
}

const FIELDS = "code name level activeChildCount";
const ROOTS = `query ($codes: [String!]!) { regions(where: { code: { in: $codes } }, sort: [{ code: ASC }]) { ${FIELDS} } }`;
const CHILDREN = `query ($code: String!) {
  regions(where: { parent: { some: { code: { eq: $code } } }, status: { eq: ACTIVE } }, sort: [{ code: ASC }]) { ${FIELDS} }
}`;

/** Digits of a code that its descendants share (province 37…, city 3702…, district 370285…, town 370285101…). */
const PREFIX: Record<string, number> = { PROVINCE: 2, CITY: 4, DISTRICT: 6, TOWN: 9 };
const contains = (region: TreeRegion, code: string) =>
  code !== region.code && code.startsWith(region.code.slice(0, PREFIX[region.level] ?? 12));

interface Props {
  roots: string[];
  selected: string | undefined;
  onSelect: (code: string) => void;
}

export function RegionTree({ roots, selected, onSelect }: Props) {
  const { t } = useI18n();
  const { data, error } = useQuery<{ regions: TreeRegion[] }>(ROOTS, { codes: roots });
  return (
    <nav className="tree" aria-label={t("tree.title")}>
      <h3>{t("tree.title")}</h3>
      <ErrorNote error={error} />
      <ul>
        {data?.regions.map((region) => (
          <TreeNode key={region.code} region={region} selected={selected} onSelect={onSelect} open />
        ))}
      </ul>
    </nav>
  );
}

function TreeNode({
  region,
  selected,
  onSelect,
  open = false,
}: { region: TreeRegion; open?: boolean } & Omit<Props, "roots">) {
  const { label } = useI18n();
  // Opens by itself on the way to the selected region, so a link from elsewhere shows where it is.
  const [expanded, setExpanded] = useState(open || (!!selected && contains(region, selected)));
  const hasChildren = region.activeChildCount > 0;
  const children = useQuery<{ regions: TreeRegion[] }>(CHILDREN, { code: region.code }, !expanded || !hasChildren);
  return (
    <li>
      <span className={`tree-item${region.code === selected ? " selected" : ""}`}>
        <button
          type="button"
          className="toggle"
          disabled={!hasChildren}
          onClick={() => setExpanded(!expanded)}
          aria-label={expanded ? "−" : "+"}
        >
          {hasChildren ? (expanded ? "▾" : "▸") : "·"}
        </button>
        <a href="#" data-region={region.code} onClick={(event) => (event.preventDefault(), onSelect(region.code))}>
          {region.name}
        </a>
        <small>{label("level", region.level)}</small>
      </span>
      {expanded && children.data && (
        <ul>
          {children.data.regions.map((child) => (
            <TreeNode key={child.code} region={child} selected={selected} onSelect={onSelect} />
          ))}
        </ul>
      )}
      <ErrorNote error={children.error} />
    </li>
  );
}
