/**
 * A town's villages at their coordinates (equirectangular, longitudes shortened by the cosine
 * of the latitude so that kilometres look the same both ways), coloured by group. A simulated
 * group's new-village centroid is drawn as a diamond. Names go where they cover nothing
 * (label-placement.ts).
 */
import { useI18n } from "../../i18n";
import { placeLabels } from "./label-placement";
import { groupColour, type GroupSimulation, type MergeGroup, type Village } from "./planning";

const WIDTH = 640;
const HEIGHT = 460;
const PAD = 40;

interface Props {
  villages: Village[];
  groups: MergeGroup[];
  current: number;
  simulated: GroupSimulation[];
  onToggle: (code: string) => void;
}

/** A village's circle grows with its households. */
const radius = (village: Village) => 5 + Math.sqrt(village.households ?? 0) / 5;

export function VillageMap({ villages, groups, current, simulated, onToggle }: Props) {
  const { t } = useI18n();
  const placed = villages.filter((village) => village.location);
  const lats = placed.map((village) => village.location!.latitude);
  const lons = placed.map((village) => village.location!.longitude);
  const squeeze = Math.cos(((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180));
  const [minLon, minLat] = [Math.min(...lons), Math.min(...lats)];
  const spanX = (Math.max(...lons) - minLon) * squeeze || 1e-3;
  const spanY = Math.max(...lats) - minLat || 1e-3;
  const scale = Math.min((WIDTH - 2 * PAD) / spanX, (HEIGHT - 2 * PAD) / spanY);
  // Centred: the town's extent fills one dimension of the drawing.
  const [offsetX, offsetY] = [(WIDTH - spanX * scale) / 2, (HEIGHT - spanY * scale) / 2];
  const project = ({ latitude, longitude }: { latitude: number; longitude: number }) => ({
    x: offsetX + (longitude - minLon) * squeeze * scale,
    y: HEIGHT - offsetY - (latitude - minLat) * scale,
  });
  const marks = placed.map((village) => ({ ...project(village.location!), r: radius(village), text: village.name }));
  const labels = placeLabels(marks);
  const groupOf = new Map(groups.flatMap((group, index) => group.villageCodes.map((code) => [code, index] as const)));

  return (
    <svg className="village-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} data-testid="village-map">
      {simulated.map((group, index) => {
        if (!group.centroid) return null;
        const { x, y } = project(group.centroid);
        return <rect key={group.code} x={x - 6} y={y - 6} width={12} height={12} transform={`rotate(45 ${x} ${y})`} fill={groupColour(index)} className="centroid" />;
      })}
      {placed.map((village, i) => {
        const { x, y } = marks[i]!;
        const label = labels[i]!;
        const index = groupOf.get(village.code);
        return (
          <g
            key={village.code}
            data-village={village.code}
            transform={`translate(${x},${y})`}
            className={index === current ? "village current" : "village"}
            onClick={() => onToggle(village.code)}
          >
            <circle r={marks[i]!.r} fill={index === undefined ? "#ddd" : groupColour(index)} />
            <text x={label.x} y={label.y} textAnchor={label.anchor}>
              {village.name}
            </text>
            <title>{`${village.name} ${village.code} · ${t("sim.households")} ${village.households ?? "?"} · ${t("sim.collectiveIncome")} ${village.collectiveIncome ?? "?"}`}</title>
          </g>
        );
      })}
    </svg>
  );
}
