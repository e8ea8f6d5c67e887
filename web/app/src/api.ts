/**
 * The one way the pages talk to the platform: GraphQL over POST /graphql (as persisted queries)
 * and file downloads, both with the signed-in bearer token. A 401 or an UNAUTHENTICATED error forgets the token and
 * tells the app (which shows the sign-in again).
 */
import { useEffect, useState } from "react";

const TOKEN_KEY = "orgGraph.token";

export const session = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY),
  signIn: (token: string) => localStorage.setItem(TOKEN_KEY, token.trim()),
  /** `refused`: the server turned the token down (as opposed to the user signing out). */
  signOut: (refused = false) => {
    localStorage.removeItem(TOKEN_KEY);
    signOutListeners.forEach((listener) => listener(refused));
  },
};

type SignOutListener = (refused: boolean) => void;
const signOutListeners = new Set<SignOutListener>();

/** Called whenever the session ends. */
export function onSignOut(listener: SignOutListener): () => void {
  signOutListeners.add(listener);
  return () => signOutListeners.delete(listener);
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

function headers(): Record<string, string> {
  const token = session.token();
  return token ? { authorization: `Bearer ${token}` } : {};
}

function refused(status: number, code?: string): boolean {
  return status === 401 || code === "UNAUTHENTICATED";
}

/**
 * Operations go as Apollo's automatic persisted queries: the SHA-256 of the text alone, and the
 * text only the first time a server has not seen it (PERSISTED_QUERY_NOT_FOUND), when it keeps
 * it. The browser computes hashes only in a secure context (https, localhost, 127.0.0.1);
 * elsewhere the text goes every time.
 */
const hashes = new Map<string, Promise<string | null>>();

function hashOf(query: string): Promise<string | null> {
  let hash = hashes.get(query);
  if (!hash) {
    hash = globalThis.crypto?.subtle
      ? crypto.subtle
          .digest("SHA-256", new TextEncoder().encode(query))
          .then((digest) => [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join(""))
      : Promise.resolve(null);
    hashes.set(query, hash);
  }
  return hash;
}

async function post<T>(request: Record<string, unknown>): Promise<{ response: Response; body: GraphQLResponse<T> }> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers() },
    body: JSON.stringify(request),
  });
  return { response, body: (await response.json().catch(() => ({}))) as GraphQLResponse<T> };
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const sha256Hash = await hashOf(query);
  const extensions = sha256Hash ? { persistedQuery: { version: 1, sha256Hash } } : undefined;
  let { response, body } = await post<T>(extensions ? { extensions, variables } : { query, variables });
  if (body.errors?.[0]?.extensions?.code === "PERSISTED_QUERY_NOT_FOUND")
    ({ response, body } = await post<T>({ query, variables, extensions }));
  const error = body.errors?.[0];
  if (refused(response.status, error?.extensions?.code)) session.signOut(true);
  if (error) throw new ApiError(error.message, error.extensions?.code);
  if (!response.ok || !body.data) throw new ApiError(`HTTP ${response.status}`);
  return body.data;
}

/** GETs a file with the token and hands it to the browser as a download. */
/** The file name the server gave (Content-Disposition), which names the export's filters. */
function attachmentName(response: Response): string | null {
  const header = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? null;
}

/** Downloads `path` as a file, named as the server names it, else `filename`. */
export async function download(path: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: headers() });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as GraphQLResponse<unknown>;
    const error = body.errors?.[0];
    if (refused(response.status, error?.extensions?.code)) session.signOut(true);
    throw new ApiError(error?.message ?? `HTTP ${response.status}`, error?.extensions?.code);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement("a"), {
    href: url,
    download: attachmentName(response) ?? filename,
  });
  link.click();
  URL.revokeObjectURL(url);
}

export interface Loaded<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs a query whenever its text or variables change (skipped while `skip`); an answer that
 * arrives after newer variables were asked for is dropped.
 */
export function useQuery<T>(query: string, variables: Record<string, unknown>, skip = false): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: !skip });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    gql<T>(query, JSON.parse(key) as Record<string, unknown>).then(
      (data) => current && setState({ data, loading: false }),
      (error: Error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [query, key, skip, generation]);
  return { ...state, reload: () => setGeneration((n) => n + 1) };
}
