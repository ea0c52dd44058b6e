import { describe, expect, it } from "vitest";
import { z } from "zod";

import { formBoolean, formFields, optionalText, parseForm } from "./forms";

describe("parseForm", () => {
  const schema = z.object({
    name: z.string().min(1, "onboarding.errors.storeIdRequired"),
    count: z.coerce.number().int("not a key"),
    flag: formBoolean,
    note: optionalText,
  });

  it("returns the parsed data", () => {
    expect(parseForm(schema, { name: "a", count: "3", flag: "true", note: "  hi " })).toEqual({
      ok: true,
      data: { name: "a", count: 3, flag: true, note: "hi" },
    });
  });

  it("reports the first problem of each field, as a message key", () => {
    expect(parseForm(schema, { name: "", count: "1.5" })).toEqual({
      ok: false,
      errors: { name: { key: "onboarding.errors.storeIdRequired" }, count: { key: "form.errors.invalid" } },
    });
  });
});

describe("formBoolean", () => {
  it.each([
    ["true", true],
    ["on", true],
    ["1", true],
    ["false", false],
    ["", false],
    [undefined, false],
    ["yes please", false],
  ])("%j → %s", (value, expected) => {
    expect(formBoolean.parse(value)).toBe(expected);
  });
});

describe("formFields", () => {
  it("keeps the last value of each text field and skips files", () => {
    const data = new FormData();
    data.append("a", "1");
    data.append("a", "2");
    data.append("file", new Blob(["x"]), "x.txt");
    expect(formFields(data)).toEqual({ a: "2" });
  });
});
