import fs from "node:fs";
import path from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { PROJECT_ROOT } from "../config.js";
import { cypher, toNumber } from "../database/cypher.js";
import type { LabelCount, PlatformInfo } from "./platform.types.js";

const VERSION: string = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")).version;

export class PlatformService {
  constructor(private readonly driver: Driver) {}

  async neo4jVersion(): Promise<string> {
    const { records } = await this.driver.executeQuery(cypher("platform/server-version"), {}, {
      routing: neo4j.routing.READ,
    });
    const kernel = records.find((r) => r.get("name") === "Neo4j Kernel") ?? records[0];
    return kernel ? `${kernel.get("version")} ${kernel.get("edition")}` : "unknown";
  }

  async labelCounts(): Promise<LabelCount[]> {
    const { records } = await this.driver.executeQuery(cypher("platform/label-counts"), {}, {
      routing: neo4j.routing.READ,
    });
    return records.map((r) => ({ label: r.get("label") as string, count: toNumber(r.get("count")) }));
  }

  async info(): Promise<PlatformInfo> {
    const [neo4jVersion, labelCounts] = await Promise.all([this.neo4jVersion(), this.labelCounts()]);
    return { version: VERSION, neo4jVersion, labelCounts };
  }
}
