import { BlockStack, Card, InlineGrid, Link, Text } from "@shopify/polaris";

import { useI18n } from "~/i18n/I18nProvider";

import type { StoreSummary } from "../views";

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <BlockStack gap="050">
      <Text as="p" tone="subdued" variant="bodySm">
        {label}
      </Text>
      <Text as="p">{value}</Text>
    </BlockStack>
  );
}

/** The connected Diller store's profile: who the orders go to, and how points are earned. */
export function StoreCard({ store }: { store: StoreSummary }) {
  const { t, number } = useI18n();
  const none = t("common.none");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("store.title")}
        </Text>
        <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
          <Fact label={t("store.name")} value={store.name ?? none} />
          <Fact label={t("store.id")} value={store.id} />
          <Fact label={t("store.currency")} value={store.currency ?? none} />
          <Fact
            label={t("store.pointsRatio", { currency: store.currency ?? "" })}
            value={store.pointsPerCurrencyUnit === null ? none : number(store.pointsPerCurrencyUnit)}
          />
          <Fact
            label={t("store.signupPoints")}
            value={store.signupPoints === null ? none : number(store.signupPoints)}
          />
          <Fact
            label={t("store.referralPoints")}
            value={
              store.referralEnabled && store.referralPoints !== null
                ? number(store.referralPoints)
                : t("store.disabled")
            }
          />
          <Fact label={t("store.stamps")} value={store.stampsEnabled ? t("store.enabled") : t("store.disabled")} />
          <Fact
            label={t("store.privacyPolicy")}
            value={
              store.privacyPolicyUrl ? (
                <Link url={store.privacyPolicyUrl} target="_blank">
                  {store.privacyPolicyUrl}
                </Link>
              ) : (
                none
              )
            }
          />
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
