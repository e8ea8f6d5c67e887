// ESLint with typescript-eslint's recommended rules (syntax only, no type information, so that
// `npm test` stays fast); `tsc --noEmit` does the type checking and Prettier (.prettierrc.json,
// `npm run format`) the formatting, both in `npm run lint`.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "web/dist/",
      // Written by graphql-codegen (examples/typed-client), not by hand.
      "examples/typed-client/src/gql/",
      ".neo4j/",
      ".tmp/",
      ".cache/",
      ".scratch/",
      "coverage/",
      "backups/",
      "test-results/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  // Turns off the rules that disagree with Prettier's layout (no-unexpected-multiline …).
  prettier,
  {
    rules: {
      // A leading underscore marks what is left out on purpose: `({ scope: _, ...gap })`, `(_req, res)`.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests and benchmarks read GraphQL responses loosely (`any`) and assert on their shape.
    files: ["tests/**", "bench/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The offline GraphiQL page's example list, a plain browser script.
    files: ["web/explorer/**/*.js"],
    languageOptions: { globals: { window: "writable" } },
  },
);
