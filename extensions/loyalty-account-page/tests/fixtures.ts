import type { JoinForm, MemberDetail, SegmentField } from "@diller/storefront-contract";

export const segments: SegmentField[] = [
  { id: "1", label: "Favourite shop", type: "text", required: true, options: [] },
  { id: "2", label: "Child's birthday", type: "date", required: false, options: [] },
  {
    id: "3",
    label: "Style",
    type: "radio",
    required: true,
    options: [
      { id: "a", label: "Classic" },
      { id: "b", label: "Sport" },
    ],
  },
  {
    id: "4",
    label: "Interests",
    type: "checkbox",
    required: false,
    options: [
      { id: "x", label: "Running" },
      { id: "y", label: "Hiking" },
    ],
  },
  {
    id: "5",
    label: "Size",
    type: "dropdown",
    required: false,
    options: [
      { id: "s", label: "S" },
      { id: "m", label: "M" },
    ],
  },
];

export const form: JoinForm = {
  prefill: { firstName: "Kari", lastName: "Nordmann", email: "kari@example.com" },
  segments,
  consent: {
    membershipText: null,
    marketingText: null,
    textVersion: 4,
    privacyPolicyUrl: "https://diller.example/privacy",
  },
};

export const memberDetail: MemberDetail = {
  profile: {
    firstName: "Kari",
    lastName: "Nordmann",
    email: "kari@example.com",
    phone: { countryCode: "+47", number: "98765432" },
    birthDate: "1990-05-20",
    gender: "female",
    address: null,
  },
  consents: { membership: true, marketingEmail: true, marketingSms: false, keepOrderHistory: true },
  points: 1250,
  levelTitle: "Silver",
  nextLevelTitle: "Gold",
  pointsToNextLevel: 750,
  levelProgress: 0.625,
  levelExpiresAt: "2027-12-31T00:00:00Z",
  segments: [{ id: "1", value: "Oslo City" }],
  coupons: [
    {
      id: "101",
      title: "Birthday 15%",
      description: null,
      kind: "percentage",
      value: "15",
      currency: null,
      productIds: [],
      validFrom: null,
      validTo: "2027-01-31T00:00:00Z",
      imageUrl: null,
      appliedCode: null,
    },
  ],
  stampCards: [{ id: "s1", title: "Coffee card", description: null, collected: 3, required: 10, imageUrl: null }],
  recentActivity: [{ orderName: "#1001", at: "2026-11-30T10:00:00Z", kind: "purchase", amount: "499.00", points: 499 }],
};
