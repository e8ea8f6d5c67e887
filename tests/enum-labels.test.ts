/**
 * `enumLabels` serves the Chinese and English label of every enum value from one source
 * (src/domain/labels.ts), to every role: a label comes back for every value of every enum the
 * platform writes (schema/*.graphql and the hand-written API), the schema's enum value
 * descriptions say the same labels, and the explorer shows every value it labels by these labels.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isEnumType, Kind, parse } from "graphql";
import { createElement, type FunctionComponent, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../src/config.js";
import { GAP_KINDS } from "../src/domain/gap-kinds.js";
import { labelDescription } from "../src/domain/labels.js";
import { ROLES } from "../src/domain/principal.js";
import { domainTypeDefs } from "../src/graphql/generated-schema.js";
import { buildHandWrittenSchema } from "../src/graphql/schema.js";
import { startTestPlatform, tokenFor, type TestPlatform } from "./helpers.js";

interface Labels {
  enum: string;
  values: Array<{ value: string; zh: string; en: string }>;
}

const LABELS = `query ($enum: String) { enumLabels(enum: $enum) { enum values { value zh en } } }`;

interface IntrospectedEnum {
  name: string;
  enumValues: Array<{ name: string; description: string | null }>;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let platform: TestPlatform;
let enums: IntrospectedEnum[];
beforeAll(async () => {
  platform = await startTestPlatform();
  // The enums the platform writes: the SDL's and the hand-written API's (not the library's SortDirection).
  const sdlEnums = new Set(
    parse(domainTypeDefs()).definitions.flatMap((d) => (d.kind === Kind.ENUM_TYPE_DEFINITION ? [d.name.value] : [])),
  );
  const handWritten = await buildHandWrittenSchema();
  const { __schema } = await platform.ok<{ __schema: { types: Array<IntrospectedEnum & { kind: string }> } }>(
    "{ __schema { types { kind name enumValues { name description } } } }",
  );
  enums = __schema.types.filter(
    (type) =>
      type.kind === "ENUM" &&
      !type.name.startsWith("__") &&
      (sdlEnums.has(type.name) || isEnumType(handWritten.getType(type.name))),
  );
});
afterAll(() => platform?.stop());

describe("enumLabels", () => {
  it("labels every value of every enum of the API, in Chinese and English, and the enum descriptions say the same", async () => {
    const { enumLabels } = await platform.ok<{ enumLabels: Labels[] }>(LABELS);
    const byName = new Map(enumLabels.map((labels) => [labels.enum, labels]));
    expect(enums.map((type) => type.name)).toContain("GapKind");
    expect(enums.map((type) => type.name)).not.toContain("SortDirection");
    for (const type of enums) {
      const labels = byName.get(type.name);
      expect(labels, `no labels for ${type.name}`).toBeDefined();
      expect(labels!.values.map((v) => v.value).sort(), type.name).toEqual(type.enumValues.map((v) => v.name).sort());
      for (const { value, zh, en } of labels!.values) {
        expect(zh, `${type.name}.${value}`).toMatch(/\p{Script=Han}/u);
        expect(en, `${type.name}.${value}`).toMatch(/^[^\p{Script=Han}]+$/u);
        const description = type.enumValues.find((v) => v.name === value)!.description;
        expect(description, `${type.name}.${value}`).toMatch(
          new RegExp(`^${escaped(labelDescription({ zh, en }))}(: |$)`),
        );
      }
    }
    // The closed sets the API carries as text.
    expect(byName.get("Role")!.values.map((v) => v.value)).toEqual([...ROLES]);
    expect(byName.get("PlanningWarningCode")!.values.map((v) => v.value)).toContain("SPREAD_TOO_LARGE");
  });

  it("serves one enum when named, to every role; an unknown name is BAD_USER_INPUT naming `enum`", async () => {
    for (const role of ROLES) {
      const { data, errors } = await platform.gql<{ enumLabels: Labels[] }>(
        LABELS,
        { enum: "PairingKind" },
        await tokenFor(role, ["370285000000"]),
      );
      expect(errors, role).toBeUndefined();
      expect(data!.enumLabels).toHaveLength(1);
      expect(data!.enumLabels[0]!.values.find((v) => v.value === "STRONG_WEAK")).toMatchObject({ zh: "强村带弱村" });
    }
    const { errors } = await platform.gql(LABELS, { enum: "NoSuchEnum" });
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "enum" });
  });

  it("labels every value of every enum the explorer shows as the API does, in each language", async () => {
    const { enumLabels } = await platform.ok<{ enumLabels: Labels[] }>(LABELS);
    const served = new Map(enumLabels.map((labels) => [labels.enum, labels.values]));
    expect(served.get("GapKind")!.map((v) => v.value)).toEqual([...GAP_KINDS]);
    // The explorer's own label function (web/app/src/i18n.tsx), rendered in each language. Loaded by
    // path: it is JSX under the web's tsconfig, which `npm run build:web` checks.
    const web = (file: string) => import(pathToFileURL(path.join(PROJECT_ROOT, "web", "app", "src", file)).href);
    const { I18nProvider, useI18n, LABELLED_ENUMS } = (await web("i18n.tsx")) as {
      I18nProvider: FunctionComponent<{ children: ReactNode }>;
      useI18n: () => { label: (prefix: string, value: string) => string };
      LABELLED_ENUMS: Record<string, string>;
    };
    const { KIND_LABELS } = (await web("pages/network/network.ts")) as { KIND_LABELS: Record<string, string> };
    const shown = (lang: "zh" | "en", prefix: string, values: string[]): string[] => {
      (globalThis as { localStorage?: unknown }).localStorage = { getItem: () => lang, setItem: () => {} };
      const Shown = () => {
        const { label } = useI18n();
        return createElement(
          "ol",
          null,
          values.map((value) => createElement("li", { key: value }, label(prefix, value))),
        );
      };
      const html = renderToStaticMarkup(createElement(I18nProvider, null, createElement(Shown)));
      return [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/&#x27;/g, "'").replace(/&amp;/g, "&"));
    };
    try {
      for (const [prefix, name] of Object.entries(LABELLED_ENUMS)) {
        const values = served.get(name);
        expect(values, `${prefix}: no enum ${name}`).toBeDefined();
        const raw = values!.map((v) => v.value);
        expect(shown("zh", prefix, raw), prefix).toEqual(values!.map((v) => v.zh));
        expect(shown("en", prefix, raw), prefix).toEqual(values!.map((v) => v.en));
      }
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }

    // Every prefix the pages label a value under is one of them, so no raw value reaches a page.
    const sources = (
      fs.readdirSync(path.join(PROJECT_ROOT, "web", "app", "src"), { recursive: true }) as string[]
    ).filter((file) => /\.tsx?$/.test(file));
    const used = new Set(Object.values(KIND_LABELS));
    for (const file of sources) {
      const text = fs.readFileSync(path.join(PROJECT_ROOT, "web", "app", "src", file), "utf8");
      for (const [, prefix] of text.matchAll(/\blabel\(([^,]+),/g))
        for (const [, literal] of prefix!.matchAll(/"([a-z]\w*)"/g)) used.add(literal!);
    }
    expect([...used].filter((prefix) => !(prefix in LABELLED_ENUMS))).toEqual([]);
    expect(used.size).toBeGreaterThan(10);
  });
});
