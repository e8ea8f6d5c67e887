/**
 * The committed SDL (docs/schema.graphql) is the schema the server builds: a change to
 * schema/*.graphql or to the hand-written types fails here until `npm run schema` has rewritten
 * the file, and the failure lists the breaking changes. Date and DateTime are one definition
 * (src/util/scalars.ts) in the generated, the hand-written and the merged schema.
 */
import fs from "node:fs";
import { GraphQLScalarType, type GraphQLSchema } from "graphql";
import { buildSchema as buildTypeGraphQLSchema } from "type-graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGeneratedSchema } from "../src/graphql/generated-schema.js";
import { describeSchemaChange, printPlatformSchemaSdl, SCHEMA_FILE } from "../src/graphql/printed-schema.js";
import { scalars } from "../src/util/scalars.js";
import { buildPlatformSchema } from "../src/graphql/schema.js";
import { CoverageResolver } from "../src/coverage/coverage.resolver.js";
import { authChecker } from "../src/graphql/auth-checker.js";

// Building needs no database: a schema holds no driver.
const keys = { secret: "only-to-build-the-schema-never-to-check-a-token" };
let merged: GraphQLSchema;
beforeAll(async () => {
  merged = (await buildPlatformSchema(keys)).schema;
});

describe("docs/schema.graphql", () => {
  it("is the merged schema as the server builds it (run `npm run schema` after a schema change)", () => {
    const current = printPlatformSchemaSdl(merged);
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, "utf8") : "";
    if (committed === current) return;
    const change = committed ? describeSchemaChange(committed, current) : "The file is missing.";
    expect.fail(`docs/schema.graphql is out of date: run \`npm run schema\` and commit it.\n${change}`);
  });

  it("calls out breaking and dangerous changes", () => {
    const before = `type Query { regions(first: Int): [String!]! me: String kind: Kind }\nenum Kind { A B }`;
    const after = `type Query { regions(first: Int!): [String!]! kind: Kind }\nenum Kind { A B C }`;
    const text = describeSchemaChange(before, after);
    expect(text).toMatch(/^Breaking changes \(2\):/);
    expect(text).toContain("FIELD_REMOVED: Query.me was removed.");
    expect(text).toContain("ARG_CHANGED_KIND: Query.regions arg first has changed type from Int to Int!.");
    expect(text).toContain("VALUE_ADDED_TO_ENUM: C was added to enum type Kind.");
    expect(describeSchemaChange(after, after)).toBe("No breaking changes.");
  });
});

describe("Date and DateTime", () => {
  const sameDefinition = (type: unknown, shared: GraphQLScalarType) => {
    expect(type).toBeInstanceOf(GraphQLScalarType);
    const scalar = type as GraphQLScalarType;
    expect(scalar.specifiedByURL).toBe(shared.specifiedByURL);
    expect(scalar.serialize).toBe(shared.serialize);
    expect(scalar.parseValue).toBe(shared.parseValue);
    expect(scalar.parseLiteral).toBe(shared.parseLiteral);
  };

  it("are one definition in the generated, the hand-written and the merged schema", async () => {
    const generated = await buildGeneratedSchema(keys);
    const handWritten = await buildTypeGraphQLSchema({ resolvers: [CoverageResolver], validate: false, authChecker });
    for (const schema of [generated, merged]) {
      sameDefinition(schema.getType("Date"), scalars.GraphQLDate);
      sameDefinition(schema.getType("DateTime"), scalars.GraphQLDateTime);
    }
    // type-graphql uses the instance itself.
    expect(handWritten.getType("Date")).toBe(scalars.GraphQLDate);
  });
});
