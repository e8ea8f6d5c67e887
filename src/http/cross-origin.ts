/**
 * Front ends on other origins (CORS_ORIGINS). A browser asks first (a preflight OPTIONS, sent
 * without the token) whether a page of that origin may send the bearer token and JSON; only the
 * listed origins are told yes. Tokens travel in a header, never in cookies, so no credentials
 * mode is needed. Without CORS_ORIGINS nothing is answered and the API serves its own origin only.
 */
import cors from "cors";
import type { RequestHandler } from "express";

/** The request headers a front end sends: the token, JSON, and the CSRF headers a GET needs. */
const ALLOWED_HEADERS = ["authorization", "content-type", "apollo-require-preflight", "x-apollo-operation-name"];

/** Whether a page of `origin` may call the API served at `host` (the request's Host header). */
export function originAllowed(origins: readonly string[], origin: string, host: string | undefined): boolean {
  if (origins.includes("*") || origins.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The CORS middleware for the API's routes, or null when only the same origin is served. */
export function crossOrigin(origins: readonly string[]): RequestHandler | null {
  if (origins.length === 0) return null;
  return cors({
    origin: origins.includes("*") ? "*" : [...origins],
    methods: ["GET", "POST"],
    allowedHeaders: ALLOWED_HEADERS,
    // Exports are saved under the name the server gives (web/app/src/api.ts).
    exposedHeaders: ["content-disposition"],
    maxAge: 600,
  });
}
