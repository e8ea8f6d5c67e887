/**
 * Downloads of exports (GET /exchange/export/<name>.xlsx|.csv), fetched with the token, each with
 * the parameters of what the page shows; the server names the file.
 */
import { useState } from "react";
import { download } from "../api";
import { useI18n } from "../i18n";
import { queryString } from "../route";
import { ErrorNote } from "./ErrorNote";

const FORMATS = ["xlsx", "csv"] as const;

export interface ExportTable {
  /** The export's name in /exchange/export/<name>.<format>. */
  name: string;
  caption: string;
  params: Record<string, string | undefined>;
}

export function ExportButtons({ tables }: { tables: ExportTable[] }) {
  const { t } = useI18n();
  const [error, setError] = useState<Error>();
  return (
    <div className="exports">
      <span>{t("export.title")}</span>
      {tables.flatMap(({ name, caption, params }) =>
        FORMATS.map((format) => {
          // Used only when the server names no file.
          const filename = `${name}-${Object.values(params).filter(Boolean).join("-")}.${format}`;
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
