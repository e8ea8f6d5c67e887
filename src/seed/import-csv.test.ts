/** The import-tool CSV of a dataset, written by one process or dealt to several; no database. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NotImportableError } from "../errors/errors.js";
import { writeImportCsv } from "./import-csv.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "import-csv-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A dataset folder of the generator's layout: a manifest and one NDJSON file per label or type. */
function dataset(name: string, files: Record<string, object[]>): string {
  const dir = path.join(root, name);
  for (const [file, rows] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), rows.map((row) => JSON.stringify(row) + "\n").join(""));
  }
  const counts = Object.fromEntries(Object.entries(files).map(([file, rows]) => [file, rows.length]));
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ files: counts }));
  return dir;
}

const towns = Array.from({ length: 40 }, (_, i) => ({
  code: `3702851${String(i).padStart(2, "0")}000`,
  name: `镇${i}`,
  level: "TOWN",
  population: 1000 + i,
}));
const villages = [{ id: "v-1", name: "沟东新村", foundedOn: "2025-03-01", aliases: ["沟东", "新村"] }];

describe("writeImportCsv", () => {
  it("writes the same files and counts whether one process converts them or they are dealt to two", async () => {
    const dir = dataset("two-ways", {
      "nodes/Region.ndjson": towns,
      "nodes/Village.ndjson": villages,
      "relationships/PART_OF.Region.Region.ndjson": towns.slice(1).map((t) => ({ from: t.code, to: towns[0]!.code })),
    });
    const one = await writeImportCsv(dir, path.join(root, "one"), "2026-12-03", 1);
    const two = await writeImportCsv(dir, path.join(root, "two"), "2026-12-03", 2);
    expect([two.nodes, two.relationships]).toEqual([41, 39]);
    expect([one.nodes, one.relationships]).toEqual([41, 39]);
    const contents = (written: typeof one) =>
      [...written.files.nodes, ...written.files.relationships].map((f) => [
        fs.readFileSync(f.header, "utf8"),
        fs.readFileSync(f.data, "utf8"),
      ]);
    expect(contents(two)).toEqual(contents(one));
    expect(two.files.nodes.map((n) => n.label)).toEqual(["Region", "Village"]);
    expect(two.files.relationships.map((r) => r.type)).toEqual(["PART_OF"]);
    expect(fs.readFileSync(two.files.nodes[1]!.header, "utf8")).toBe(
      "id:ID(Village),name:string,foundedOn:date,aliases:string[]\n",
    );
  });

  it("refuses a value the format cannot carry with NotImportableError, from a child process too", async () => {
    const dir = dataset("refused", {
      "nodes/Region.ndjson": towns,
      // The smaller file: the child process's share.
      "nodes/Village.ndjson": [{ id: "v-2", name: "两行\n的名字" }],
    });
    const refused = writeImportCsv(dir, path.join(root, "refused-csv"), "2026-12-03", 2);
    await expect(refused).rejects.toThrow(NotImportableError);
    await expect(refused).rejects.toThrow("Village v-2: name holds a line break");
  });
});
