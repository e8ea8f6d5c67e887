/**
 * One cell against its column's type (sheets.ts): the value to store, or why it cannot be.
 *
 * Text is stored exactly as written (quotes, Cypher fragments, any script or emoji), except
 * that control characters (tabs, line breaks, NUL …) are refused: they are invisible in Excel
 * and almost always a paste accident. Codes, ids, enums, numbers and dates are trimmed.
 * An empty cell (or only spaces) is "not given" and has no value.
 */
import { creditCodeProblem } from "../domain/credit-code.js";
import { regionCodeProblem } from "../domain/region-code.js";
import type { ColumnType } from "./sheets.js";
import type { Cell } from "./workbook.js";

export type CellOutcome = { value: unknown } | { error: string };

const MAX_KEY = 100;
const CONTROL = /\p{Cc}/u;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TRUE = new Set(["true", "yes", "1", "是"]);
const FALSE = new Set(["false", "no", "0", "否"]);

const shown = (cell: Cell) => JSON.stringify(cell instanceof Date ? cell.toISOString() : cell).slice(0, 60);
const length = (text: string) => [...text].length;

/** Excel date cells are midnight UTC of the day shown. */
const isoOfDate = (date: Date) => date.toISOString().slice(0, 10);

/** `text` when it is a real calendar date written yyyy-mm-dd, else null. */
export function isoDate(text: string): string | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? text : null;
}

function inRange(value: number, min: number, max: number): CellOutcome {
  return value < min || value > max ? { error: `${value} is out of range: must be from ${min} to ${max}` } : { value };
}

function parseTyped(cell: Exclude<Cell, null>, text: string, type: ColumnType): CellOutcome {
  switch (type.kind) {
    case "text":
      if (typeof cell !== "string" && typeof cell !== "number") return { error: `${shown(cell)} is not text` };
      return length(text) > type.maxLength
        ? { error: `too long: ${length(text)} characters, at most ${type.maxLength}` }
        : { value: String(cell) };
    case "key":
      if (/\s/.test(text)) return { error: `${shown(cell)} has spaces; an id is one word` };
      return length(text) > MAX_KEY
        ? { error: `too long: ${length(text)} characters, at most ${MAX_KEY}` }
        : { value: text };
    case "regionCode": {
      const problem = regionCodeProblem(text);
      return problem ? { error: problem } : { value: text };
    }
    case "creditCode": {
      const problem = creditCodeProblem(text);
      return problem ? { error: `credit code ${shown(text)} ${problem}` } : { value: text };
    }
    case "enum":
      return type.values.includes(text)
        ? { value: text }
        : { error: `${shown(cell)} is not one of ${type.values.join(", ")}` };
    case "integer": {
      const value = typeof cell === "number" ? cell : INTEGER.test(text) ? Number(text) : NaN;
      return Number.isInteger(value)
        ? inRange(value, type.min, type.max)
        : { error: `${shown(cell)} is not a whole number` };
    }
    case "number": {
      const value = typeof cell === "number" ? cell : DECIMAL.test(text) ? Number(text) : NaN;
      return Number.isFinite(value) ? inRange(value, type.min, type.max) : { error: `${shown(cell)} is not a number` };
    }
    case "boolean": {
      if (typeof cell === "boolean") return { value: cell };
      const word = text.toLowerCase();
      return TRUE.has(word)
        ? { value: true }
        : FALSE.has(word)
          ? { value: false }
          : { error: `${shown(cell)} is not true/false (是/否)` };
    }
    case "date": {
      const iso = cell instanceof Date ? isoOfDate(cell) : typeof cell === "string" ? isoDate(text) : null;
      return iso
        ? { value: iso }
        : { error: `${shown(cell)} is not a date: write yyyy-mm-dd (2024-03-01) or use an Excel date cell` };
    }
    case "list": {
      const items = text
        .split(/[;；]/)
        .map((item) => item.trim())
        .filter((item) => item !== "");
      if (items.length > type.maxItems) return { error: `${items.length} items, at most ${type.maxItems}` };
      const long = items.find((item) => length(item) > type.maxLength);
      return long ? { error: `item "${long}" is longer than ${type.maxLength} characters` } : { value: items };
    }
  }
}

export function parseCell(cell: Cell, type: ColumnType): CellOutcome {
  if (cell === null) return { value: undefined };
  const raw = cell instanceof Date ? "" : String(cell);
  if (CONTROL.test(raw)) {
    const code = raw.match(CONTROL)![0].codePointAt(0)!;
    return {
      error: `contains a control character (U+${code.toString(16).toUpperCase().padStart(4, "0")}); remove line breaks and tabs`,
    };
  }
  const text = raw.trim();
  if (!(cell instanceof Date) && text === "") return { value: undefined };
  return parseTyped(cell, text, type);
}
