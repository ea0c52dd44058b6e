import { describe, expect, it } from "vitest";

import { firstPageParams, nextPageParams, parseOrderTableQuery, previousPageParams } from "./order-table";

const parse = (search: string) => parseOrderTableQuery(new URLSearchParams(search));

describe("parseOrderTableQuery", () => {
  it.each([
    { search: "", expected: { trail: [] } },
    { search: "state=FAILED&q=%231001", expected: { state: "FAILED", search: "#1001", trail: [] } },
    { search: "state=failed", expected: { trail: [] } },
    { search: "q=%20%20", expected: { trail: [] } },
    { search: "after=c3&trail=c1.c2", expected: { after: "c3", trail: ["c1", "c2"] } },
    { search: "trail=c1.c2", expected: { trail: [] } },
    { search: "after=bad%20cursor&trail=c1", expected: { trail: [] } },
    { search: "after=c3&trail=c1.%3Cx%3E.c2", expected: { after: "c3", trail: ["c1", "c2"] } },
  ])("?$search", ({ search, expected }) => {
    expect(parse(search)).toEqual(expected);
  });
});

describe("keyset pages", () => {
  it("walks forward and back through the pages without offsets", () => {
    const page1 = parse("state=SENT");
    const page2 = parse(nextPageParams(page1, "c1").toString());
    const page3 = parse(nextPageParams(page2, "c2").toString());
    expect(page2).toEqual({ state: "SENT", after: "c1", trail: [] });
    expect(page3).toEqual({ state: "SENT", after: "c2", trail: ["c1"] });

    const back2 = previousPageParams(page3);
    expect(back2?.toString()).toBe("state=SENT&after=c1");
    const back1 = back2 && previousPageParams(parse(back2.toString()));
    expect(back1?.toString()).toBe("state=SENT");
    expect(previousPageParams(page1)).toBeNull();
  });

  it("starts over when the filter changes", () => {
    expect(firstPageParams({ state: "FAILED", search: "#1" }).toString()).toBe("state=FAILED&q=%231");
    expect(firstPageParams({}).toString()).toBe("");
  });
});
