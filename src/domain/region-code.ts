/**
 * Region codes: the 12-digit statistical division code (province 2, city 2, district 2, town 3,
 * village 3 digits); a grid is its village's code + "-G" + two digits, and grids can nest.
 * A child's code starts with its parent's significant prefix (the code without its trailing
 * all-zero segments).
 */
export const REGION_CODE = /^\d{12}(-G\d{2})*$/;
/** A division's code alone (a town, a village, a token's region): 12 digits, no grid suffix. */
export const DIVISION_CODE = /^\d{12}$/;

const SEGMENT_ENDS = [2, 4, 6, 9, 12];

/** "370285101000" → "370285101"; "370200000000" → "3702"; a grid's code is its own prefix. */
export function significantPrefix(code: string): string {
  if (code.includes("-")) return code;
  let end = 12;
  for (let i = SEGMENT_ENDS.length - 1; i > 0; i -= 1) {
    const start = SEGMENT_ENDS[i - 1]!;
    if (/^0+$/.test(code.slice(start, SEGMENT_ENDS[i]))) end = start;
    else break;
  }
  return code.slice(0, end);
}

/** What is wrong with `code` as a region code (under `parentCode` when given), or null. */
export function regionCodeProblem(code: string, parentCode?: string): string | null {
  if (!REGION_CODE.test(code))
    return `"${code}" is not a region code: 12 digits, grids add -G and two digits (370285101201-G01)`;
  if (parentCode !== undefined && (code === parentCode || !code.startsWith(significantPrefix(parentCode)))) {
    return `"${code}" does not start with its parent ${parentCode}'s prefix ${significantPrefix(parentCode)}`;
  }
  return null;
}
