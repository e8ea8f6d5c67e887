/** A share drawn as a bar with its figures: `part / whole`, or a rate alone when `whole` is omitted. */
export function Bar({ part, whole }: { part: number | null; whole?: number }) {
  const share = part === null ? null : whole === undefined ? part : whole === 0 ? null : part / whole;
  return (
    <span className="bar" title={share === null ? "–" : percent(share)}>
      <span className="bar-track">
        <span className="bar-fill" style={{ width: `${(share ?? 0) * 100}%` }} />
      </span>
      <span className="bar-text">{whole === undefined ? percent(part) : `${part} / ${whole}`}</span>
    </span>
  );
}

/** Rates as the dashboard shows them (the browser test formats the API's figures the same way). */
export function percent(rate: number | null): string {
  return rate === null ? "–" : `${(rate * 100).toFixed(1)}%`;
}
