/** A titled chart with a button that saves it as a PNG named after the chart and the region. */
import { useRef, useState, type ReactNode } from "react";
import { useI18n } from "../../i18n";
import { ErrorNote } from "../ErrorNote";
import { saveSvgAsPng } from "./export-image";

interface Props {
  id: string;
  title: string;
  /** File name without extension. */
  filename: string;
  children: ReactNode;
}

export function ChartCard({ id, title, filename, children }: Props) {
  const { t } = useI18n();
  const frame = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<Error>();
  const save = () => {
    const svg = frame.current?.querySelector("svg");
    if (svg) saveSvgAsPng(svg, `${filename}.png`).then(() => setError(undefined), setError);
  };
  return (
    <div className="card chart" data-chart={id}>
      <h3>
        {title}
        <button type="button" className="chart-save" onClick={save} data-save-chart={id}>
          {t("chart.save")}
        </button>
      </h3>
      <div ref={frame} className="chart-body">
        {children}
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
