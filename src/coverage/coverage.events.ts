/**
 * Live region changes as server-sent events, mounted at /events behind the bearer middleware:
 *
 *   GET /events/regions/:code   text/event-stream
 *     event: version   data: {"regionCode": "…", "version": "…"}   at once, then whenever it changes
 *     : keep-alive                                                 a comment every 15 s
 *
 * The version is `regionVersion`'s (CoverageService.version): the stream polls it every
 * `pollMs` for as long as the client listens, so an open dashboard or network page learns that
 * its figures changed without asking. A region outside the token's scope, or unknown, is HTTP 400
 * as in the exchange routes; a failure later ends the stream with an `error` event.
 */
import { Router, type Request, type Response } from "express";
import type { Principal } from "../domain/principal.js";
import { PlatformError } from "../errors/errors.js";
import type { CoverageService } from "./coverage.service.js";

export interface RegionEventsDeps {
  /** A principal's services, from the factory the GraphQL API uses (src/services.ts). */
  servicesFor: (principal: Principal) => { coverage: CoverageService };
  pollMs?: number;
}

const KEEP_ALIVE_MS = 15_000;

export function regionEventsRouter({ servicesFor, pollMs = 2_000 }: RegionEventsDeps): Router {
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

    let open = true;
    let lastWrite = Date.now();
    req.on("close", () => {
      open = false;
    });
    while (open) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      if (!open) break;
      try {
        const now = await coverage.version(code);
        if (now !== version) {
          version = now;
          send("version", { regionCode: code, version });
          lastWrite = Date.now();
        } else if (Date.now() - lastWrite >= KEEP_ALIVE_MS) {
          res.write(": keep-alive\n\n");
          lastWrite = Date.now();
        }
      } catch (error) {
        send("error", { message: (error as Error).message });
        break;
      }
    }
    res.end();
  });
  return router;
}
