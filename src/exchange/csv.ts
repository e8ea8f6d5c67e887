/**
 * CSV as Excel reads and writes it (RFC 4180): comma separated, fields quoted with "" when they
 * hold a comma, quote or line break, "" for a quote inside. Written with a UTF-8 byte order
 * mark and CRLF, because without the mark Excel opens UTF-8 Chinese as mojibake.
 */
const BOM = "\uFEFF";

/** The records of a CSV text, each a list of fields; a leading byte order mark is dropped. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  for (let i = 0; i < input.length; i += 1) {
    const c = input[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (input[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && input[i + 1] === "\n") i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/**
 * A text field that Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe:
 * exported names come from anyone who could write to the graph.
 */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document (with byte order mark) of a header row and data rows. */
export function formatCsv(rows: unknown[][]): string {
  return BOM + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
