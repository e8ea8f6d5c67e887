/** Calendar dates as ISO strings ("2026-11-15"), the way the API and Cypher parameters carry them. */
import neo4j from "neo4j-driver";
import { TIMEZONE } from "../config.js";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Where "now" comes from. Tests move it to cross a rule's boundary with no write; everything
 * that asks for today() (default asOf, the kept analytics' day) follows.
 */
export const clock = { now: (): Date => new Date() };

// Built once: a formatter costs far more to make than to use, and every request asks for today.
const DAY = new Intl.DateTimeFormat("en-CA", { timeZone: TIMEZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date where the platform is deployed (PLATFORM_TIMEZONE), the default `asOf` of every rule. */
export function today(): string {
  return DAY.format(clock.now());
}

function parts(iso: string): [number, number, number] {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${iso}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** A Neo4j Date parameter for an ISO date. */
export function neo4jDate(iso: string): InstanceType<typeof neo4j.types.Date> {
  const [year, month, day] = parts(iso);
  return new neo4j.types.Date(year, month, day);
}

/** The same calendar day `years` earlier; 29 February falls back to 28 February, as in Cypher. */
export function yearsBefore(iso: string, years: number): string {
  const [year, month, day] = parts(iso);
  const target = year - years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${target}-${String(month).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
}

/** The calendar day `days` after `iso` (before it when negative). */
export function addDays(iso: string, days: number): string {
  const [year, month, day] = parts(iso);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}
