/**
 * Input checks for the generated create/update mutations, which @neo4j/graphql passes to Neo4j
 * as typed parameters but does not check against the domain. Before anything runs, every value a
 * mutation would write (its `input`, its `update`, nested creates; filters are not written) is
 * checked by field name; the first problem is a BAD_USER_INPUT naming its path, e.g.
 * `input[0].creditCode`. Strings are stored verbatim otherwise: never interpreted. A period written
 * whole (`since` and `until` in the same input, a work team's or a first secretary's) may not end
 * before it starts.
 */
import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { defaultFieldResolver, type GraphQLSchema } from "graphql";
import { creditCodeProblem } from "../domain/credit-code.js";
import { today } from "../domain/dates.js";
import { regionCodeProblem } from "../domain/region-code.js";
import { badInput } from "../errors/errors.js";

const NAME_MAX = 200;
const TEXT_MAX = 2000;
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const NON_NEGATIVE = new Set([
  "population",
  "households",
  "employees",
  "memberHouseholds",
  "landAreaMu",
  "annualRevenue",
  "collectiveIncome",
  "fundsCommitted",
  "funds",
  "beneficiaries",
  "attendees",
]);
const NOT_IN_FUTURE = new Set(["foundedOn", "joinedPartyOn", "establishedOn", "heldOn", "on", "termStart"]);
/** Argument subtrees that select rather than write. */
const FILTERS = new Set(["where"]);

type Json = Record<string, unknown>;

/** The parent region code a Region input connects to, when it names exactly one. */
function connectedParent(input: Json): string | undefined {
  const connect = (input.parent as Json | undefined)?.connect;
  const first = (Array.isArray(connect) ? connect : [connect])[0] as Json | undefined;
  const code = ((first?.where as Json | undefined)?.node as Json | undefined)?.code as Json | undefined;
  return typeof code?.eq === "string" ? code.eq : undefined;
}

function checkValue(path: string, key: string, value: unknown, owner: Json): void {
  if (typeof value === "string") {
    const max = key === "name" || key === "officialName" || key === "title" ? NAME_MAX : TEXT_MAX;
    if (value.length > max) throw badInput(path, `${key} must be at most ${max} characters, got ${value.length}`);
    if (CONTROL.test(value)) throw badInput(path, `${key} must not contain control characters`);
    if (key === "name" && value.trim() === "") throw badInput(path, "name must not be empty");
    if (key === "creditCode") {
      const problem = creditCodeProblem(value);
      if (problem) throw badInput(path, problem);
    }
    if (key === "code") {
      const problem = regionCodeProblem(value, connectedParent(owner));
      if (problem) throw badInput(path, problem);
    }
  } else if (typeof value === "number") {
    if (NON_NEGATIVE.has(key) && value < 0) throw badInput(path, `${key} must not be negative, got ${value}`);
    if (key === "birthYear" && (value < 1900 || value > Number(today().slice(0, 4)))) {
      throw badInput(path, `birthYear must be from 1900 to this year, got ${value}`);
    }
  } else if (value && typeof value === "object" && NOT_IN_FUTURE.has(key) && value.toString() > today()) {
    throw badInput(path, `${key} (${value.toString()}) is in the future`);
  }
}

/** A date an input writes (`v` or, in an update, `{set: v}`), as yyyy-mm-dd; null when none. */
function writtenDate(value: unknown): string | null {
  const written = value && typeof value === "object" && "set" in (value as Json) ? (value as Json).set : value;
  return written && typeof written === "object" ? written.toString() : null;
}

/** `until` before `since` in one input (a work team, a first secretary's FIRST_SECRETARY_OF edge). */
function checkPeriod(path: string, object: Json): void {
  if (!("since" in object) || !("until" in object)) return;
  const [since, until] = [writtenDate(object.since), writtenDate(object.until)];
  if (since && until && until < since)
    throw badInput(path ? `${path}.until` : "until", `until (${until}) is before since (${since})`);
}

/** Walks what a mutation would write; `{set: v}` (update) counts as v. */
export function checkWrittenValues(value: unknown, path: string, key = "", owner: Json = {}): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkWrittenValues(item, `${path}[${i}]`, key, owner));
    return;
  }
  // Input objects written inline in the query (not through variables) come from graphql-js with a null prototype.
  const prototype = value !== null && typeof value === "object" ? Object.getPrototypeOf(value) : undefined;
  const isPlainObject = prototype === Object.prototype || prototype === null;
  if (!isPlainObject) return checkValue(path, key, value, owner);
  const object = value as Json;
  if ("set" in object && Object.keys(object).length === 1) return checkValue(path, key, object.set, owner);
  checkPeriod(path, object);
  for (const [inner, innerValue] of Object.entries(object)) {
    if (!FILTERS.has(inner)) checkWrittenValues(innerValue, path ? `${path}.${inner}` : inner, inner, object);
  }
}

export function validateGeneratedInput(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.MUTATION_ROOT_FIELD]: (config, fieldName) => {
      if (!/^(create|update)/.test(fieldName)) return config;
      const resolve = config.resolve ?? defaultFieldResolver;
      return {
        ...config,
        resolve(source, args, context, info) {
          checkWrittenValues({ input: args.input, update: args.update }, "");
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
