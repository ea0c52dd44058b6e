import type { SegmentAnswer, SegmentField } from "@diller/storefront-contract";
import { describe, expect, it } from "vitest";

import type { StoreSegment } from "~/diller/schemas.server";

import { memberSegmentAnswers, segmentFieldOf, segmentValuesOf } from "./segments";

const options = [
  { id: 11, text: "One" },
  { id: 12, text: " Two " },
];

describe("Diller segment → form field", () => {
  it.each<[string, StoreSegment, SegmentField | null]>([
    [
      "Text",
      { id: 1, text: "Favourite brand", type: "Text", is_visible_to_follower: true, is_required: false },
      { id: "1", label: "Favourite brand", type: "text", required: false, options: [] },
    ],
    [
      "DateTime",
      { id: 2, text: "Anniversary", type: "DateTime", is_visible_to_follower: true, is_required: true },
      { id: "2", label: "Anniversary", type: "date", required: true, options: [] },
    ],
    [
      "Radio",
      { id: 3, text: "Store", type: "Radio", is_visible_to_follower: true, is_required: true, options },
      {
        id: "3",
        label: "Store",
        type: "radio",
        required: true,
        options: [
          { id: "11", label: "One" },
          { id: "12", label: "Two" },
        ],
      },
    ],
    [
      "Checkbox",
      { id: 4, text: "Interests", type: "Checkbox", is_visible_to_follower: true, options },
      { id: "4", label: "Interests", type: "checkbox", required: false, options: expect.any(Array) },
    ],
    [
      "Dropdown",
      { id: 5, text: "Size", type: "Dropdown", options: [{ id: 21, text: "S" }, { text: "no id" }] },
      { id: "5", label: "Size", type: "dropdown", required: false, options: [{ id: "21", label: "S" }] },
    ],
    ["hidden from members", { id: 6, text: "Internal", type: "Text", is_visible_to_follower: false }, null],
    ["a type the contract does not know", { id: 7, text: "Slider", type: "Slider" }, null],
    ["no id", { text: "Broken", type: "Text" }, null],
    [
      "options on a text segment (ignored)",
      { id: 8, text: "Note", type: "Text", options },
      { id: "8", label: "Note", type: "text", required: false, options: [] },
    ],
  ])("%s", (_case, segment, field) => {
    expect(segmentFieldOf(segment)).toEqual(field);
  });
});

const FIELDS: SegmentField[] = [
  { id: "1", label: "Text", type: "text", required: false, options: [] },
  { id: "2", label: "Date", type: "date", required: false, options: [] },
  {
    id: "3",
    label: "Radio",
    type: "radio",
    required: true,
    options: [
      { id: "31", label: "a" },
      { id: "32", label: "b" },
    ],
  },
  {
    id: "4",
    label: "Checkbox",
    type: "checkbox",
    required: false,
    options: [
      { id: "41", label: "a" },
      { id: "42", label: "b" },
    ],
  },
  {
    id: "5",
    label: "Dropdown",
    type: "dropdown",
    required: false,
    options: [
      { id: "51", label: "a" },
      { id: "52", label: "b" },
    ],
  },
];
const RADIO: SegmentAnswer = { id: "3", optionIds: ["31"] };

describe("answers → Diller segment values", () => {
  it.each<[string, SegmentAnswer[], object[], object]>([
    [
      "text",
      [RADIO, { id: "1", value: " Acme " }],
      [
        { segment_id: 1, value: "Acme" },
        { segment_id: 3, selected_options: [31] },
      ],
      {},
    ],
    [
      "date",
      [RADIO, { id: "2", value: "2020-02-29" }],
      [
        { segment_id: 2, value: "2020-02-29" },
        { segment_id: 3, selected_options: [31] },
      ],
      {},
    ],
    [
      "an impossible date",
      [RADIO, { id: "2", value: "2021-02-29" }],
      [{ segment_id: 3, selected_options: [31] }],
      { "segments.2": "invalid_date" },
    ],
    [
      "a text too long",
      [RADIO, { id: "1", value: "x".repeat(501) }],
      [{ segment_id: 3, selected_options: [31] }],
      { "segments.1": "too_long" },
    ],
    ["radio", [RADIO], [{ segment_id: 3, selected_options: [31] }], {}],
    [
      "checkbox with several options",
      [RADIO, { id: "4", optionIds: ["42", "41"] }],
      [
        { segment_id: 3, selected_options: [31] },
        { segment_id: 4, selected_options: [41, 42] },
      ],
      {},
    ],
    [
      "dropdown",
      [RADIO, { id: "5", optionIds: ["52"] }],
      [
        { segment_id: 3, selected_options: [31] },
        { segment_id: 5, selected_options: [52] },
      ],
      {},
    ],
    [
      "two options on a dropdown",
      [RADIO, { id: "5", optionIds: ["51", "52"] }],
      [{ segment_id: 3, selected_options: [31] }],
      { "segments.5": "invalid_option" },
    ],
    ["an option of another segment", [{ id: "3", optionIds: ["41"] }], [], { "segments.3": "invalid_option" }],
    [
      "a value on a choice segment",
      [RADIO, { id: "4", value: "41" }],
      [{ segment_id: 3, selected_options: [31] }],
      { "segments.4": "invalid_option" },
    ],
    [
      "options on a text segment",
      [RADIO, { id: "1", optionIds: ["31"] }],
      [{ segment_id: 3, selected_options: [31] }],
      { "segments.1": "invalid_option" },
    ],
    [
      "an unknown segment",
      [RADIO, { id: "99", value: "x" }],
      [{ segment_id: 3, selected_options: [31] }],
      { "segments.99": "invalid_option" },
    ],
    ["the required segment missing", [], [], { "segments.3": "required" }],
    ["the required segment answered empty", [{ id: "3", optionIds: [] }], [], { "segments.3": "required" }],
    [
      "an empty optional answer (left out on join)",
      [RADIO, { id: "1", value: "" }],
      [{ segment_id: 3, selected_options: [31] }],
      {},
    ],
  ])("%s", (_case, answers, values, errors) => {
    expect(segmentValuesOf(FIELDS, answers)).toEqual({ values, errors });
  });

  it("when editing, an emptied optional answer is sent empty so Diller clears it", () => {
    const check = segmentValuesOf(FIELDS, [RADIO, { id: "1", value: "" }, { id: "4", optionIds: [] }], {
      clearEmpty: true,
    });
    expect(check).toEqual({
      errors: {},
      values: [
        { segment_id: 1, value: "" },
        { segment_id: 3, selected_options: [31] },
        { segment_id: 4, selected_options: [] },
      ],
    });
  });

  it("a member's answers come back as the form's values, hidden segments left out", () => {
    expect(
      memberSegmentAnswers(FIELDS, [
        { id: 1, type: "Text", value: "Acme" },
        { id: 2, type: "DateTime", value: "2015-06-20T00:00:00Z" },
        { id: 4, type: "Checkbox", selected_options: [41, 42] },
        { id: 6, type: "Text", value: "internal note" },
      ]),
    ).toEqual([
      { id: "1", value: "Acme" },
      { id: "2", value: "2015-06-20" },
      { id: "4", optionIds: ["41", "42"] },
    ]);
  });
});
