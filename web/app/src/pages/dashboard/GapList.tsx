/**
 * The region's gaps (coverageGaps), page by page, filtered by kind. Each subject links to where
 * it can be looked at: a region to its dashboard, an organization or council to the network of
 * the region it is in, with the subject picked out.
 */
import { useEffect, useState } from "react";
import { gql } from "../../api";
import { ErrorNote } from "../../components/ErrorNote";
import { useI18n } from "../../i18n";
import { href } from "../../route";
import { GAP_KINDS, type GapKind } from "../../types";

interface Gap {
  kind: GapKind;
  subjectId: string;
  subjectName: string;
  subjectLabel: string;
  regionCode: string;
  /** The reason in both languages (src/domain/reasons.ts): the page shows its own. */
  reasonLabel: { zh: string; en: string };
}

interface GapPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: Gap }>;
}

const PAGE_SIZE = 50;
const GAPS = `query ($code: String!, $kinds: [GapKind!], $asOf: Date, $after: String) {
  coverageGaps(regionCode: $code, kinds: $kinds, asOf: $asOf, first: ${PAGE_SIZE}, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { kind subjectId subjectName subjectLabel regionCode reasonLabel { zh en } } }
  }
}`;

interface Props {
  regionCode: string;
  asOf: string | undefined;
  kinds: GapKind[];
  onToggleKind: (kind: GapKind) => void;
  onClearKinds: () => void;
}

export function GapList({ regionCode, asOf, kinds, onToggleKind, onClearKinds }: Props) {
  const { t, label, lang } = useI18n();
  const [gaps, setGaps] = useState<Gap[]>([]);
  const [page, setPage] = useState<GapPage>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(false);
  const filter = kinds.join(",");

  const load = (after: string | null, previous: Gap[], isCurrent: () => boolean = () => true) => {
    setLoading(true);
    gql<{ coverageGaps: GapPage }>(GAPS, { code: regionCode, kinds: kinds.length ? kinds : null, asOf, after }).then(
      ({ coverageGaps }) => {
        if (!isCurrent()) return;
        setPage(coverageGaps);
        setGaps([...previous, ...coverageGaps.edges.map((edge) => edge.node)]);
        setError(undefined);
        setLoading(false);
      },
      (failure: Error) => {
        if (!isCurrent()) return;
        setError(failure);
        setLoading(false);
      },
    );
  };

  useEffect(() => {
    let current = true;
    setGaps([]);
    setPage(undefined);
    load(null, [], () => current);
    return () => {
      current = false;
    };
  }, [regionCode, asOf, filter]);

  return (
    <section className="gaps">
      <h3>{t("dash.gaps")}</h3>
      <div className="chips">
        <button type="button" className={`chip${kinds.length === 0 ? " on" : ""}`} onClick={onClearKinds}>
          {t("dash.allKinds")}
        </button>
        {GAP_KINDS.map((kind) => (
          <button
            type="button"
            key={kind}
            className={`chip${kinds.includes(kind) ? " on" : ""}`}
            onClick={() => onToggleKind(kind)}
            data-kind-filter={kind}
          >
            {label("gap", kind)}
          </button>
        ))}
      </div>
      <ErrorNote error={error} />
      {page && (
        <p data-testid="gap-total" data-total={page.totalCount}>
          {t("dash.shown", { shown: gaps.length, total: page.totalCount })}
        </p>
      )}
      {page && gaps.length === 0 && <p>{t("dash.noGaps")}</p>}
      {gaps.length > 0 && (
        <table className="grid" data-testid="gaps">
          <thead>
            <tr>
              <th>{t("col.kind")}</th>
              <th>{t("col.subject")}</th>
              <th>{t("col.region")}</th>
              <th>{t("col.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((gap) => (
              <tr key={`${gap.kind}:${gap.subjectId}`}>
                <td className="kind">
                  <span>{label("gap", gap.kind)}</span>
                </td>
                <td>
                  <a href={subjectLink(gap, asOf)}>{gap.subjectName}</a>
                </td>
                <td>
                  <a href={href("dashboard", { region: gap.regionCode, asOf })}>{gap.regionCode}</a>
                </td>
                <td className="reason">{gap.reasonLabel[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page?.pageInfo.hasNextPage && (
        <button type="button" disabled={loading} onClick={() => load(page.pageInfo.endCursor, gaps)}>
          {loading ? t("loading") : t("dash.more")}
        </button>
      )}
    </section>
  );
}

function subjectLink(gap: Gap, asOf: string | undefined): string {
  if (gap.subjectLabel === "Region") return href("dashboard", { region: gap.subjectId, asOf });
  return href("network", { region: gap.regionCode, focus: gap.subjectId });
}
