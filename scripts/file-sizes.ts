/**
 * `npm run check:sizes`: prints how long our hand-written source files are (count, median, p90, max,
 * the largest) and fails when one is over the limit. What counts: scripts/file-sizes/measure.ts.
 * Files come from git (tracked plus new, unignored), so a clean clone measures the same set.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

import { countLines, countsAsSource, MAX_LINES, MEDIAN_TARGET, sizeReport } from "./file-sizes/measure";

const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
  encoding: "utf8",
});
const paths = [...new Set(listed.split("\0"))].filter(countsAsSource);
const files = paths.flatMap((path) => {
  try {
    return [{ path, lines: countLines(readFileSync(path, "utf8")) }];
  } catch {
    return []; // deleted in the work tree but still in the index
  }
});
const report = sizeReport(files);

console.log(
  `${report.count} source files: median ${report.median} lines (target ≤ ${MEDIAN_TARGET}), ` +
    `p90 ${report.p90}, max ${report.max} (limit ${MAX_LINES})`,
);
console.log("largest:");
for (const file of report.largest) console.log(`  ${String(file.lines).padStart(5)}  ${file.path}`);

if (report.oversized.length > 0) {
  console.error(`\n${report.oversized.length} file(s) over ${MAX_LINES} lines; split them by concept:`);
  for (const file of report.oversized) console.error(`  ${file.lines}  ${file.path}`);
  process.exit(1);
}
