/**
 * CORS for front ends on other origins: a browser's preflight is answered yes only for the
 * origins of CORS_ORIGINS, and by default (none listed) for no other origin at all. The
 * WebSocket of subscriptions follows the same list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { loadConfig } from "../src/config.js";
import { startTestPlatform, type TestPlatform } from "./helpers.js";

const FRONT = "http://front.example.org:5173";
const STRANGER = "https://elsewhere.example.com";

const preflight = (platform: TestPlatform, origin: string, path = "/graphql") =>
  fetch(`${platform.url}${path}`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type",
    },
  });

/** Whether a WebSocket from `origin` is accepted (its handshake completes). */
const socketOpens = (platform: TestPlatform, origin: string) =>
  new Promise<boolean>((resolve) => {
    const socket = new WebSocket(`${platform.url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws", { origin });
    socket.once("open", () => (socket.close(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

describe("with CORS_ORIGINS", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ CORS_ORIGINS: `${FRONT}, https://other.example.org` });
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("allows a listed origin's preflight with the token's header, and a GraphQL answer it may read", async () => {
    const response = await preflight(platform, FRONT);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(FRONT);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    const answer = await fetch(`${platform.url}/graphql`, {
      method: "POST",
      headers: { origin: FRONT, "content-type": "application/json", authorization: "Bearer nothing" },
      body: "{}",
    });
    expect(answer.headers.get("access-control-allow-origin")).toBe(FRONT);
    expect(await socketOpens(platform, FRONT)).toBe(true);
  });

  it("refuses an origin not listed", async () => {
    const response = await preflight(platform, STRANGER);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(await socketOpens(platform, STRANGER)).toBe(false);
  });
});

describe("by default", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("answers no other origin, and serves its own", async () => {
    for (const path of ["/graphql", "/exchange/template", "/events/regions/370285000000"]) {
      const response = await preflight(platform, FRONT, path);
      expect(response.headers.get("access-control-allow-origin"), path).toBeNull();
    }
    expect(await socketOpens(platform, FRONT)).toBe(false);
    expect(await socketOpens(platform, platform.url)).toBe(true);
  });
});

it("refuses a CORS_ORIGINS entry that is not an origin", () => {
  expect(() => loadConfig({ CORS_ORIGINS: "front.example.org" })).toThrow(/CORS_ORIGINS/);
  expect(() => loadConfig({ CORS_ORIGINS: "https://front.example.org/app" })).toThrow(/CORS_ORIGINS/);
  expect(loadConfig({ CORS_ORIGINS: " https://a.example.org ,* " }).corsOrigins).toEqual([
    "https://a.example.org",
    "*",
  ]);
});
