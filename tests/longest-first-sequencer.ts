/**
 * The order npm test starts its files in: the long ones first, in a fixed order, then the rest as
 * vitest would (longest cached first, else largest). On a clean clone, as in CI, vitest knows no
 * durations and starts the largest files first, which left the soak (a small file, two minutes of
 * both cores) for last, alone at the end while the other worker idled.
 */
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take a minute or more of a full run, longest first (as measured), the soak after
 * analytics so that it does not start beside the global setup's cold start.
 */
const LONG_FILES = [
  "tests/web.test.ts",
  "tests/analytics.test.ts",
  "tests/soak.test.ts",
  "tests/faults.test.ts",
  "tests/dataset-load.test.ts",
  "tests/commands-beside-platform.test.ts",
  "tests/planning.test.ts",
  "tests/backup.test.ts",
  "tests/domain-writes.test.ts",
  "tests/migrations.test.ts",
];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = LONG_FILES.indexOf(path.relative(spec.project.config.root, spec.moduleId));
      return index < 0 ? LONG_FILES.length : index;
    };
    // Array.prototype.sort is stable: the rest keeps vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
