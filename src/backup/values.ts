/**
 * Property values of the backup format (docs/backup-format.md): every Neo4j property type as JSON,
 * without loss. Strings and booleans are themselves; an integer is a JSON number (or {"$int": "…"}
 * beyond ±2^53); everything else is a one-key object naming its type, so a float is never read back
 * as an integer, nor a date as a string. Property values cannot be maps in Neo4j, so any object in
 * a value is one of these tags.
 */
import neo4j, { type Integer } from "neo4j-driver";

const { Date: Neo4jDate, DateTime, LocalDateTime, Time, LocalTime, Duration, Point } = neo4j.types;

export type Encoded = string | boolean | number | Encoded[] | { [tag: string]: unknown };

export class BackupValueError extends Error {
  override name = "BackupValueError";
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");
const num = (value: number | Integer | bigint) => (typeof value === "number" ? value : Number(value.toString()));

function yearText(year: number): string {
  if (year >= 0 && year <= 9999) return pad(year, 4);
  return `${year < 0 ? "-" : "+"}${pad(year, 4)}`;
}

function dateText(year: number, month: number, day: number): string {
  return `${yearText(year)}-${pad(month)}-${pad(day)}`;
}

function timeText(hour: number, minute: number, second: number, nanosecond: number): string {
  return `${pad(hour)}:${pad(minute)}:${pad(second)}${nanosecond ? `.${pad(nanosecond, 9)}` : ""}`;
}

function offsetText(seconds: number): string {
  const sign = seconds < 0 ? "-" : "+";
  const abs = Math.abs(seconds);
  const rest = abs % 60;
  return `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}${rest ? `:${pad(rest)}` : ""}`;
}

const DATE = /^([+-]?\d{4,9})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const OFFSET = /^(?:Z|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)$/;
const DATETIME = /^([^T]+)T(\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[([^\]]+)\])?$/;

function parseDate(text: string): [number, number, number] {
  const m = DATE.exec(text);
  if (!m) throw new BackupValueError(`not a date: ${text}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function parseTime(text: string): [number, number, number, number] {
  const m = TIME.exec(text);
  if (!m) throw new BackupValueError(`not a time: ${text}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? Number(m[4].padEnd(9, "0")) : 0];
}

function parseOffset(text: string): number {
  const m = OFFSET.exec(text);
  if (!m) throw new BackupValueError(`not an offset: ${text}`);
  if (!m[1]) return 0;
  const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  return m[1] === "-" ? -seconds : seconds;
}

/** One property value (as the driver returns it, integers as Integer) to its JSON form. */
export function encodeValue(value: unknown): Encoded {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (Number.isFinite(value)) return { $float: value };
    return { $float: Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity" };
  }
  if (neo4j.isInt(value) || typeof value === "bigint") {
    const integer = neo4j.int(value as Integer);
    return integer.inSafeRange() ? integer.toNumber() : { $int: integer.toString() };
  }
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString("base64") };
  if (neo4j.isDate(value)) return { $date: dateText(num(value.year), num(value.month), num(value.day)) };
  if (neo4j.isDateTime(value)) {
    const text =
      `${dateText(num(value.year), num(value.month), num(value.day))}T` +
      timeText(num(value.hour), num(value.minute), num(value.second), num(value.nanosecond)) +
      (value.timeZoneOffsetSeconds !== undefined && value.timeZoneOffsetSeconds !== null
        ? offsetText(num(value.timeZoneOffsetSeconds))
        : "") +
      (value.timeZoneId ? `[${value.timeZoneId}]` : "");
    return { $datetime: text };
  }
  if (neo4j.isLocalDateTime(value)) {
    return {
      $localdatetime: `${dateText(num(value.year), num(value.month), num(value.day))}T${timeText(num(value.hour), num(value.minute), num(value.second), num(value.nanosecond))}`,
    };
  }
  if (neo4j.isTime(value)) {
    return {
      $time:
        timeText(num(value.hour), num(value.minute), num(value.second), num(value.nanosecond)) +
        offsetText(num(value.timeZoneOffsetSeconds)),
    };
  }
  if (neo4j.isLocalTime(value))
    return { $localtime: timeText(num(value.hour), num(value.minute), num(value.second), num(value.nanosecond)) };
  if (neo4j.isDuration(value)) {
    const part = (v: number | Integer | bigint) => encodeValue(neo4j.int(v as Integer));
    return {
      $duration: {
        months: part(value.months),
        days: part(value.days),
        seconds: part(value.seconds),
        nanoseconds: part(value.nanoseconds),
      },
    };
  }
  if (neo4j.isPoint(value)) {
    const point: Record<string, number> = { srid: num(value.srid), x: value.x, y: value.y };
    if (value.z !== undefined && value.z !== null) point.z = value.z;
    return { $point: point };
  }
  throw new BackupValueError(
    `cannot store a value of type ${Object.prototype.toString.call(value)} (${String(value)})`,
  );
}

/** A node's or relationship's properties, each encoded. */
export function encodeProperties(properties: Record<string, unknown>): Record<string, Encoded> {
  const out: Record<string, Encoded> = {};
  for (const [name, value] of Object.entries(properties)) out[name] = encodeValue(value);
  return out;
}

function integerOf(value: unknown, what: string): Integer {
  if (typeof value === "number" && Number.isInteger(value)) return neo4j.int(value);
  if (value && typeof value === "object" && typeof (value as { $int?: unknown }).$int === "string")
    return neo4j.int((value as { $int: string }).$int);
  throw new BackupValueError(`${what}: not an integer: ${JSON.stringify(value)}`);
}

/** The JSON form back to a driver value: integers as Integer, floats as numbers, temporal and spatial types as theirs. */
export function decodeValue(value: unknown): unknown {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isInteger(value))
      throw new BackupValueError(`a bare number must be an integer (floats are {"$float": …}), got ${value}`);
    return neo4j.int(value);
  }
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value === null || typeof value !== "object")
    throw new BackupValueError(`not a property value: ${JSON.stringify(value)}`);
  const entries = Object.entries(value);
  if (entries.length !== 1) throw new BackupValueError(`a tagged value has exactly one key: ${JSON.stringify(value)}`);
  const [tag, body] = entries[0]!;
  switch (tag) {
    case "$int":
      return integerOf(value, "$int");
    case "$float":
      if (typeof body === "number") return body;
      if (body === "NaN") return NaN;
      if (body === "Infinity") return Infinity;
      if (body === "-Infinity") return -Infinity;
      break;
    case "$bytes":
      if (typeof body === "string") return new Uint8Array(Buffer.from(body, "base64"));
      break;
    case "$date":
      if (typeof body === "string") return new Neo4jDate(...parseDate(body));
      break;
    case "$datetime": {
      const m = typeof body === "string" ? DATETIME.exec(body) : null;
      if (!m) break;
      const [year, month, day] = parseDate(m[1]!);
      const [hour, minute, second, nanosecond] = parseTime(m[2]!);
      const offset = m[3] === undefined ? undefined : parseOffset(m[3]);
      return new DateTime(year, month, day, hour, minute, second, nanosecond, offset, m[4] ?? null);
    }
    case "$localdatetime": {
      const [date, time] = typeof body === "string" ? body.split("T") : [];
      if (!date || !time) break;
      return new LocalDateTime(...parseDate(date), ...parseTime(time));
    }
    case "$time": {
      const m = typeof body === "string" ? /^(.*?)(Z|[+-]\d{2}:\d{2}(?::\d{2})?)$/.exec(body) : null;
      if (!m) break;
      return new Time(...parseTime(m[1]!), parseOffset(m[2]!));
    }
    case "$localtime":
      if (typeof body === "string") return new LocalTime(...parseTime(body));
      break;
    case "$duration": {
      const d = body as Record<string, unknown>;
      if (!d || typeof d !== "object") break;
      return new Duration(
        integerOf(d.months, "months"),
        integerOf(d.days, "days"),
        integerOf(d.seconds, "seconds"),
        integerOf(d.nanoseconds, "nanoseconds"),
      );
    }
    case "$point": {
      const p = body as Record<string, unknown>;
      if (!p || typeof p.srid !== "number" || typeof p.x !== "number" || typeof p.y !== "number") break;
      return typeof p.z === "number" ? new Point(p.srid, p.x, p.y, p.z) : new Point(p.srid, p.x, p.y);
    }
  }
  throw new BackupValueError(`not a property value: ${JSON.stringify(value)}`);
}

export function decodeProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(properties)) out[name] = decodeValue(value);
  return out;
}
