import { describe, expect, it } from "vitest";

import { createContractValidator } from "../contract";
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
import { createSeed } from "./seed";

const contract = createContractValidator();
const now = new Date("2030-06-15T10:00:00.000Z");

describe("seed.json", () => {
  const demo = createSeed("demo", now, contract);
  const [demoStore, secondStore] = demo.stores;

  it("holds the stores and members that fixtures.ts names", () => {
    expect(demo.stores.map((store) => [store.id, store.apiKey])).toEqual([
      [DEMO_STORE_ID, DEMO_API_KEY],
      [SECOND_STORE_ID, SECOND_STORE_API_KEY],
    ]);
    expect(demoStore?.members.map((member) => member.id)).toEqual(Object.values(DEMO_MEMBERS));
    expect(secondStore?.members.map((member) => member.id)).toEqual([SECOND_STORE_MEMBER_ID]);
    const pending = demoStore?.members.find((member) => member.id === DEMO_MEMBERS.pending);
    expect(pending?.activationToken).toBe(DEMO_ACTIVATION_TOKEN);
    const kari = demoStore?.members.find((member) => member.id === DEMO_MEMBERS.kari);
    expect(kari?.invitedFriends.map((invited) => invited.invitationToken)).toContain(DEMO_INVITATION_TOKEN);
  });

  it("places validity windows relative to the seed clock", () => {
    const expired = demoStore?.coupons.find((coupon) => coupon.definition.code === "EXPIRED20");
    expect(expired?.definition.valid_to).toBe("2030-06-14T10:00:00.000Z");
    const deposits = demoStore?.nonEligibleProducts.find((product) => product.product_id_prefix === "DEPOSIT-");
    expect(deposits?.expires_at).toBe("2031-06-15");
  });

  it("gives fresh objects on every call, so one sandbox's changes never leak into the next seed", () => {
    const first = createSeed("demo", now, contract);
    first.stores[0]?.members.splice(0);
    expect(createSeed("demo", now, contract).stores[0]?.members).toHaveLength(4);
  });

  it('"empty" keeps the two stores with their profiles only', () => {
    const empty = createSeed("empty", now, contract);
    expect(empty.stores.map((store) => [store.id, store.profile.store_name])).toEqual([
      [DEMO_STORE_ID, "Sandbox Demo Store"],
      [SECOND_STORE_ID, "Sandbox Second Store"],
    ]);
    expect(empty.stores.flatMap((store) => [...store.members, ...store.coupons, ...store.transactions])).toEqual([]);
    expect(empty.sequences).toEqual({ transaction: 0, refund: 0, dependent: 0, nonEligibleProduct: 0 });
  });
});
