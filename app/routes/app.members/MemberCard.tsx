import { Badge, BlockStack, Box, Card, Divider, InlineGrid, InlineStack, Link, List, Text } from "@shopify/polaris";

import { useI18n } from "~/i18n/I18nProvider";

import type { MemberLinkView, MemberView } from "~/admin/views";
import { ProblemBanner } from "~/admin/ui/ProblemBanner";

function Consent({ label, given }: { label: string; given: boolean }) {
  const { t } = useI18n();
  return (
    <InlineStack gap="200" blockAlign="center">
      <Badge tone={given ? "success" : undefined}>{given ? t("common.yes") : t("common.no")}</Badge>
      <Text as="span">{label}</Text>
    </InlineStack>
  );
}

const LINK_STATES = ["PENDING", "LINKED", "NO_MEMBER", "SKIPPED", "FAILED"] as const;

function isLinkState(state: string): state is (typeof LINK_STATES)[number] {
  return LINK_STATES.some((known) => known === state);
}

function LinkLine({ link }: { link: MemberLinkView }) {
  const { t } = useI18n();
  // A state added to the schema later shows as stored rather than breaking the card.
  const state = isLinkState(link.state) ? t(`members.linkStates.${link.state}`) : link.state;
  const how =
    link.linkedBy === "email" || link.linkedBy === "phone" || link.linkedBy === "registered"
      ? t(`members.linkedBy.${link.linkedBy}`)
      : t("members.linkedBy.unknown");
  return (
    <BlockStack gap="100">
      <InlineStack gap="300" blockAlign="center">
        <Text as="span" fontWeight="semibold">
          {t("members.linked", { customerId: link.customerId })}
        </Text>
        <Link url={`shopify://admin/customers/${link.customerId}`} target="_top">
          {t("members.openCustomer")}
        </Link>
      </InlineStack>
      <Text as="p" tone="subdued">
        {how} · {t("members.linkState", { state })}
      </Text>
    </BlockStack>
  );
}

/** One Diller member: points, level, consents, coupons, stamp cards and the Shopify customer link. */
export function MemberCard({ member }: { member: MemberView }) {
  const { t, number, date } = useI18n();
  const none = t("common.none");
  const safeDate = (value: string) => (Number.isNaN(Date.parse(value)) ? value : date(value));
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingLg">
            {member.name ?? member.email ?? member.phone ?? member.id}
          </Text>
          <Text as="p" tone="subdued">
            {[member.email, member.phone].filter(Boolean).join(" · ")}
          </Text>
        </BlockStack>
        {member.partialProblem ? (
          <ProblemBanner problem={member.partialProblem} tone="warning" title={t("members.partial")} />
        ) : null}
        <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
          <BlockStack gap="100">
            <Text as="p" tone="subdued">
              {t("members.points")}
            </Text>
            <Text as="p" variant="headingXl">
              {member.points === null ? none : number(member.points)}
            </Text>
          </BlockStack>
          <BlockStack gap="100">
            <Text as="p" tone="subdued">
              {t("members.level")}
            </Text>
            <Text as="p" variant="headingLg">
              {member.level ?? none}
            </Text>
            {member.nextLevel && member.pointsToNextLevel !== null ? (
              <Text as="p" tone="subdued">
                {t("members.nextLevel", { points: member.pointsToNextLevel, level: member.nextLevel })}
              </Text>
            ) : null}
            {member.levelExpires ? (
              <Text as="p" tone="subdued">
                {t("members.levelExpires", { date: safeDate(member.levelExpires) })}
              </Text>
            ) : null}
          </BlockStack>
          <BlockStack gap="150">
            <Text as="p" tone="subdued">
              {t("members.consents")}
            </Text>
            <Consent label={t("members.consentMembership")} given={member.consents.membership} />
            <Consent label={t("members.consentOrderHistory")} given={member.consents.orderHistory} />
            <Consent label={t("members.consentSms")} given={member.consents.sms} />
            <Consent label={t("members.consentEmail")} given={member.consents.email} />
          </BlockStack>
        </InlineGrid>
        <Divider />
        <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {t("members.coupons")}
            </Text>
            {member.coupons.length === 0 ? (
              <Text as="p" tone="subdued">
                {t("members.noCoupons")}
              </Text>
            ) : (
              <List>
                {member.coupons.map((coupon) => (
                  <List.Item key={coupon.code}>
                    {coupon.title} ({coupon.code}), {t("members.couponValidTo", { date: safeDate(coupon.validTo) })}
                  </List.Item>
                ))}
              </List>
            )}
          </BlockStack>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {t("members.stampCards")}
            </Text>
            {member.stampCards.length === 0 ? (
              <Text as="p" tone="subdued">
                {none}
              </Text>
            ) : (
              <List>
                {member.stampCards.map((card) => (
                  <List.Item key={card.title}>
                    {card.title}: {t("members.stamps", { collected: card.collected, required: card.required ?? "?" })}
                  </List.Item>
                ))}
              </List>
            )}
          </BlockStack>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {t("members.shopify")}
            </Text>
            {member.links.length === 0 ? (
              <Box>
                <Text as="p" tone="subdued">
                  {t("members.notLinked")}
                </Text>
              </Box>
            ) : (
              member.links.map((link) => <LinkLine key={link.customerId} link={link} />)
            )}
          </BlockStack>
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
