/**
 * The demo's customer-account story, over HTTP against the production server, with customer-account
 * session tokens signed like Shopify's: a customer joins with the store's segments and both consents
 * and edits the profile; another customer, whose phone matches an existing Diller member, links that
 * membership with the one-time code Diller sent. Prints what reached Diller; returns what went wrong.
 */
import { createHmac, randomUUID } from "node:crypto";

import type { Database } from "../../app/db.server";
import { DEMO_MEMBERS, type RunningSandbox } from "@diller/diller-sandbox";

export interface AccountStoryOptions {
  appUrl: string;
  shop: string;
  apiKey: string;
  apiSecret: string;
  sandbox: RunningSandbox;
  db: Database;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** A customer-account extension's session token: HS256 with the app secret, `dest` the shop, `sub` the customer. */
function sessionToken({ shop, apiKey, apiSecret }: AccountStoryOptions, customerId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(
    JSON.stringify({
      iss: `https://${shop}`,
      dest: `https://${shop}`,
      aud: apiKey,
      sub: `gid://shopify/Customer/${customerId}`,
      exp: now + 300,
      nbf: now - 5,
      iat: now - 5,
      jti: randomUUID(),
      sid: randomUUID(),
    }),
  );
  const signature = createHmac("sha256", apiSecret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

export async function playAccountStory(options: AccountStoryOptions): Promise<string[]> {
  try {
    return await play(options);
  } catch (error) {
    return [`the account story stopped: ${error instanceof Error ? error.message : String(error)}`];
  }
}

async function play(options: AccountStoryOptions): Promise<string[]> {
  const { db, shop, sandbox } = options;
  const problems: string[] = [];
  async function call(customerId: string, path: string, body?: object) {
    const response = await fetch(`${options.appUrl}${path}`, {
      method: body ? "POST" : "GET",
      headers: {
        // shopify-app-remix answers 410 to user agents that look like bots (Node's own included).
        "User-Agent":
          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
        Authorization: `Bearer ${sessionToken(options, customerId)}`,
        ...(body ? { "Content-Type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let answer: unknown = null;
    try {
      answer = text ? JSON.parse(text) : null;
    } catch {
      answer = text;
    }
    if (!response.ok) problems.push(`${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer;
  }
  const show = (label: string, value: unknown) => console.log(`  ${label.padEnd(34)} ${value}`);
  const statusOf = (answer: unknown) =>
    typeof answer === "object" && answer !== null && "status" in answer ? String(answer.status) : "-";

  // The customers as Shopify's customers/create webhooks described them (the join form's prefill).
  const nora = { id: "6200001", email: "nora.ny@example.com", phone: "+4791111111" };
  const olav = { id: "6200002", email: "olav.other@example.com", phone: "+4740000002" };
  for (const customer of [nora, olav]) {
    const customerJson = JSON.stringify({
      id: Number(customer.id),
      email: customer.email,
      verified_email: true,
      phone: customer.phone,
      first_name: customer === nora ? "Nora" : "Olav",
      last_name: "Ny",
      addresses: [],
    });
    await db.customerLink.create({ data: { shop, customerId: customer.id, state: "NO_MEMBER", customerJson } });
  }

  console.log("\nCustomer account (signed customer-account session tokens over HTTP):");
  const page = await call(nora.id, "/api/account/loyalty");
  show("Nora opens “My loyalty”", statusOf(page));
  const form = {
    profile: {
      firstName: "Nora",
      lastName: "Ny",
      email: nora.email,
      phone: { countryCode: "+47", number: "91111111" },
      birthDate: "1991-05-17",
      gender: "female",
      address: { street: "Storgata 5", city: "Oslo", zipCode: "0155", countryCode: "NO" },
    },
    segments: [
      { id: "1", value: "Acme Outdoor" },
      { id: "3", optionIds: ["103"] },
      { id: "4", optionIds: ["201", "204"] },
    ],
    consents: { membership: true, marketingEmail: true, marketingSms: false, keepOrderHistory: true },
    textVersion: 1,
  };
  await call(nora.id, "/api/account/join", form);
  await call(nora.id, "/api/account/profile", {
    ...form,
    profile: { ...form.profile, lastName: "Nyberg" },
    consents: { ...form.consents, marketingSms: true },
  });
  const store = sandbox.state.stores.find((candidate) => candidate.id === sandbox.credentials.storeId);
  const member = store?.members.find((candidate) => candidate.email === nora.email && !candidate.deletedAt);
  show(
    "Nora joined and edited → Diller",
    member
      ? `${member.first_name} ${member.last_name}, consents ${JSON.stringify(member.consent)}, segment answers ${JSON.stringify(member.segmentAnswers)}`
      : "no member",
  );
  if (member?.last_name !== "Nyberg" || member.consent.receive_sms !== true)
    problems.push("Nora's edit did not reach Diller");

  show("Shopify's copy of the consent", "not written: the demo has no Shopify session (warning above); Diller has it");

  const match = await call(olav.id, "/api/account/loyalty");
  show("Olav opens “My loyalty”", `${statusOf(match)} (his phone is a member's, his email is not)`);
  await call(olav.id, "/api/account/phone-link/send", {});
  const code = sandbox.issuedOtps.filter((otp) => otp.memberId === DEMO_MEMBERS.ola).at(-1)?.code ?? "";
  await call(olav.id, "/api/account/phone-link/verify", { code });
  const link = await db.customerLink.findUnique({ where: { shop_customerId: { shop, customerId: olav.id } } });
  show(
    "Olav confirms the code → link",
    `${link?.state} to ${link?.memberId === DEMO_MEMBERS.ola ? "Ola's membership" : link?.memberId}`,
  );
  if (statusOf(page) !== "not_member") problems.push(`Nora's page was ${statusOf(page)}, not not_member`);
  if (statusOf(match) !== "phone_match") problems.push(`Olav's page was ${statusOf(match)}, not phone_match`);
  if (link?.memberId !== DEMO_MEMBERS.ola) problems.push("Olav was not linked by the one-time code");
  return problems;
}
