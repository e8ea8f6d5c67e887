import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config.js";
import type { Graph } from "../database/graph.js";
import type { LabelCount, PlatformInfo } from "./platform.types.js";

const VERSION: string = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")).version;

export class PlatformService {
  constructor(private readonly graph: Graph) {}

  async neo4jVersion(): Promise<string> {
    const components = await this.graph.read<{ name: string; version: string; edition: string }>(
      "platform/server-version",
    );
    const kernel = components.find((c) => c.name === "Neo4j Kernel") ?? components[0];
    return kernel ? `${kernel.version} ${kernel.edition}` : "unknown";
  }

  async labelCounts(): Promise<LabelCount[]> {
    return this.graph.read<LabelCount>("platform/label-counts");
  }

  async info(): Promise<PlatformInfo> {
    const [neo4jVersion, labelCounts] = await Promise.all([this.neo4jVersion(), this.labelCounts()]);
    return { version: VERSION, neo4jVersion, labelCounts };
  }
}
