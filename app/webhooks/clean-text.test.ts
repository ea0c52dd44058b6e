import { describe, expect, it } from "vitest";

import { cleanJsonText } from "./clean-text";

describe("cleanJsonText", () => {
  it.each([
    ["clean text is unchanged", '{"id":1,"name":"Åse"}', '{"id":1,"name":"Åse"}', []],
    ["escaped NUL is removed", '{"name":"a\\u0000b"}', '{"name":"ab"}', ["NUL characters"]],
    ["raw NUL is removed", '{"name":"a\u0000b"}', '{"name":"ab"}', ["NUL characters"]],
    ["escaped lone high surrogate", '{"n":"\\ud800x"}', '{"n":"\\ufffdx"}', ["unpaired surrogates"]],
    ["escaped lone low surrogate", '{"n":"\\uDC00"}', '{"n":"\\ufffd"}', ["unpaired surrogates"]],
    ["a valid escaped pair stays", '{"n":"\\ud83d\\ude00"}', '{"n":"\\ud83d\\ude00"}', []],
    ["a raw surrogate pair (emoji) stays", '{"n":"😀"}', '{"n":"😀"}', []],
    ["a raw lone surrogate after escapes", `{"n":"\\"${"\udc00"}"}`, '{"n":"\\"\ufffd"}', ["unpaired surrogates"]],
    ["a raw lone surrogate", `{"n":"${"\ud800"}"}`, '{"n":"\ufffd"}', ["unpaired surrogates"]],
    ["an escaped backslash before u0000 is text", '{"n":"\\\\u0000"}', '{"n":"\\\\u0000"}', []],
    ["big ids keep their digits", '{"id":12345678901234567890}', '{"id":12345678901234567890}', []],
    [
      "both at once",
      '{"a":"\\u0000","b":"\\udfff"}',
      '{"a":"","b":"\\ufffd"}',
      ["NUL characters", "unpaired surrogates"],
    ],
  ])("%s", (_name, raw, text, removed) => {
    expect(cleanJsonText(raw)).toEqual({ text, removed });
  });

  it("leaves JSON that parses to strings without NUL or lone surrogates", () => {
    const { text } = cleanJsonText('{"a":"x\\u0000y\\ud800","b":["\\udc00"]}');
    const parsed = JSON.parse(text) as { a: string; b: string[] };
    expect(parsed.a.includes("\u0000")).toBe(false);
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect([parsed.a, ...parsed.b].some((value) => lone.test(value))).toBe(false);
  });
});
