/**
 * Sustained load for the benchmarks, run as its own process so it does not share the API's CPU
 * accounting: POSTs the given GraphQL requests in turn to URL with N connections for S seconds,
 * then prints one JSON line { requests, rps, p50, p99, errors, non2xx, graphqlErrors } where
 * graphqlErrors counts the responses carrying GraphQL errors, by extensions.code. Loopback only.
 *
 *   node --import tsx bench/load.ts http://127.0.0.1:4000/graphql 10 15 '[{"body": "{…}", "token": "…"}, …]'
 */
import autocannon from "autocannon";

interface LoadRequest {
  body: string;
  /** Bearer token sent with this request. */
  token: string;
}

const [url, connections, seconds, requestsJson] = process.argv.slice(2) as [string, string, string, string];
if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) throw new Error("load tests target this machine only");
const requests = JSON.parse(requestsJson) as LoadRequest[];
const graphqlErrors: Record<string, number> = {};
const tally = (_status: number, body: string) => {
  if (!body.includes('"errors"')) return;
  const code = /"code":"([A-Z_]+)"/.exec(body)?.[1] ?? "NO_CODE";
  graphqlErrors[code] = (graphqlErrors[code] ?? 0) + 1;
};
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  requests: requests.map(({ body, token }) => ({
    method: "POST",
    path: new URL(url).pathname,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body,
    onResponse: tally,
  })),
});
console.log(
  JSON.stringify({
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
  }),
);
