/**
 * graphql-codegen's client preset over the platform's committed schema (docs/schema.graphql):
 * it checks every operation in src/ against the schema and writes their types to src/gql/
 * (generated, not committed). `tests/typed-client.test.ts` runs it, type-checks this example
 * with its own tsconfig, then runs it against a test platform.
 */
import type { CodegenConfig } from "@graphql-codegen/cli";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

const config: CodegenConfig = {
  schema: path.join(here, "../../docs/schema.graphql"),
  documents: [path.join(here, "src/**/*.ts"), `!${path.join(here, "src/gql/**")}`],
  generates: {
    [path.join(here, "src/gql/")]: {
      preset: "client",
      // Scalars as the API sends them: Date and DateTime are ISO strings (their specifiedByURL says so).
      config: {
        scalars: {
          Date: "string",
          DateTime: "string",
          BigInt: "string",
          Point: "{ latitude: number; longitude: number }",
        },
        enumsAsTypes: true,
        useTypeImports: true,
      },
      presetConfig: { fragmentMasking: false },
    },
  },
  silent: true,
};

export default config;
