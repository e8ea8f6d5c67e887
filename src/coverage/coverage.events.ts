/**
 * Live region changes as server-sent events, mounted at /events behind the bearer middleware:
 *
 *   GET /events/regions/:code   text/event-stream
 *     event: version   data: {"regionCode": "…", "version": "…"}   at once, then whenever it changes
 *     : keep-alive                                                 a comment every 15 s
 *
 * The version is `regionVersion`'s (CoverageService.version), heard from the process's one
 * RegionWatch (the `regionChanged` subscription listens there too), so an open dashboard or
 * network page learns that its figures changed without asking. A region outside the token's
 * scope, or unknown, is HTTP 400 as in the exchange routes; a failure later ends the stream
 * with an `error` event.
 */
import { Router, type Request, type Response } from "express";
import type { Principal } from "../domain/principal.js";
import { PlatformError } from "../errors/errors.js";
import type { CoverageService } from "./coverage.service.js";
import type { RegionWatch } from "./region-watch.js";

export interface RegionEventsDeps {
  /** A principal's services, from the factory the GraphQL API uses (src/services.ts). */
  servicesFor: (principal: Principal) => { coverage: CoverageService };
  regionChanges: RegionWatch;
}

const KEEP_ALIVE_MS = 15_000;

export function regionEventsRouter({ servicesFor, regionChanges }: RegionEventsDeps): Router {
  const router = Router();
  router.get("/regions/:code", async (req: Request, res: Response) => {
    const { coverage } = servicesFor(res.locals.principal as Principal);
    const code = String(req.params.code);
    let version: string;
    try {
      version = await coverage.version(code);
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      res.status(400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send("version", { regionCode: code, version });

    const keepAlive = setInterval(() => res.write(": keep-alive\n\n"), KEEP_ALIVE_MS);
    const finish = () => {
      clearInterval(keepAlive);
      stop();
      res.end();
    };
    const stop = regionChanges.listen(code, version, {
      next: (event) => send("version", event),
      fail: (error) => {
        send("error", { message: (error as Error).message });
        finish();
      },
      end: finish,
    });
    req.on("close", finish);
  });
  return router;
}
