/**
 * Where to write each village's name on the planner map so that names do not cover each
 * other or the villages' circles: villages close together (a few hundred metres apart in a
 * town drawn 600 px wide) would otherwise print their names on top of each other.
 *
 * Greedy, in drawing order: each name takes the first of above, below, right and left of its
 * circle that is free; when none is, it goes above anyway (a crowded map stays readable on hover).
 */
export interface MapMark {
  x: number;
  y: number;
  /** The circle's radius. */
  r: number;
  text: string;
}

export interface LabelPosition {
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const FONT_PX = 11;
const GAP = 3;

/** The width a name takes at FONT_PX: CJK characters are square, others about half as wide. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! > 0x2e7f ? FONT_PX : FONT_PX * 0.6;
  return width;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Positions relative to the mark's centre, in the order they are tried; y is the text's baseline. */
function candidates(mark: MapMark): LabelPosition[] {
  const offset = mark.r + GAP;
  return [
    { x: 0, y: -offset, anchor: "middle" },
    { x: 0, y: offset + FONT_PX, anchor: "middle" },
    { x: offset, y: FONT_PX / 2 - 1, anchor: "start" },
    { x: -offset, y: FONT_PX / 2 - 1, anchor: "end" },
  ];
}

/** The box a name covers at a position (baseline to descender, CJK-aware width). */
export function labelBox(mark: MapMark, position: LabelPosition): Box {
  const width = textWidth(mark.text);
  const left = mark.x + position.x - (position.anchor === "middle" ? width / 2 : position.anchor === "end" ? width : 0);
  const baseline = mark.y + position.y;
  return { left, right: left + width, top: baseline - FONT_PX, bottom: baseline + 2 };
}

/** One position per mark, relative to the mark's centre, in the marks' order. */
export function placeLabels(marks: MapMark[]): LabelPosition[] {
  const taken: Box[] = marks.map((m) => ({ left: m.x - m.r, right: m.x + m.r, top: m.y - m.r, bottom: m.y + m.r }));
  return marks.map((mark) => {
    const options = candidates(mark);
    const free = options.find((position) => {
      const box = labelBox(mark, position);
      return !taken.some((other) => overlaps(box, other));
    });
    const chosen = free ?? options[0]!;
    taken.push(labelBox(mark, chosen));
    return chosen;
  });
}
