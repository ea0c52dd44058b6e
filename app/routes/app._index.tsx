import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, Layout, Page, Text } from "@shopify/polaris";

import { authenticate, db } from "~/shopify.server";
import { summarizeWebhooks } from "~/webhooks/summary.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const webhooks = await summarizeWebhooks(db, session.shop, new Date(Date.now() - DAY_MS));
  return { shop: session.shop, webhooks };
};

export default function Index() {
  const { shop, webhooks } = useLoaderData<typeof loader>();
  return (
    <Page title="Diller Loyalty">
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Welcome
              </Text>
              <Text as="p">
                This app connects {shop} to the Diller loyalty platform: members, points, coupons and purchases.
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Shopify events in the last 24 hours
              </Text>
              <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
                <Figure label="Received" value={webhooks.RECEIVED + webhooks.PROCESSED} />
                <Figure label="Ignored" value={webhooks.IGNORED} />
                <Figure label="Invalid" value={webhooks.INVALID} />
                <Figure label="Failed" value={webhooks.FAILED} />
              </InlineGrid>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <BlockStack gap="100">
      <Text as="p" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingLg">
        {value}
      </Text>
    </BlockStack>
  );
}
