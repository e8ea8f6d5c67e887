/**
 * Downloads of the coverage report and the gap list (GET /exchange/export/…), fetched with the
 * token, for the region, date and kinds the dashboard shows.
 */
import { useState } from "react";
import { download } from "../../api";
import { ErrorNote } from "../../components/ErrorNote";
import { useI18n } from "../../i18n";
import { queryString } from "../../route";
import type { GapKind } from "../../types";

const FORMATS = ["xlsx", "csv"] as const;

interface Props {
  regionCode: string;
  asOf: string | undefined;
  kinds: GapKind[];
  /** Whether the token may read gap lists. */
  gaps: boolean;
}

export function ExportButtons({ regionCode, asOf, kinds, gaps }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<Error>();
  const tables = [
    { name: "coverage", caption: t("export.report"), params: { regionCode, asOf } },
    ...(gaps
      ? [{ name: "gaps", caption: t("export.gaps"), params: { regionCode, asOf, kinds: kinds.join(",") } }]
      : []),
  ];
  return (
    <div className="exports">
      <span>{t("export.title")}</span>
      {tables.flatMap(({ name, caption, params }) =>
        FORMATS.map((format) => {
          const filename = `${name}-${regionCode}${asOf ? `-${asOf}` : ""}.${format}`;
          return (
            <button
              type="button"
              key={`${name}.${format}`}
              data-export={`${name}.${format}`}
              onClick={() =>
                download(`/exchange/export/${name}.${format}?${queryString(params)}`, filename).then(
                  () => setError(undefined),
                  setError,
                )
              }
            >
              {caption} .{format}
            </button>
          );
        }),
      )}
      <ErrorNote error={error} />
    </div>
  );
}
