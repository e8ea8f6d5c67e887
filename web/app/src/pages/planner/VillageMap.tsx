/**
 * A town's villages at their coordinates (components/charts/projection.ts) with a scale bar,
 * filled by group. What the planning rules make of each village (Region.villageClasses) is drawn
 * apart, with a legend: a new village is a square, a strong one has a thick green outline, a
 * weak one a dashed red ring (a village can be weak and strong). A simulated group's new-village
 * centroid is drawn as a diamond. Names go where they cover nothing (label-placement.ts).
 */
import { fitProjection } from "../../components/charts/projection";
import { ScaleBar } from "../../components/charts/ScaleBar";
import { useI18n } from "../../i18n";
import { placeLabels } from "./label-placement";
import {
  groupColour,
  VILLAGE_CLASSES,
  type GroupSimulation,
  type MergeGroup,
  type Village,
  type VillageClass,
} from "./planning";

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

/** A village's mark grows with its households. */
const radius = (village: Village) => 5 + Math.sqrt(village.households ?? 0) / 5;

/** A village's mark of radius r, filled: a square for a new village, else a circle; the weak ring around it. */
function Mark({ r, fill, classes }: { r: number; fill: string; classes: readonly VillageClass[] }) {
  const className = classes.includes("STRONG") ? "mark strong" : "mark";
  const shape = (size: number, props: { className: string; fill: string }) =>
    classes.includes("NEW") ? (
      <rect x={-size} y={-size} width={2 * size} height={2 * size} {...props} />
    ) : (
      <circle r={size} {...props} />
    );
  return (
    <>
      {shape(r, { className, fill })}
      {classes.includes("WEAK") && shape(r + 4, { className: "weak-ring", fill: "none" })}
    </>
  );
}

export function VillageMap({ villages, groups, current, simulated, onToggle }: Props) {
  const { t, label } = useI18n();
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
    <>
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
          const place = labels[i]!;
          const index = groupOf.get(village.code);
          return (
            <g
              key={village.code}
              data-village={village.code}
              data-classes={village.villageClasses.join(" ")}
              transform={`translate(${x},${y})`}
              className={index === current ? "village current" : "village"}
              onClick={() => onToggle(village.code)}
            >
              <Mark
                r={marks[i]!.r}
                fill={index === undefined ? "#ddd" : groupColour(index)}
                classes={village.villageClasses}
              />
              <text x={place.x} y={place.y} textAnchor={place.anchor}>
                {village.name}
              </text>
              <title>{`${village.name} ${village.code} · ${t("sim.households")} ${village.households ?? "?"} · ${t("sim.collectiveIncome")} ${village.collectiveIncome ?? "?"}`}</title>
            </g>
          );
        })}
      </svg>
      <div className="legend" data-testid="village-legend">
        <b>{t("net.legend")}</b>
        {VILLAGE_CLASSES.map((villageClass) => (
          <span key={villageClass} data-legend={villageClass}>
            <svg className="village-map legend-mark" viewBox="-11 -11 22 22" width={18} height={18}>
              <Mark r={6} fill="#ddd" classes={[villageClass]} />
            </svg>
            {label("villageClass", villageClass)}
          </span>
        ))}
      </div>
    </>
  );
}
