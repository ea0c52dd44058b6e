import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DEMO_ACTIVATION_TOKEN, DEMO_INVITATION_TOKEN, DEMO_MEMBERS } from "./index";
import { asArray, asRecord, expectNoContractViolations, startTestSandbox, type TestSandbox } from "./test-support";

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.stop());
beforeEach(() => t.sandbox.reset("demo"));
afterEach(() => expectNoContractViolations(t.sandbox));

const REQUIRED_SEGMENT = { segment_id: 3, selected_options: [103] };

function registration(overrides: Record<string, unknown> = {}) {
  return {
    phone: { country_code: "+47", number: "40000099" },
    first_name: "Test",
    last_name: "Person",
    email: "Test.Person@Example.com",
    gender: "NonBinary",
    consent: { gdpr_accepted: true, save_order_history: true, receive_sms: false, receive_email: true },
    department_ids: ["webshop"],
    segments: [REQUIRED_SEGMENT],
    ...overrides,
  };
}

async function register(overrides: Record<string, unknown> = {}) {
  const response = await t.store("POST", "/members", { body: registration(overrides) });
  expect(response.status, response.text).toBe(200);
  return asRecord(response.body);
}

describe("registerMember", () => {
  it("creates a member with signup points, the welcome coupon and its segment answers", async () => {
    const member = await register({ segments: [REQUIRED_SEGMENT, { segment_id: 4, selected_options: [204, 201] }] });

    expect(member).toMatchObject({
      id: expect.any(String),
      phone: { country_code: "+47", number: "40000099" },
      gender: "NonBinary",
      consent: { gdpr_accepted: true, save_order_history: true, receive_sms: false, receive_email: true },
      membership_detail: {
        points: 50,
        level_title: "Bronze",
        next_level_title: "Silver",
        next_level_points: 1000,
        remaining_points: 950,
      },
      department_ids: ["webshop"],
    });
    const segments = asArray(member.segments).map(asRecord);
    expect(segments).toHaveLength(6);
    expect(segments.find((segment) => segment.id === 4)).toMatchObject({
      type: "Checkbox",
      selected_options: [201, 204],
    });
    const coupons = await t.store("GET", `/members/${String(member.id)}/coupons`);
    expect(asArray(coupons.body).map((coupon) => asRecord(coupon).code)).toEqual(["WELCOME10"]);
  });

  it("awards no signup points and no welcome coupon until GDPR is accepted, then does so once", async () => {
    // GIVEN a member registered without GDPR consent
    const member = await register({ consent: { gdpr_accepted: false } });
    expect(asRecord(member.membership_detail).points).toBe(0);
    const id = String(member.id);

    // WHEN the member accepts later (twice)
    await t.store("PUT", `/members/${id}`, { body: { consent: { gdpr_accepted: true } } });
    const updated = await t.store("PUT", `/members/${id}`, { body: { consent: { gdpr_accepted: true } } });

    // THEN the signup points and the welcome coupon arrive exactly once
    expect(asRecord(asRecord(updated.body).membership_detail).points).toBe(50);
    const coupons = await t.store("GET", `/members/${id}/coupons`);
    expect(asArray(coupons.body)).toHaveLength(1);
  });

  it("normalizes a phone given with 00 prefix and spaces", async () => {
    const member = await register({ phone: { country_code: "0047", number: "400 00 098" } });
    expect(member.phone).toEqual({ country_code: "+47", number: "40000098" });
  });

  it("rejects a phone number that already belongs to a member with 400 problem details naming phone", async () => {
    const response = await t.store("POST", "/members", {
      body: registration({ phone: { country_code: "+47", number: "40000001" } }),
    });

    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(asRecord(response.body)).toMatchObject({
      status: 400,
      errors: { phone: [expect.stringContaining("already")] },
    });
  });

  it("rejects a registration without an answer to a required segment", async () => {
    const response = await t.store("POST", "/members", { body: registration({ segments: [] }) });

    expect(response.status).toBe(400);
    expect(asRecord(asRecord(response.body).errors).segments).toEqual([expect.stringContaining("Preferred store")]);
  });

  it.each([
    [
      "Text with options",
      [REQUIRED_SEGMENT, { segment_id: 1, selected_options: [101] }],
      "segments[1].selected_options",
    ],
    ["DateTime that is no date", [REQUIRED_SEGMENT, { segment_id: 2, value: "next tuesday" }], "segments[1].value"],
    ["Radio with two options", [{ segment_id: 3, selected_options: [101, 102] }], "segments[0].selected_options"],
    [
      "Dropdown with a foreign option",
      [REQUIRED_SEGMENT, { segment_id: 5, selected_options: [201] }],
      "segments[1].selected_options",
    ],
    ["Checkbox with a value", [REQUIRED_SEGMENT, { segment_id: 4, value: "Running" }], "segments[1].value"],
    ["an unknown segment", [REQUIRED_SEGMENT, { segment_id: 99, value: "x" }], "segments[1].segment_id"],
    [
      "a segment answered twice",
      [REQUIRED_SEGMENT, { segment_id: 3, selected_options: [101] }],
      "segments[1].segment_id",
    ],
    ["an answer without segment_id", [REQUIRED_SEGMENT, { value: "x" }], "segments[1].segment_id"],
  ])("rejects %s, naming the field", async (_case, segments, field) => {
    const response = await t.store("POST", "/members", { body: registration({ segments }) });

    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toContain(field);
  });

  it.each([
    ["Text", { segment_id: 1, value: " Acme " }, { value: "Acme" }],
    ["DateTime", { segment_id: 2, value: "2020-02-29" }, { value: "2020-02-29" }],
    ["Dropdown", { segment_id: 5, selected_options: [304] }, { selected_options: [304] }],
    ["Checkbox (empty subset)", { segment_id: 4, selected_options: [] }, {}],
  ])("accepts a %s answer", async (_case, answer, stored) => {
    const member = await register({ segments: [REQUIRED_SEGMENT, answer] });
    const segment = asArray(member.segments)
      .map(asRecord)
      .find((candidate) => candidate.id === answer.segment_id);
    expect(segment).toMatchObject(stored);
  });
});

describe("enrollMember", () => {
  it("creates a pending member that members/search finds by its activation token", async () => {
    const response = await t.store("POST", "/members/enroll", {
      body: {
        phone: { country_code: "+47", number: "40000077" },
        department_id: "oslo-city",
        origin: { system_id: "POS-1", channel: "POS" },
        additional_info: { first_name: "Ida", email: "ida@example.com" },
      },
    });
    expect(response.status).toBe(200);
    const member = asRecord(response.body);
    expect(member).toMatchObject({
      first_name: "Ida",
      consent: { gdpr_accepted: false },
      department_ids: ["oslo-city"],
    });

    const stored = t.sandbox.state.stores[0]?.members.find((candidate) => candidate.id === member.id);
    const token = stored?.activationToken ?? "";
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const found = await t.store("GET", "/members/search", { query: { activationToken: token } });
    expect(asArray(found.body).map((candidate) => asRecord(candidate).id)).toEqual([member.id]);
  });

  it("re-sends activation (a new token) to an existing member who has not accepted GDPR", async () => {
    const response = await t.store("POST", "/members/enroll", {
      body: { phone: { country_code: "+47", number: "40000003" }, department_id: "webshop" },
    });

    expect(response.status).toBe(200);
    expect(asRecord(response.body).id).toBe(DEMO_MEMBERS.pending);
    const old = await t.store("GET", "/members/search", { query: { activationToken: DEMO_ACTIVATION_TOKEN } });
    expect(old.body).toEqual([]);
  });

  it.each([
    [
      "an unknown department",
      { phone: { country_code: "+47", number: "40000076" }, department_id: "nowhere" },
      "department_id",
    ],
    ["no department", { phone: { country_code: "+47", number: "40000076" } }, "department_id"],
    [
      "a member who already accepted GDPR",
      { phone: { country_code: "+47", number: "40000001" }, department_id: "webshop" },
      "phone",
    ],
  ])("rejects %s", async (_case, body, field) => {
    const response = await t.store("POST", "/members/enroll", { body });
    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toContain(field);
  });
});

describe("getMemberByFilter", () => {
  it.each([
    ["email, case-insensitively", { email: "KARI.NORDMANN@example.com" }, [DEMO_MEMBERS.kari]],
    ["international phone with +", { phone: "+4740000001" }, [DEMO_MEMBERS.kari]],
    ["international phone with 00", { phone: "004740000002" }, [DEMO_MEMBERS.ola]],
    ["national phone in the store's country", { phone: "400 00 004" }, [DEMO_MEMBERS.lise]],
    ["identifier value", { identifierValue: "EK12345" }, [DEMO_MEMBERS.kari]],
    ["activation token", { activationToken: DEMO_ACTIVATION_TOKEN }, [DEMO_MEMBERS.pending]],
    ["email and phone of different members", { email: "kari.nordmann@example.com", phone: "+4740000002" }, []],
    ["an unknown email", { email: "nobody@example.com" }, []],
  ])("finds members by %s", async (_case, query, ids) => {
    const response = await t.store("GET", "/members/search", { query });

    expect(response.status).toBe(200);
    expect(asArray(response.body).map((member) => asRecord(member).id)).toEqual(ids);
  });

  it("treats an unencoded + as a space (as ASP.NET does), so the number reads as national", async () => {
    // GIVEN a client that forgets to encode "+" as %2B
    const response = await t.raw(
      "GET",
      `/api/v2.0/stores/${t.sandbox.credentials.storeId}/members/search?phone=+4740000001`,
      {
        headers: { Authorization: `Bearer ${await t.token()}` },
      },
    );

    // THEN "4740000001" is read as a Norwegian national number and matches nobody
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
  });

  it("rejects a search without any filter", async () => {
    const response = await t.store("GET", "/members/search");
    expect(response.status).toBe(400);
    expect(asRecord(asRecord(response.body).errors).filter).toBeDefined();
  });
});

describe("getMemberById, updateMember, deleteMember", () => {
  it("answers 404 problem details for an unknown member", async () => {
    const response = await t.store("GET", "/members/no-such-member");

    expect(response.status).toBe(404);
    expect(asRecord(response.body)).toMatchObject({
      status: 404,
      title: "Not Found",
      instance: expect.stringContaining("no-such-member"),
    });
  });

  it("changes only the fields sent", async () => {
    const response = await t.store("PUT", `/members/${DEMO_MEMBERS.kari}`, {
      body: {
        first_name: "Karianne",
        consent: { receive_sms: false },
        segments: [{ segment_id: 5, selected_options: [304] }],
      },
    });

    expect(response.status).toBe(200);
    const member = asRecord(response.body);
    expect(member).toMatchObject({
      first_name: "Karianne",
      last_name: "Nordmann",
      email: "kari.nordmann@example.com",
      consent: { gdpr_accepted: true, save_order_history: true, receive_sms: false, receive_email: true },
    });
    const segments = asArray(member.segments).map(asRecord);
    expect(segments.find((segment) => segment.id === 5)?.selected_options).toEqual([304]);
    expect(segments.find((segment) => segment.id === 1)?.value).toBe("Acme Outdoor");
  });

  it("refuses to clear a required segment", async () => {
    const response = await t.store("PUT", `/members/${DEMO_MEMBERS.kari}`, {
      body: { segments: [{ segment_id: 3, selected_options: [] }] },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toEqual(["segments[0]"]);
  });

  it("has no phone field: sending one is reported as unknown", async () => {
    const response = await t.store("PUT", `/members/${DEMO_MEMBERS.kari}`, {
      body: { phone: { country_code: "+47", number: "40000055" } },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toEqual(["phone"]);
  });

  it("flags a deleted member: gone from get and search at once, purged after 10 days", async () => {
    const deleted = await t.store("DELETE", `/members/${DEMO_MEMBERS.lise}`);
    expect(deleted.body).toEqual({ is_ok: true, details: expect.stringContaining("10 days") });

    expect((await t.store("GET", `/members/${DEMO_MEMBERS.lise}`)).status).toBe(404);
    expect((await t.store("GET", "/members/search", { query: { email: "lise.hansen@example.com" } })).body).toEqual([]);
    expect(t.sandbox.state.stores[0]?.members.some((member) => member.id === DEMO_MEMBERS.lise)).toBe(true);

    t.clock.advanceDays(10);
    await t.store("GET", "/members/search", { query: { email: "lise.hansen@example.com" } });
    expect(t.sandbox.state.stores[0]?.members.some((member) => member.id === DEMO_MEMBERS.lise)).toBe(false);
  });

  it("gives the profile widget a details URL that serves a page", async () => {
    const response = await t.store("GET", `/members/${DEMO_MEMBERS.kari}/widgets/profile`);
    const url = String(asRecord(response.body).details_url);

    expect(url.startsWith(t.sandbox.baseUrl)).toBe(true);
    const page = await fetch(url);
    expect(await page.text()).toContain("Silver");
  });
});

describe("dependents", () => {
  it("lists a member's dependents", async () => {
    const response = await t.store("GET", `/members/${DEMO_MEMBERS.kari}/dependents`);
    expect(response.body).toEqual([
      { id: 1, name: "Emma", birthdate: "2018-05-01", gender: "Female" },
      { id: 2, name: "Noah", birthdate: "2020-01-01", gender: "Male" },
    ]);
  });

  it("replaces the whole list: id 0 creates, an existing id overwrites, a missing one is deleted", async () => {
    const response = await t.store("POST", `/members/${DEMO_MEMBERS.kari}/dependents`, {
      body: [
        { id: 2, name: "Noah N.", birthdate: "2020-01-01", gender: "Male" },
        { id: 0, name: "Mia", birthdate: "2024-02-29" },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.text).toBe("");

    const list = asArray((await t.store("GET", `/members/${DEMO_MEMBERS.kari}/dependents`)).body).map(asRecord);
    expect(list.map((dependent) => dependent.name)).toEqual(["Noah N.", "Mia"]);
    expect(list[1]?.id).toEqual(expect.any(Number));
    expect(list[1]?.id).not.toBe(0);
    expect(list.some((dependent) => dependent.id === 1)).toBe(false);
  });

  it.each([
    ["an empty name", { id: 0, name: " ", birthdate: "2020-01-01" }, "[0].name"],
    ["a 51-character name", { id: 0, name: "x".repeat(51), birthdate: "2020-01-01" }, "[0].name"],
    ["an impossible date", { id: 0, name: "Mia", birthdate: "2023-02-29" }, "[0].birthdate"],
    ["a date-time instead of a date", { id: 0, name: "Mia", birthdate: "2020-01-01T00:00:00Z" }, "[0].birthdate"],
    ["an unknown id", { id: 77, name: "Mia", birthdate: "2020-01-01" }, "[0].id"],
  ])("rejects %s and changes nothing", async (_case, dependent, field) => {
    const response = await t.store("POST", `/members/${DEMO_MEMBERS.kari}/dependents`, { body: [dependent] });

    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toContain(field);
    expect(asArray((await t.store("GET", `/members/${DEMO_MEMBERS.kari}/dependents`)).body)).toHaveLength(2);
  });
});

describe("invited friends", () => {
  it("lists the friends a member invited", async () => {
    const response = await t.store("GET", `/members/${DEMO_MEMBERS.kari}/invited-friends`);
    expect(asArray(response.body).map((friend) => asRecord(friend).first_name)).toEqual(["Nils", "Siri"]);
  });

  it("looks up referrals by invitation token (an array, empty when nothing matches)", async () => {
    const found = await t.store("GET", `/members/${DEMO_MEMBERS.kari}/invited-friend`, {
      query: { invitationToken: DEMO_INVITATION_TOKEN },
    });
    expect(found.body).toEqual([expect.objectContaining({ first_name: "Nils", is_accepted: true, points: 100 })]);

    const none = await t.store("GET", `/members/${DEMO_MEMBERS.kari}/invited-friend`, {
      query: { invitationToken: "nope" },
    });
    expect(none.body).toEqual([]);
  });
});
