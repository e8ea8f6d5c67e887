/** The planner map's name placement (web/app/src/pages/planner/label-placement.ts). */
import { describe, expect, it } from "vitest";
import { labelBox, placeLabels, type Box, type MapMark } from "./label-placement.js";

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const circle = (m: MapMark): Box => ({ left: m.x - m.r, right: m.x + m.r, top: m.y - m.r, bottom: m.y + m.r });

function collisions(marks: MapMark[]): string[] {
  const boxes = placeLabels(marks).map((position, i) => labelBox(marks[i]!, position));
  const found: string[] = [];
  boxes.forEach((box, i) => {
    boxes.forEach((other, j) => j > i && overlap(box, other) && found.push(`${marks[i]!.text} / ${marks[j]!.text}`));
    marks.forEach((m) => overlap(box, circle(m)) && found.push(`${marks[i]!.text} over ${m.text}'s circle`));
  });
  return found;
}

describe("placeLabels", () => {
  it("writes a lone name centred above its circle", () => {
    expect(placeLabels([{ x: 100, y: 100, r: 8, text: "南周家岭村" }])).toEqual([{ x: 0, y: -11, anchor: "middle" }]);
  });

  it("moves a name that would cover a neighbour's name (the two close villages of 马连庄镇)", () => {
    const marks = [
      { x: 300, y: 200, r: 9, text: "南周家岭村" },
      { x: 318, y: 204, r: 8, text: "西赵泊村" },
    ];
    const [first, second] = placeLabels(marks);
    expect(first!.y).toBeLessThan(0);
    expect(second).not.toEqual(first);
    expect(collisions(marks)).toEqual([]);
  });

  it("keeps a cluster of nine villages free of collisions where there is room", () => {
    const marks = Array.from({ length: 9 }, (_, i) => ({
      x: 200 + (i % 3) * 70,
      y: 150 + Math.floor(i / 3) * 40,
      r: 7,
      text: `第${i + 1}村`,
    }));
    expect(collisions(marks)).toEqual([]);
  });

  it("still places every name, above, when no side is free", () => {
    const crowd = Array.from({ length: 6 }, (_, i) => ({ x: 100 + i, y: 100, r: 6, text: "很长的村庄名称" }));
    const positions = placeLabels(crowd);
    expect(positions).toHaveLength(6);
    expect(positions.at(-1)).toEqual({ x: 0, y: -9, anchor: "middle" });
  });
});
