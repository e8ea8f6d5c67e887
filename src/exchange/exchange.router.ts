/**
 * HTTP routes of Excel/CSV exchange, mounted at /exchange behind the bearer middleware (which
 * leaves the principal in res.locals.principal):
 *
 *   GET  /template.xlsx                                   the import template (any role)
 *   POST /import?format=xlsx|csv[&sheet=Name][&dryRun=true] body: the file (ADMIN, EDITOR)
 *        → 200 {imported, dryRun, rows, counts} | 422 {imported: false, errorCount, errors}
 *   GET  /export/coverage.xlsx|.csv?regionCode=&asOf=&depth=    (any role)
 *   GET  /export/gaps.xlsx|.csv?regionCode=&asOf=&kinds=A,B[&villageCode=][&townCode=]  (roles that read gap lists)
 *   GET  /export/layout.xlsx|.csv?regionCode=[&fromVintage=2019][&toVintage=2023]   (roles that read layoutComparison)
 *
 * Every request's services are bound to its principal, so a region outside the token's scope
 * answers like an unknown one. Errors have GraphQL's shape, {errors: [{message, extensions: {code,
 * field}}]}, with the code's HTTP status: bad parameters 400 BAD_USER_INPUT, a role refused 403, the
 * database out of reach 503 UNAVAILABLE (STATUS).
 */
import express, { Router, type Request, type Response } from "express";
import { requireRole } from "../auth/http.js";
import { EDITORS, LAYOUT_READERS, READERS, type Principal, type Role } from "../domain/principal.js";
import { fromDatabaseError } from "../database/database-errors.js";
import { badInput, type ErrorCodeName, PlatformError } from "../errors/errors.js";
import { coverageTable, exportFileName, gapsTable, parseExportRequest, type ExportSources } from "./coverage-export.js";
import { today } from "../domain/dates.js";
import type { ImportService } from "./import.service.js";
import { layoutFileName, layoutTable, parseLayoutRequest } from "./layout-export.js";
import { CONTENT_TYPES, EXPORT_FORMATS, toCsv, toXlsx, type ExportFormat, type Table } from "./tables.js";
import { buildTemplate } from "./template.js";
import { IMPORT_FORMATS, type ImportFormat } from "./workbook.js";

export interface ExchangeDeps {
  /**
   * A principal's services, from the factory the GraphQL API uses (src/services.ts), so an
   * export of what a dashboard shows is what the API remembers and keeps, at no cost.
   */
  servicesFor: (principal: Principal) => ExportSources & { imports: ImportService };
  /** Largest upload, as an express size. */
  maxUpload?: string;
}

const STATUS: Record<ErrorCodeName, number> = {
  BAD_USER_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CONSTRAINT_VIOLATION: 409,
  UNAVAILABLE: 503,
};

/**
 * Runs a route; a platform error, or a database condition (database/database-errors.ts), becomes
 * its HTTP status in the GraphQL error shape. Anything else is the app's internal error.
 */
const route = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
  try {
    await handler(req, res);
  } catch (thrown) {
    const error = thrown instanceof PlatformError ? thrown : fromDatabaseError(thrown);
    if (!error) throw thrown;
    res.status(STATUS[error.code]).json({ errors: [{ message: error.message, extensions: error.extensions }] });
  }
};

function send(res: Response, format: ExportFormat, filename: string, body: Buffer): void {
  res.type(CONTENT_TYPES[format]).attachment(filename).send(body);
}

const query = (req: Request, name: string) =>
  typeof req.query[name] === "string" ? (req.query[name] as string) : undefined;

export function exchangeRouter({ servicesFor, maxUpload = "20mb" }: ExchangeDeps): Router {
  const router = Router();
  const services = (res: Response) => servicesFor(res.locals.principal as Principal);

  router.get(
    "/template.xlsx",
    route(async (_req, res) => send(res, "xlsx", "import-template.xlsx", await buildTemplate())),
  );

  router.post(
    "/import",
    requireRole(...EDITORS),
    express.raw({ type: () => true, limit: maxUpload }),
    route(async (req, res) => {
      const format = query(req, "format");
      if (!IMPORT_FORMATS.includes(format as ImportFormat))
        throw badInput("format", `format must be ${IMPORT_FORMATS.join(" or ")}`);
      const sheet = query(req, "sheet");
      if (format === "csv" && !sheet)
        throw badInput("sheet", "a .csv file holds one sheet: name it with sheet=, e.g. sheet=PartyOrganization");
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const result = await services(res).imports.importFile(body, {
        format: format as ImportFormat,
        sheet,
        dryRun: query(req, "dryRun") === "true",
      });
      res.status("errors" in result ? 422 : 200).json(result);
    }),
  );

  /** Each export: who may download it, and its table and file name from the query string. */
  type Export = (
    sources: ExportSources,
    req: Request,
    format: ExportFormat,
  ) => Promise<{ table: Table; filename: string }>;
  const coverageExport =
    (name: string, table: typeof coverageTable): Export =>
    async (sources, req, format) => {
      const request = parseExportRequest({
        regionCode: query(req, "regionCode"),
        asOf: query(req, "asOf"),
        depth: query(req, "depth"),
        kinds: query(req, "kinds"),
        villageCode: query(req, "villageCode"),
        townCode: query(req, "townCode"),
      });
      return { table: await table(sources, request), filename: exportFileName(name, request, today(), format) };
    };
  const exports: Record<string, { roles: Role[] | null; run: Export }> = {
    coverage: { roles: null, run: coverageExport("coverage", coverageTable) },
    gaps: { roles: READERS, run: coverageExport("gaps", gapsTable) },
    layout: {
      roles: LAYOUT_READERS,
      run: async (sources, req, format) => {
        const request = parseLayoutRequest({
          regionCode: query(req, "regionCode"),
          fromVintage: query(req, "fromVintage"),
          toVintage: query(req, "toVintage"),
        });
        return { table: await layoutTable(sources, request), filename: layoutFileName(request, format) };
      },
    },
  };
  for (const [name, { roles, run }] of Object.entries(exports)) {
    for (const format of EXPORT_FORMATS) {
      router.get(
        `/export/${name}.${format}`,
        ...(roles ? [requireRole(...roles)] : []),
        route(async (req, res) => {
          const { table, filename } = await run(services(res), req, format);
          send(res, format, filename, format === "xlsx" ? await toXlsx([table]) : toCsv(table));
        }),
      );
    }
  }
  return router;
}
