import { Form as RemixForm, Link as RemixLink, useNavigate, useNavigation, useSubmit } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  IndexTable,
  InlineStack,
  Pagination,
  Tabs,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";

import { useI18n } from "~/i18n/I18nProvider";

import { firstPageParams, nextPageParams, ORDER_STATES, previousPageParams, type OrderTableQuery } from "./order-table";
import type { OrderRowView, OrderState } from "~/admin/views";

const STATE_TONES: Record<OrderState, "success" | "critical" | "attention" | "info" | undefined> = {
  PENDING: "info",
  SENT: "success",
  CANCELLED: undefined,
  SKIPPED: "attention",
  FAILED: "critical",
};

export function StateBadge({ state }: { state: OrderState }) {
  const { t } = useI18n();
  return <Badge tone={STATE_TONES[state]}>{t(`state.${state}`)}</Badge>;
}

const RETRYABLE: OrderState[] = ["FAILED", "SKIPPED"];

/** The order-sync table: state tabs with counts, search by order number, keyset pages, retry. */
export function OrderTable({
  rows,
  nextCursor,
  query,
  counts,
}: {
  rows: OrderRowView[];
  nextCursor: string | null;
  query: OrderTableQuery;
  counts: Record<OrderState, number>;
}) {
  const { t, number, dateTime } = useI18n();
  const navigate = useNavigate();
  const submit = useSubmit();
  const navigation = useNavigation();
  const [search, setSearch] = useState(query.search ?? "");
  const total = ORDER_STATES.reduce((sum, state) => sum + counts[state], 0);
  const tabs = [
    { id: "all", content: t("dashboard.all"), badge: number(total) },
    ...ORDER_STATES.map((state) => ({ id: state, content: t(`state.${state}`), badge: number(counts[state]) })),
  ];
  const selectedTab = query.state ? ORDER_STATES.indexOf(query.state) + 1 : 0;
  const go = (params: URLSearchParams) => navigate(`?${params.toString()}`, { preventScrollReset: true });
  const previous = previousPageParams(query);
  const retrying = navigation.state === "submitting" ? navigation.formData?.get("orderId") : undefined;

  return (
    <Card padding="0">
      <BlockStack gap="0">
        <Box padding="400">
          <InlineStack align="space-between" blockAlign="center" gap="300">
            <Text as="h2" variant="headingMd">
              {t("dashboard.orders")}
            </Text>
            {counts.FAILED > 0 ? (
              <Button
                tone="critical"
                loading={retrying === "all"}
                onClick={() => submit({ intent: "retry-all-failed", orderId: "all" }, { method: "post" })}
              >
                {t("dashboard.retryAllFailed", { count: counts.FAILED })}
              </Button>
            ) : null}
          </InlineStack>
        </Box>
        <Tabs
          tabs={tabs}
          selected={selectedTab}
          onSelect={(index) => go(firstPageParams({ state: ORDER_STATES[index - 1], search: query.search }))}
        />
        <Box padding="400">
          <RemixForm method="get">
            {query.state ? <input type="hidden" name="state" value={query.state} /> : null}
            <TextField
              label={t("dashboard.search")}
              labelHidden
              name="q"
              placeholder={`${t("dashboard.search")} (${t("dashboard.searchPlaceholder")})`}
              autoComplete="off"
              value={search}
              onChange={setSearch}
              clearButton
              onClearButtonClick={() => {
                setSearch("");
                go(firstPageParams({ state: query.state }));
              }}
            />
          </RemixForm>
        </Box>
        {rows.length === 0 ? (
          <Box padding="400">
            {total === 0 ? (
              <BlockStack gap="200">
                <Text as="h3" variant="headingSm">
                  {t("dashboard.emptyTitle")}
                </Text>
                <Text as="p" tone="subdued">
                  {t("dashboard.emptyBody")}
                </Text>
                <RemixLink to="/app/backfill">{t("nav.backfill")}</RemixLink>
              </BlockStack>
            ) : (
              <Text as="p" tone="subdued">
                {t("dashboard.emptyFiltered")}
              </Text>
            )}
          </Box>
        ) : (
          <IndexTable
            selectable={false}
            itemCount={rows.length}
            headings={[
              { title: t("dashboard.column.order") },
              { title: t("dashboard.column.state") },
              { title: t("dashboard.column.attempts"), alignment: "end" },
              { title: t("dashboard.column.lastError") },
              { title: t("dashboard.column.externalId") },
              { title: t("dashboard.column.updated") },
              { title: t("dashboard.column.actions"), hidden: true },
            ]}
          >
            {rows.map((row, index) => (
              <IndexTable.Row id={row.id} key={row.id} position={index}>
                <IndexTable.Cell>
                  <Text as="span" fontWeight="semibold">
                    {row.orderName ?? row.orderId}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <StateBadge state={row.state} />
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {number(row.attempts)}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Box maxWidth="320px">
                    <Text as="span" tone="subdued" truncate>
                      {row.lastError ?? row.reason ?? ""}
                    </Text>
                  </Box>
                </IndexTable.Cell>
                <IndexTable.Cell>{row.externalId ?? ""}</IndexTable.Cell>
                <IndexTable.Cell>{dateTime(row.updatedAt)}</IndexTable.Cell>
                <IndexTable.Cell>
                  {RETRYABLE.includes(row.state) ? (
                    <Button
                      size="slim"
                      loading={retrying === row.orderId}
                      onClick={() => submit({ intent: "retry", orderId: row.orderId }, { method: "post" })}
                    >
                      {t("dashboard.retry")}
                    </Button>
                  ) : null}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
        <Box padding="400">
          <InlineStack align="center">
            <Pagination
              hasPrevious={previous !== null}
              onPrevious={() => previous && go(previous)}
              hasNext={nextCursor !== null}
              onNext={() => nextCursor && go(nextPageParams(query, nextCursor))}
              previousTooltip={t("common.previous")}
              nextTooltip={t("common.next")}
            />
          </InlineStack>
        </Box>
      </BlockStack>
    </Card>
  );
}
