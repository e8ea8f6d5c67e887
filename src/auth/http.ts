/**
 * HTTP side of authentication: every route but /health and the static pages needs a valid
 * bearer token. The verified principal is left in `res.locals.principal` for the route.
 */
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Principal, Role } from "../domain/principal.js";
import { InvalidTokenError } from "./tokens.js";

export type VerifyToken = (token: string) => Promise<{ principal: Principal; claims: Record<string, unknown> }>;

export interface AuthenticatedLocals {
  principal: Principal;
  claims: Record<string, unknown>;
}

function refuse(res: Response, status: 401 | 403, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** The bearer token of a request, or a 401 that says what is missing. */
export function bearerAuthentication(verify: VerifyToken): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      refuse(
        res,
        401,
        "UNAUTHENTICATED",
        "Send a bearer token: Authorization: Bearer <token> (npm run token mints one).",
      );
      return;
    }
    try {
      const { principal, claims } = await verify(match[1]!);
      res.locals.principal = principal;
      res.locals.claims = claims;
      next();
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) return next(error);
      refuse(res, 401, "UNAUTHENTICATED", error.message);
    }
  };
}

/** Lets through only the given roles (after bearerAuthentication). */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const principal = res.locals.principal as Principal;
    if (roles.includes(principal.role)) return next();
    refuse(res, 403, "FORBIDDEN", `This needs one of the roles ${roles.join(", ")}; the token has ${principal.role}.`);
  };
}
