import { Banner } from "@shopify/polaris";

import { useI18n } from "~/i18n/I18nProvider";
import { currenciesDiffer } from "~/sync/currency";

/** Warns when the shop sells in another currency than the Diller store counts in, and what happens to such orders. */
export function CurrencyNotice({
  shopCurrency,
  storeCurrency,
  choice,
}: {
  shopCurrency: string | null;
  storeCurrency: string | null;
  choice: "SKIP" | "SEND";
}) {
  const { t } = useI18n();
  if (!shopCurrency || !storeCurrency || !currenciesDiffer(shopCurrency, storeCurrency)) return null;
  return (
    <Banner tone="warning" title={t("currency.mismatchTitle", { shopCurrency, storeCurrency })}>
      {choice === "SEND" ? t("currency.mismatchSend") : t("currency.mismatchSkip", { shopCurrency })}
    </Banner>
  );
}
