import { Banner, BlockStack, Text } from "@shopify/polaris";
import type { ComponentProps } from "react";

import { useI18n } from "~/i18n/I18nProvider";

import type { DillerProblem } from "../views";

/** A failure explained: what happened and what to do next, with the reference Diller support asks for. */
export function ProblemBanner({
  problem,
  title,
  action,
  tone = "critical",
}: {
  problem: DillerProblem;
  title?: string;
  action?: ComponentProps<typeof Banner>["action"];
  tone?: "critical" | "warning";
}) {
  const { t, render } = useI18n();
  return (
    <Banner tone={tone} title={title} action={action}>
      <BlockStack gap="100">
        <Text as="p">{render(problem.message)}</Text>
        {problem.reference ? (
          <Text as="p" tone="subdued" variant="bodySm">
            {t("common.reference", { reference: problem.reference })}
          </Text>
        ) : null}
      </BlockStack>
    </Banner>
  );
}
