/**
 * Sustained load for bench/run.ts, run as its own process so it does not share the API's CPU
 * accounting: POSTs the given GraphQL bodies in turn to URL with N connections for S seconds,
 * then prints one JSON line { rps, p50, p99, errors, non2xx }. Loopback only.
 *
 *   node --import tsx bench/load.ts http://127.0.0.1:4000/graphql 10 15 '["{…}", …]'
 */
import autocannon from "autocannon";

const [url, connections, seconds, bodiesJson] = process.argv.slice(2) as [string, string, string, string];
if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) throw new Error("load tests target this machine only");
const bodies = JSON.parse(bodiesJson) as string[];
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  requests: bodies.map((body) => ({ method: "POST", path: "/graphql", headers: { "content-type": "application/json" }, body })),
});
console.log(
  JSON.stringify({ rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx }),
);
