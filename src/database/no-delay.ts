/**
 * Turns Nagle's algorithm off (TCP_NODELAY) on every socket this process opens to Neo4j.
 *
 * Why: neo4j-driver writes a Bolt message of more than 1,400 bytes (a long Cypher file, a list
 * parameter) in several socket writes and leaves Nagle on, so the second write waits for the
 * server's delayed ACK: about 40 ms on Linux for every such statement. The kept analytics' catch-up
 * runs a dozen of them; measured on the qingdao graph, `analytics/affected` took 48 ms with Nagle
 * and 4 ms without. The driver offers no socket option, so `net.connect` and `tls.connect` (the
 * calls it makes) are wrapped once; sockets of other clients only lose a delay they never wanted
 * (Node's own HTTP client sets TCP_NODELAY too).
 */
import net from "node:net";
import tls from "node:tls";

let installed = false;

export function disableNagle(): void {
  if (installed) return;
  installed = true;
  const connectNet = net.connect;
  const connectTls = tls.connect;
  // The modules' exports are plain objects that the driver reads at each call.
  Object.assign(net, {
    connect: (...args: unknown[]) => (connectNet as (...a: unknown[]) => net.Socket).apply(net, args).setNoDelay(true),
  });
  Object.assign(tls, {
    connect: (...args: unknown[]) =>
      (connectTls as (...a: unknown[]) => tls.TLSSocket).apply(tls, args).setNoDelay(true),
  });
}
