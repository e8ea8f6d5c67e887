/**
 * A town's villages at their coordinates (components/charts/projection.ts) with a scale bar,
 * coloured by group. A simulated group's new-village centroid is drawn as a diamond. Names go
 * where they cover nothing (label-placement.ts).
 */
import { fitProjection } from "../../components/charts/projection";
import { ScaleBar } from "../../components/charts/ScaleBar";
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
  const { project, pixelsPerKm } = fitProjection(
    placed.map((village) => village.location!),
    WIDTH,
    HEIGHT,
    PAD,
  );
  const marks = placed.map((village) => ({ ...project(village.location!), r: radius(village), text: village.name }));
  const labels = placeLabels(marks);
  const groupOf = new Map(groups.flatMap((group, index) => group.villageCodes.map((code) => [code, index] as const)));

  return (
    <svg className="village-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} data-testid="village-map">
      <ScaleBar pixelsPerKm={pixelsPerKm} width={WIDTH} height={HEIGHT} />
      {simulated.map((group, index) => {
        if (!group.centroid) return null;
        const { x, y } = project(group.centroid);
        return (
          <rect
            key={group.code}
            x={x - 6}
            y={y - 6}
            width={12}
            height={12}
            transform={`rotate(45 ${x} ${y})`}
            fill={groupColour(index)}
            className="centroid"
          />
        );
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
