/**
 * A share drawn as a bar with its figures: `part / whole`, or a rate alone when `whole` is omitted.
 * The bar is coloured by RATE_THRESHOLDS, the one place the dashboard's red/amber/green is set.
 */

/** At least `green` is green, at least `amber` is amber, anything lower red (README "Web explorer"). */
export const RATE_THRESHOLDS = { green: 0.9, amber: 0.6 } as const;

export type Rating = "green" | "amber" | "red";

/** The ratings' colours in charts drawn as SVG (styles.css gives the bars the same). */
export const RATING_COLOURS: Record<Rating, string> = { green: "#2e7d32", amber: "#f9a825", red: "#c62828" };

export function rating(share: number): Rating {
  return share >= RATE_THRESHOLDS.green ? "green" : share >= RATE_THRESHOLDS.amber ? "amber" : "red";
}

export function Bar({ part, whole }: { part: number | null; whole?: number }) {
  const share = part === null ? null : whole === undefined ? part : whole === 0 ? null : part / whole;
  // Nothing to measure (no villages, no two-new organizations): a dash, not "0 / 0".
  if (share === null) return <span className="bar-none">–</span>;
  const level = rating(share);
  return (
    <span className="bar" title={percent(share)} data-rating={level}>
      <span className="bar-track">
        <span className={`bar-fill ${level}`} style={{ width: `${share * 100}%` }} />
      </span>
      <span className="bar-text">{whole === undefined ? percent(part) : `${part} / ${whole}`}</span>
    </span>
  );
}

/** Rates as the dashboard shows them (the browser test formats the API's figures the same way). */
export function percent(rate: number | null): string {
  return rate === null ? "–" : `${(rate * 100).toFixed(1)}%`;
}
