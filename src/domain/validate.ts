/** Checks on scalar arguments; each failure is a BAD_USER_INPUT naming the argument. */
import { today } from "./dates.js";
import { badInput } from "../errors/errors.js";

export function requireText(field: string, value: string, max = 200): string {
  const text = value.trim();
  if (text.length === 0) throw badInput(field, `${field} must not be empty`);
  if (text.length > max) throw badInput(field, `${field} must be at most ${max} characters, got ${text.length}`);
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
    throw badInput(field, `${field} must not contain control characters`);
  return text;
}

export function requireNonNegative(field: string, value: number | null | undefined, { integer = false } = {}): void {
  if (value === null || value === undefined) return;
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw badInput(field, `${field} must be a ${integer ? "whole " : ""}number of 0 or more, got ${value}`);
  }
}

/** A date that must not lie after today (what happened cannot be in the future). */
export function requireNotFuture(field: string, isoDate: string): void {
  if (isoDate > today()) throw badInput(field, `${field} ${isoDate} is in the future`);
}

export function requireDistinct(field: string, values: string[]): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw badInput(field, `${field} names ${value} twice`);
    seen.add(value);
  }
}
