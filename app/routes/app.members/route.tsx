import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { BlockStack, Button, Card, Form, InlineStack, Layout, Page, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

import { actionResponse, submittedFields } from "~/admin/action-result.server";
import { requireOnboardedShop } from "~/admin/context.server";
import { adminDeps } from "~/admin/deps.server";
import { memberLookupAction } from "./member-actions.server";
import { MemberCard } from "./MemberCard";
import { ProblemBanner } from "~/admin/ui/ProblemBanner";
import { useI18n } from "~/i18n/I18nProvider";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireOnboardedShop(request);
  return null;
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireOnboardedShop(request);
  return actionResponse(request, await memberLookupAction(adminDeps, shop, await submittedFields(request)));
};

export default function Members() {
  const result = useActionData<typeof action>();
  const { t, render } = useI18n();
  const submit = useSubmit();
  const navigation = useNavigation();
  const [query, setQuery] = useState("");
  const lookUp = () => submit({ query }, { method: "post" });
  return (
    <Page title={t("members.title")}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <Form onSubmit={lookUp}>
                <BlockStack gap="300">
                  <Text as="p">{t("members.intro")}</Text>
                  <InlineStack gap="300" blockAlign="end" wrap={false}>
                    <div style={{ flexGrow: 1 }}>
                      <TextField
                        label={t("members.query")}
                        helpText={t("members.queryHelp")}
                        autoComplete="off"
                        value={query}
                        onChange={setQuery}
                        error={
                          result && "errors" in result && result.errors.query ? render(result.errors.query) : undefined
                        }
                      />
                    </div>
                    <Button variant="primary" submit loading={navigation.state === "submitting"}>
                      {t("members.lookup")}
                    </Button>
                  </InlineStack>
                </BlockStack>
              </Form>
            </Card>
            {result && "problem" in result ? (
              <ProblemBanner problem={result.problem} title={t("errors.dillerTitle")} />
            ) : null}
            {result && "members" in result && result.members.length === 0 ? (
              <Card>
                <Text as="p" tone="subdued">
                  {t("members.noMatch")}
                </Text>
              </Card>
            ) : null}
            {result && "members" in result
              ? result.members.map((member) => <MemberCard key={member.id} member={member} />)
              : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
