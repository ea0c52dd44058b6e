/**
 * Which files the size gate measures and what it concludes: the source we write by hand, not tests,
 * test helpers, generated code or translation catalogues (long by nature, one key a line).
 */

export const MAX_LINES = 300;
export const MEDIAN_TARGET = 60;

const SOURCE_ROOTS = [/^app\//, /^packages\//, /^extensions\/[^/]+\/src\//, /^scripts\//, /^bench\//, /^sandbox\//];

const NOT_HAND_WRITTEN_SOURCE = [
  /\.test\.tsx?$/,
  /\.test-d\.ts$/,
  /\.d\.ts$/,
  /(^|\/)(testing|tests)\//,
  /(^|\/)node_modules\//,
  /^prisma\/generated\//,
  /^app\/types\//,
  /^app\/i18n\/(en|nb|sv|da)\.ts$/,
];

/** Whether a repository path (forward slashes, relative to the root) counts towards the gate. */
export function countsAsSource(path: string): boolean {
  return (
    /\.tsx?$/.test(path) &&
    SOURCE_ROOTS.some((root) => root.test(path)) &&
    !NOT_HAND_WRITTEN_SOURCE.some((excluded) => excluded.test(path))
  );
}

/** Lines as an editor numbers them: a final newline does not start another line. */
export function countLines(text: string): number {
  if (text === "") return 0;
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

export interface FileSize {
  path: string;
  lines: number;
}

export interface SizeReport {
  count: number;
  median: number;
  p90: number;
  max: number;
  largest: FileSize[];
  oversized: FileSize[];
}

export function sizeReport(files: FileSize[], largestShown = 10): SizeReport {
  const bySize = [...files].sort((a, b) => b.lines - a.lines || a.path.localeCompare(b.path));
  const ascending = bySize.map((file) => file.lines).reverse();
  return {
    count: files.length,
    median: median(ascending),
    p90: nearestRank(ascending, 0.9),
    max: ascending.at(-1) ?? 0,
    largest: bySize.slice(0, largestShown),
    oversized: bySize.filter((file) => file.lines > MAX_LINES),
  };
}

function median(sorted: number[]): number {
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function nearestRank(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.ceil(fraction * sorted.length) - 1] ?? 0;
}
