import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localJavaOptions, PROJECT_ROOT } from "../src/config.js";
import { connect } from "../src/database/driver.js";
import { startLocalNeo4j } from "../src/database/local-neo4j.js";
import { testNeo4jUri } from "./helpers.js";

describe("the local Neo4j launcher", () => {
  it("says which port is taken and how to choose another, instead of failing obscurely", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      await expect(
        startLocalNeo4j(
          {
            home: path.join(PROJECT_ROOT, ".neo4j", "port-test"),
            boltPort: port,
            heap: "256m",
            pageCacheMb: 16,
            transactionTimeoutMs: 30_000,
            javaOptions: localJavaOptions(),
          },
          () => {},
        ),
      ).rejects.toThrow(new RegExp(`Port ${port} is already in use.*NEO4J_BOLT_PORT.*NEO4J_URI`));
    } finally {
      blocker.close();
    }
  });

  it("applies the settings of its home's neo4j.conf (the run's graphs keep their plans, tests/global-setup.ts)", async () => {
    const driver = await connect({ uri: testNeo4jUri(), user: "neo4j", password: "neo4j" });
    try {
      const { records } = await driver.executeQuery(
        "CALL dbms.listConfig('dbms.cypher.min_replan_interval') YIELD value RETURN value",
      );
      expect(records.map((r) => r.get("value"))).toEqual(["1h"]);
    } finally {
      await driver.close();
    }
  });
});
