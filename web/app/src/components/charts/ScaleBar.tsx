/** A map's scale: the longest round distance that fits in a quarter of the drawing's width. */
const STEPS_KM = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500];

export function ScaleBar({ pixelsPerKm, width, height }: { pixelsPerKm: number; width: number; height: number }) {
  const km = [...STEPS_KM].reverse().find((step) => step * pixelsPerKm <= width / 4) ?? STEPS_KM[0]!;
  const length = km * pixelsPerKm;
  const [x, y] = [12, height - 12];
  return (
    <g className="scale-bar" data-km={km} fontSize="11" fill="#333">
      <path d={`M${x},${y - 5}v5h${length}v-5`} fill="none" stroke="#333" strokeWidth="1.5" />
      <text x={x + length / 2} y={y - 8} textAnchor="middle">
        {km < 1 ? `${km * 1000} m` : `${km} km`}
      </text>
    </g>
  );
}
