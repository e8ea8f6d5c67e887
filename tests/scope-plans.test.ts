/**
 * The generated API's region scope (`inScope`, an @cypher field of every type the authorization
 * rules filter on) costs nothing for a token without scope: Neo4j must not walk up PART_OF for
 * it. Written as a list comprehension, the walk was planned before `$scope IS NULL` was looked at
 * and made an ADMIN's nested query 17 times slower at province scale (bench/results/shandong.md).
 * Each statement is profiled on the sample, without a scope and with one. The walk is a list
 * comprehension inside the EXISTS: anchored at the node, which a MATCH down from the scope's
 * regions is not.
 */
import { Kind, parse, type ConstDirectiveNode, type StringValueNode } from "graphql";
import type { Driver, ProfiledPlan } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testNeo4jUri } from "./helpers.js";
import { connect } from "../src/database/driver.js";
import { domainTypeDefs } from "../src/graphql/generated-schema.js";

/** Each type's inScope statement, by the type (its label). */
const STATEMENTS: Array<[string, string]> = parse(domainTypeDefs()).definitions.flatMap((definition) => {
  if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) return [];
  const field = definition.fields?.find((f) => f.name.value === "inScope");
  const cypher = field?.directives?.find((d: ConstDirectiveNode) => d.name.value === "cypher");
  const statement = cypher?.arguments?.find((a) => a.name.value === "statement")?.value as StringValueNode | undefined;
  return statement ? [[definition.name.value, statement.value] as [string, string]] : [];
});

/** The plan's operators, by name. */
const operators = (plan: ProfiledPlan): string[] => [plan.operatorType, ...plan.children.flatMap(operators)];

/** Rows that came out of the plan's walks up the region tree. */
function walked(plan: ProfiledPlan): number {
  const own = plan.operatorType.startsWith("VarLengthExpand") ? plan.rows : 0;
  return own + plan.children.reduce((sum, child) => sum + walked(child), 0);
}

let driver: Driver;

beforeAll(async () => {
  driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
});

afterAll(async () => {
  await driver?.close();
});

describe("the generated API's region scope", () => {
  it("is an @cypher statement on every type the authorization rules filter on", () => {
    expect(STATEMENTS.length).toBeGreaterThanOrEqual(18);
  });

  it.each(STATEMENTS)("%s: walks up no region without a scope, and decides with one", async (label, statement) => {
    const profile = async (scope: string[] | null) => {
      const { records, summary } = await driver.executeQuery(
        `PROFILE MATCH (this:${label}) WITH this LIMIT 200 CALL (this) { ${statement} } RETURN count(*) AS nodes, sum(CASE WHEN inScope THEN 1 ELSE 0 END) AS inScope`,
        { scope },
      );
      if (!summary.profile) throw new Error("PROFILE gave no plan");
      return {
        nodes: records[0]!.get("nodes").toNumber(),
        inScope: records[0]!.get("inScope").toNumber(),
        walked: walked(summary.profile),
        operators: operators(summary.profile),
      };
    };
    const unscoped = await profile(null);
    // Planned so that `$scope IS NULL` is decided before the walk, whatever the data (the sample
    // has no scenario yet, for one)…
    expect(unscoped.operators.some((name) => /SelectOrSemiApply/.test(name))).toBe(true);
    // …and on the sample's nodes no walk runs.
    expect(unscoped.walked).toBe(0);
    expect(unscoped.inScope).toBe(unscoped.nodes);
    // With a scope the walk runs and decides (other test files add nodes elsewhere, so not every
    // node need be in 山东省): a node found in scope was walked to, none is in a region that does not exist.
    const province = await profile(["370000000000"]);
    if (province.inScope > 0) expect(province.walked).toBeGreaterThan(0);
    // The walk goes up from the node: a plan starting at the scope's regions (an index seek on
    // their codes) and expanding down to everything in them made the authorization tests time out.
    expect(province.operators.filter((name) => /IndexSeek/.test(name))).toEqual([]);
    expect((await profile(["000000000000"])).inScope).toBe(0);
  });
});
