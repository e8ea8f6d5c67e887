/**
 * Writes the import template (.xlsx: a 说明 sheet, one sheet per entity type with an example row):
 *
 *   npm run template -- import-template.xlsx
 */
import fs from "node:fs";
import path from "node:path";
import { buildTemplate } from "../src/exchange/template.js";

const out = path.resolve(process.argv[2] ?? "import-template.xlsx");
fs.writeFileSync(out, await buildTemplate());
console.log(`Template written to ${out}`);
