/** global-setup.ts less the web explorer's build and the own graphs: `npm run test:fast` runs no file that needs them. */
import type { TestProject } from "vitest/node";
import { startTestDatabase } from "./global-setup.js";

export { teardown } from "./global-setup.js";

export async function setup(project: TestProject): Promise<void> {
  await startTestDatabase(project, { webExplorer: false, ownGraphs: false });
}
