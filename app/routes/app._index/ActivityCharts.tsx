/**
 * The dashboard's Polaris Viz charts. Loaded only in the browser (see ActivityChart.tsx): Polaris
 * Viz measures the DOM and animates, which has no meaning during server rendering.
 */
import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import "@shopify/polaris-viz/build/esm/styles.css";
import { BlockStack, Card, Text } from "@shopify/polaris";

import { useI18n } from "~/i18n/I18nProvider";

import type { DayFigures } from "~/admin/views";

export default function ActivityCharts({ series, days }: { series: DayFigures[]; days: number }) {
  const { t, day: formatDay, number } = useI18n();
  const empty = series.every((figures) => figures.sent + figures.cancelled + figures.failed === 0);
  const points = (figures: DayFigures) => ({ key: figures.day, value: figures.points });
  const xAxisOptions = { labelFormatter: (value: string | number | null) => formatDay(String(value)) };
  const yAxisOptions = { labelFormatter: (value: string | number | null) => number(Number(value)) };
  return (
    <PolarisVizProvider>
      <BlockStack gap="400">
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("dashboard.chartTitle")}
            </Text>
            <div style={{ height: 260 }} data-testid="transactions-chart">
              <BarChart
                theme="Light"
                isAnimated={false}
                type="stacked"
                emptyStateText={t("dashboard.chartEmpty", { days })}
                xAxisOptions={xAxisOptions}
                yAxisOptions={yAxisOptions}
                data={
                  empty
                    ? []
                    : [
                        {
                          name: t("dashboard.sent"),
                          color: "rgba(41, 132, 90, 1)",
                          data: series.map((f) => ({ key: f.day, value: f.sent })),
                        },
                        {
                          name: t("dashboard.cancelled"),
                          color: "rgba(178, 132, 0, 1)",
                          data: series.map((f) => ({ key: f.day, value: f.cancelled })),
                        },
                        {
                          name: t("dashboard.failed"),
                          color: "rgba(199, 10, 36, 1)",
                          data: series.map((f) => ({ key: f.day, value: f.failed })),
                        },
                      ]
                }
              />
            </div>
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("dashboard.pointsChartTitle")}
            </Text>
            <div style={{ height: 220 }} data-testid="points-chart">
              <LineChart
                theme="Light"
                isAnimated={false}
                emptyStateText={t("dashboard.chartEmpty", { days })}
                xAxisOptions={xAxisOptions}
                yAxisOptions={yAxisOptions}
                data={empty ? [] : [{ name: t("dashboard.points"), data: series.map(points) }]}
              />
            </div>
          </BlockStack>
        </Card>
      </BlockStack>
    </PolarisVizProvider>
  );
}
