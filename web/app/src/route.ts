/**
 * Where the explorer is, kept in the URL hash (`#/network?region=370285000000&focus=tno-029`)
 * so that links between pages, reloads and shared addresses all land on the same view.
 */
import { useEffect, useState } from "react";

export const PAGES = ["dashboard", "network", "planner", "layout"] as const;
export type Page = (typeof PAGES)[number];

export interface Route {
  page: Page;
  params: URLSearchParams;
}

function parse(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?");
  const page = PAGES.find((p) => p === path) ?? "dashboard";
  return { page, params: new URLSearchParams(query) };
}

/** A query string of the parameters that are set (empty ones are left out). */
export function queryString(params: Record<string, string | undefined>): string {
  return new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]),
  ).toString();
}

export function href(page: Page, params: Record<string, string | undefined> = {}): string {
  const text = queryString(params);
  return `#/${page}${text ? `?${text}` : ""}`;
}

export function navigate(page: Page, params: Record<string, string | undefined> = {}): void {
  window.location.hash = href(page, params);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parse(window.location.hash));
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return route;
}
