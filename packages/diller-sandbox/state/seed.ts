/**
 * Seeds. "demo": a Norwegian demo store with something of everything (all five segment types, three
 * levels, coupons of every type and discount type incl. expired/inactive/upcoming ones, standard and
 * threshold stamp cards, members in different states) plus a second store for isolation tests.
 * "empty": the same two stores with their profiles only. Validity windows are relative to the clock at
 * seed time, so the demo never goes stale. All personal data is fake (example.com, +47 4000xxxx).
 */
import { addDays, calendarDateIn } from "../clock";
import { type Schemas } from "../operation-types";
import { type SeedName } from "../types";
import {
  DEMO_ACTIVATION_TOKEN,
  DEMO_API_KEY,
  DEMO_INVITATION_TOKEN,
  DEMO_MEMBERS,
  DEMO_STORE_ID,
  SECOND_STORE_API_KEY,
  SECOND_STORE_ID,
  SECOND_STORE_MEMBER_ID,
} from "./fixtures";
import { type MemberState, type SandboxState, STATE_VERSION, type StoreState } from "./schema";

export function createSeed(name: SeedName, now: Date): SandboxState {
  const demo = name === "demo";
  return {
    version: STATE_VERSION,
    sequences: demo
      ? { transaction: 1, refund: 0, dependent: 2, nonEligibleProduct: 3 }
      : { transaction: 0, refund: 0, dependent: 0, nonEligibleProduct: 0 },
    stores: demo
      ? [demoStore(now), secondStore(now)]
      : [
          emptyStore(DEMO_STORE_ID, DEMO_API_KEY, demoProfile()),
          emptyStore(SECOND_STORE_ID, SECOND_STORE_API_KEY, secondProfile()),
        ],
  };
}

function emptyStore(id: string, apiKey: string, profile: Schemas["StoreResponse"]): StoreState {
  return {
    id,
    apiKey,
    profile,
    departments: [],
    segments: [],
    membershipLevels: [],
    coupons: [],
    stampCards: [],
    nonEligibleProducts: [],
    members: [],
    transactions: [],
    couponReservations: [],
    stampReservations: [],
    pendingOtps: [],
  };
}

function demoProfile(): Schemas["StoreResponse"] {
  return {
    tax_number: "NO999999999MVA",
    external_id: "sandbox-demo-store",
    store_name: "Sandbox Demo Store",
    phone: { country_code: "+47", number: "40000000" },
    email: "store@example.com",
    address: { street: "Eksempelgata 1", city: "Oslo", zip_code: "0150", country_code: "NO" },
    currency: "NOK",
    time_zone: "Europe/Oslo",
    culture: "nb-NO",
    stamps_enabled: true,
    friend_referral_enabled: true,
    points_system: { enabled: true, friend_referral_points: 100, follower_signup_points: 50, currency_points_ratio: 1 },
    member_identifier: { type: "LicensePlate", is_unique_per_country: true },
    privacy_policy_url: "https://example.com/privacy",
  };
}

function secondProfile(): Schemas["StoreResponse"] {
  return {
    tax_number: "SE999999999901",
    external_id: "sandbox-second-store",
    store_name: "Sandbox Second Store",
    phone: { country_code: "+46", number: "700000000" },
    email: "second-store@example.com",
    address: { street: "Exempelgatan 1", city: "Stockholm", zip_code: "11120", country_code: "SE" },
    currency: "SEK",
    time_zone: "Europe/Stockholm",
    culture: "sv-SE",
    stamps_enabled: false,
    friend_referral_enabled: false,
    points_system: { enabled: true, friend_referral_points: 0, follower_signup_points: 0, currency_points_ratio: 0.5 },
    privacy_policy_url: "https://example.com/second-store/privacy",
  };
}

function demoStore(now: Date): StoreState {
  const at = (days: number) => addDays(now, days).toISOString();
  const store = emptyStore(DEMO_STORE_ID, DEMO_API_KEY, demoProfile());
  store.departments = [
    { id: "webshop", name: "Nettbutikk" },
    { id: "oslo-city", name: "Oslo City" },
    { id: "bergen", name: "Bergen Storsenter" },
  ];
  store.segments = [
    { id: 1, text: "Favourite brand", type: "Text", is_visible_to_follower: true, is_required: false },
    { id: 2, text: "Wedding anniversary", type: "DateTime", is_visible_to_follower: true, is_required: false },
    {
      id: 3,
      text: "Preferred store",
      type: "Radio",
      is_visible_to_follower: true,
      is_required: true,
      options: [
        { id: 101, text: "Oslo" },
        { id: 102, text: "Bergen" },
        { id: 103, text: "Online" },
      ],
    },
    {
      id: 4,
      text: "Interests",
      type: "Checkbox",
      is_visible_to_follower: true,
      is_required: false,
      options: [
        { id: 201, text: "Running" },
        { id: 202, text: "Hiking" },
        { id: 203, text: "Skiing" },
        { id: 204, text: "Cycling" },
      ],
    },
    {
      id: 5,
      text: "Clothing size",
      type: "Dropdown",
      is_visible_to_follower: true,
      is_required: false,
      options: [
        { id: 301, text: "S" },
        { id: 302, text: "M" },
        { id: 303, text: "L" },
        { id: 304, text: "XL" },
      ],
    },
    { id: 6, text: "Internal customer group", type: "Text", is_visible_to_follower: false, is_required: false },
  ];
  store.membershipLevels = [
    { id: 1, name: "Bronze", points: 0 },
    { id: 2, name: "Silver", points: 1000 },
    { id: 3, name: "Gold", points: 5000 },
  ];
  store.coupons = demoCoupons(now);
  store.stampCards = [
    {
      active: true,
      definition: {
        id: 1,
        external_id: "coffee-card",
        article_number: "ART-COFFEE-CUP",
        title: "Coffee card",
        description: "Every 10th coffee is free.",
        required_points: 0,
        is_restartable: true,
        required_stamps: 10,
        image_url: "https://example.com/stamps/coffee.png",
        last_stamp_text: "Free coffee!",
        product_ids: ["coffee-cup"],
        card_type: "standard",
        valid_from: at(-180),
        valid_to: at(365),
      },
    },
    {
      active: true,
      definition: {
        id: 2,
        external_id: "spend-500",
        title: "Spend 500",
        description: "A stamp for every purchase of 500 NOK or more; five stamps give a gift.",
        is_restartable: false,
        required_stamps: 5,
        last_stamp_text: "Gift unlocked",
        product_ids: [],
        card_type: "threshold",
        threshold_amount: 500,
        valid_from: at(-30),
        valid_to: at(335),
      },
    },
    {
      active: true,
      definition: {
        id: 3,
        title: "Winter card (ended)",
        is_restartable: false,
        required_stamps: 6,
        card_type: "standard",
        valid_from: at(-200),
        valid_to: at(-20),
      },
    },
    {
      active: false,
      definition: { id: 4, title: "Paused card", is_restartable: true, required_stamps: 8, card_type: "standard" },
    },
  ];
  store.nonEligibleProducts = [
    { id: 1, product_id: "gift-card", description: "Gift cards earn no points", subsystem: "All" },
    {
      id: 2,
      product_id_prefix: "DEPOSIT-",
      description: "Bottle deposits",
      subsystem: "Loyalty",
      expires_at: calendarDateIn("Europe/Oslo", addDays(now, 365)),
    },
    { id: 3, product_category_id: 42, description: "No reviews for samples", subsystem: "Lipscore" },
  ];
  store.members = [kari(now), ola(now), pendingMember(now), lise(now)];
  store.transactions = [
    {
      id: "T000001",
      externalId: "DEMO-ORDER-1001",
      memberId: DEMO_MEMBERS.kari,
      status: "completed",
      receivedAt: at(-20),
      total: 450,
      pointsAwarded: 450,
      request: {
        external_id: "DEMO-ORDER-1001",
        created_at: at(-20),
        total: 450,
        total_tax: 90,
        total_discount: 0,
        currency: "NOK",
        origin: { system_id: "SANDBOX", channel: "OnlineStore" },
        department_id: "webshop",
        payment_details: [{ payment_method: "Card", sub_total: 450 }],
        details: [
          {
            product: { external_id: "coffee-beans-1kg", sku: "COF-1KG", name: "Coffee beans 1 kg" },
            quantity: 1,
            unit_price: 450,
            tax_percentage: 25,
            discount: 0,
            total_price: 450,
          },
        ],
      },
      redeemedCoupons: [],
      stampMovements: [],
      refunds: [],
    },
  ];
  return store;
}

function demoCoupons(now: Date): StoreState["coupons"] {
  const from = addDays(now, -30).toISOString();
  const to = addDays(now, 365).toISOString();
  const coupon = (
    definition: Omit<Schemas["StoreCouponResponse"], "valid_from" | "valid_to"> & { id: number },
    window: { valid_from?: string; valid_to?: string; active?: boolean } = {},
  ) => ({
    active: window.active ?? true,
    definition: { ...definition, valid_from: window.valid_from ?? from, valid_to: window.valid_to ?? to },
  });
  return [
    coupon({
      id: 1,
      code: "WELCOME10",
      title: "Welcome: 10 % off",
      description: "Given to every new member.",
      type: "Welcome",
      discount_type: "Percentage",
      discount_value: 10,
      max_redemptions: 1,
      image_url: "https://example.com/coupons/welcome.png",
      external_ids: [{ platform: "Sandbox", external_id: "welcome-10" }],
    }),
    coupon({
      id: 2,
      code: "SUMMER100",
      title: "100 NOK off",
      type: "Campaign",
      discount_type: "Fixed",
      discount_value: 100,
      max_redemptions: 1,
    }),
    coupon({
      id: 3,
      code: "FREESHIP",
      title: "Free shipping",
      type: "Standard",
      discount_type: "FreeShipping",
      discount_value: 0,
      max_redemptions: 3,
    }),
    coupon({
      id: 4,
      code: "COFFEE50",
      title: "50 % off coffee beans",
      type: "Standard",
      discount_type: "Percentage",
      discount_value: 50,
      max_redemptions: 1,
      article_number: "ART-COFFEE-1KG",
      product_ids: ["coffee-beans-1kg"],
    }),
    coupon({
      id: 5,
      code: "PUBLIC15",
      title: "15 % for everyone",
      type: "Public",
      discount_type: "Percentage",
      discount_value: 15,
      max_redemptions: 1,
    }),
    coupon({
      id: 6,
      code: "BIRTHDAY200",
      title: "Happy birthday: 200 NOK",
      type: "Birthday",
      discount_type: "Fixed",
      discount_value: 200,
      max_redemptions: 1,
    }),
    coupon({
      id: 7,
      code: "CHILD15",
      title: "Child's birthday: 15 %",
      type: "ChildBirthday",
      discount_type: "Percentage",
      discount_value: 15,
      max_redemptions: 1,
    }),
    coupon({
      id: 8,
      code: "MONTHLY5",
      title: "Monthly 5 %",
      type: "Recurring",
      discount_type: "Percentage",
      discount_value: 5,
      max_redemptions: 12,
    }),
    coupon({
      id: 9,
      code: "AUTOGIFT",
      title: "A small gift",
      type: "Automation",
      discount_type: "NotDefined",
      max_redemptions: 1,
    }),
    coupon({
      id: 10,
      code: "GOLD20",
      title: "Gold members: 20 %",
      type: "Standard",
      discount_type: "Percentage",
      discount_value: 20,
      max_redemptions: 5,
      target: { membership_level: 3, required_points: 5000 },
      usage_extension_in_days: 30,
    }),
    coupon(
      {
        id: 11,
        code: "EXPIRED20",
        title: "Expired 20 %",
        type: "Standard",
        discount_type: "Percentage",
        discount_value: 20,
        max_redemptions: 1,
      },
      { valid_from: addDays(now, -60).toISOString(), valid_to: addDays(now, -1).toISOString() },
    ),
    coupon(
      {
        id: 12,
        code: "INACTIVE30",
        title: "Paused 30 %",
        type: "Campaign",
        discount_type: "Percentage",
        discount_value: 30,
        max_redemptions: 1,
      },
      { active: false },
    ),
    coupon(
      {
        id: 13,
        code: "UPCOMING25",
        title: "Coming soon: 25 %",
        type: "Campaign",
        discount_type: "Percentage",
        discount_value: 25,
        max_redemptions: 1,
      },
      { valid_from: addDays(now, 10).toISOString(), valid_to: addDays(now, 40).toISOString() },
    ),
  ];
}

function baseMember(id: string, number: string, now: Date, createdDaysAgo: number): MemberState {
  const created = addDays(now, -createdDaysAgo).toISOString();
  return {
    id,
    createdAt: created,
    updatedAt: created,
    phone: { country_code: "+47", number },
    gender: "NotShared",
    additional_identifiers: [],
    consent: { gdpr_accepted: true, save_order_history: true, receive_sms: true, receive_email: true },
    department_ids: ["webshop"],
    segmentAnswers: [],
    points: 0,
    signupPointsAwarded: true,
    coupons: [],
    stampCards: [],
    dependents: [],
    invitedFriends: [],
  };
}

function assigned(couponIds: Array<[number, number]>, now: Date): MemberState["coupons"] {
  return couponIds.map(([couponId, timesRedeemed]) => ({
    couponId,
    timesRedeemed,
    assignedAt: addDays(now, -25).toISOString(),
  }));
}

function kari(now: Date): MemberState {
  return {
    ...baseMember(DEMO_MEMBERS.kari, "40000001", now, 400),
    first_name: "Kari",
    last_name: "Nordmann",
    email: "kari.nordmann@example.com",
    birth_date: "1985-04-12T00:00:00+02:00",
    gender: "Female",
    address: { street: "Testveien 1", city: "Oslo", zip_code: "0150", country_code: "NO" },
    additional_identifiers: ["EK12345"],
    department_ids: ["webshop", "oslo-city"],
    segmentAnswers: [
      { segment_id: 1, value: "Acme Outdoor" },
      { segment_id: 2, value: "2015-06-20" },
      { segment_id: 3, selected_options: [101] },
      { segment_id: 4, selected_options: [201, 203] },
      { segment_id: 5, selected_options: [302] },
    ],
    points: 1200,
    level: { id: 2, reachedAt: addDays(now, -20).toISOString() },
    coupons: assigned(
      [
        [1, 0],
        [2, 0],
        [3, 1],
        [4, 0],
        [6, 0],
        [7, 0],
        [8, 2],
        [9, 0],
        [11, 0],
        [12, 0],
        [13, 0],
      ],
      now,
    ),
    stampCards: [
      { stampCardId: 1, stampsCollected: 4, completedCount: 1 },
      { stampCardId: 2, stampsCollected: 2, completedCount: 0 },
    ],
    dependents: [
      { id: 1, name: "Emma", birthdate: "2018-05-01", gender: "Female" },
      { id: 2, name: "Noah", birthdate: "2020-01-01", gender: "Male" },
    ],
    invitedFriends: [
      {
        invitationToken: DEMO_INVITATION_TOKEN,
        friend: {
          first_name: "Nils",
          last_name: "Venn",
          email: "nils.venn@example.com",
          created_at: addDays(now, -40).toISOString(),
          is_accepted: true,
          points: 100,
        },
      },
      {
        invitationToken: "demo-invitation-token-kari-2",
        friend: {
          first_name: "Siri",
          last_name: "Venn",
          email: "siri.venn@example.com",
          created_at: addDays(now, -3).toISOString(),
          is_accepted: false,
          points: 0,
        },
      },
    ],
  };
}

function ola(now: Date): MemberState {
  return {
    ...baseMember(DEMO_MEMBERS.ola, "40000002", now, 900),
    first_name: "Ola",
    last_name: "Nordmann",
    email: "ola.nordmann@example.com",
    gender: "Male",
    consent: { gdpr_accepted: true, save_order_history: false, receive_sms: false, receive_email: true },
    department_ids: ["bergen"],
    segmentAnswers: [{ segment_id: 3, selected_options: [102] }],
    points: 5600,
    level: { id: 3, reachedAt: addDays(now, -100).toISOString() },
    coupons: assigned(
      [
        [1, 1],
        [3, 0],
        [10, 0],
      ],
      now,
    ),
    stampCards: [{ stampCardId: 1, stampsCollected: 9, completedCount: 0 }],
  };
}

function pendingMember(now: Date): MemberState {
  return {
    ...baseMember(DEMO_MEMBERS.pending, "40000003", now, 2),
    first_name: "Per",
    email: "per.pending@example.com",
    consent: { gdpr_accepted: false, save_order_history: false, receive_sms: false, receive_email: false },
    department_ids: ["oslo-city"],
    activationToken: DEMO_ACTIVATION_TOKEN,
    signupPointsAwarded: false,
  };
}

function lise(now: Date): MemberState {
  return {
    ...baseMember(DEMO_MEMBERS.lise, "40000004", now, 5),
    first_name: "Lise",
    last_name: "Hansen",
    email: "lise.hansen@example.com",
    segmentAnswers: [{ segment_id: 3, selected_options: [103] }],
    points: 50,
    level: { id: 1, reachedAt: addDays(now, -5).toISOString() },
    coupons: assigned([[1, 0]], now),
  };
}

function secondStore(now: Date): StoreState {
  const store = emptyStore(SECOND_STORE_ID, SECOND_STORE_API_KEY, secondProfile());
  store.departments = [{ id: "stockholm", name: "Stockholm" }];
  store.membershipLevels = [{ id: 11, name: "Brons", points: 0 }];
  store.members = [
    {
      ...baseMember(SECOND_STORE_MEMBER_ID, "700000001", now, 30),
      phone: { country_code: "+46", number: "700000001" },
      first_name: "Sven",
      email: "sven@example.com",
      department_ids: ["stockholm"],
      level: { id: 11, reachedAt: addDays(now, -30).toISOString() },
    },
  ];
  return store;
}
