import { describe, expect, it } from "vitest";

import { countLines, countsAsSource, MAX_LINES, sizeReport } from "./file-sizes/measure";

describe("which files the size gate measures", () => {
  it.each([
    { path: "app/shopify/graphql-order/to-payload.ts", counts: true },
    { path: "app/admin/ui/OrderTable.tsx", counts: true },
    { path: "packages/storefront-contract/index.ts", counts: true },
    { path: "extensions/loyalty-checkout/src/coupons/Coupons.tsx", counts: true },
    { path: "scripts/validate.ts", counts: true },
    { path: "bench/support/report.ts", counts: true },
    { path: "packages/diller-sandbox/server.ts", counts: true },
    { path: "app/i18n/locales.ts", counts: true },
    { path: "app/sync/order-sync.server.test.ts", counts: false },
    { path: "app/admin/ui/OrderTable.test.tsx", counts: false },
    { path: "app/loyalty/money.test-d.ts", counts: false },
    { path: "app/loyalty/testing/orders.ts", counts: false },
    { path: "extensions/loyalty-checkout/tests/render.ts", counts: false },
    { path: "tests/setup/console-guard.ts", counts: false },
    { path: "app/diller/contract/openapi.d.ts", counts: false },
    { path: "app/types/admin.generated.d.ts", counts: false },
    { path: "prisma/generated/client/index.ts", counts: false },
    { path: "app/i18n/en.ts", counts: false },
    { path: "app/i18n/da.ts", counts: false },
    { path: "extensions/loyalty-checkout/locales/nb.json", counts: false },
    { path: "extensions/loyalty-checkout/shopify.d.ts", counts: false },
    { path: "vite.config.ts", counts: false },
    { path: "server.mjs", counts: false },
    { path: "packages/extension-kit/node_modules/x/index.ts", counts: false },
  ])("$path counts: $counts", ({ path, counts }) => {
    expect(countsAsSource(path)).toBe(counts);
  });
});

describe("counting lines", () => {
  it.each([
    { text: "", lines: 0 },
    { text: "a", lines: 1 },
    { text: "a\n", lines: 1 },
    { text: "a\nb\n", lines: 2 },
    { text: "a\n\nb", lines: 3 },
  ])("$text.length characters → $lines lines", ({ text, lines }) => {
    expect(countLines(text)).toBe(lines);
  });
});

const files = (...sizes: number[]) => sizes.map((lines, index) => ({ path: `f${index}.ts`, lines }));

describe("the size report", () => {
  it("gives count, median, p90 and max", () => {
    const report = sizeReport(files(10, 50, 20, 40, 30, 60, 70, 80, 90, 100));
    expect(report).toMatchObject({ count: 10, median: 55, p90: 90, max: 100, oversized: [] });
    expect(report.largest.map((file) => file.lines).slice(0, 3)).toEqual([100, 90, 80]);
  });

  it("takes the middle file as the median of an odd count", () => {
    expect(sizeReport(files(5, 1, 9)).median).toBe(5);
  });

  it.each([
    { case: "exactly at the limit passes", sizes: [MAX_LINES, 10], oversized: [] },
    { case: "one line over fails", sizes: [MAX_LINES + 1, 10], oversized: [MAX_LINES + 1] },
    { case: "all oversized files are listed, largest first", sizes: [400, 10, 350], oversized: [400, 350] },
  ])("GIVEN $case", ({ sizes, oversized }) => {
    expect(sizeReport(files(...sizes)).oversized.map((file) => file.lines)).toEqual(oversized);
  });

  it("reports zeros for no files", () => {
    expect(sizeReport([])).toMatchObject({ count: 0, median: 0, p90: 0, max: 0 });
  });
});
