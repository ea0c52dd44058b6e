import { BlockStack, Card, SkeletonBodyText, SkeletonDisplayText } from "@shopify/polaris";
import { lazy, Suspense, useSyncExternalStore } from "react";

import type { DayFigures } from "~/admin/views";

const ActivityCharts = lazy(() => import("./ActivityCharts"));

const noSubscription = () => () => {};

/** True in the browser after hydration, false on the server (and during hydration). */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

function ChartSkeleton() {
  return (
    <Card>
      <BlockStack gap="300">
        <SkeletonDisplayText size="small" />
        <SkeletonBodyText lines={10} />
      </BlockStack>
    </Card>
  );
}

/** The per-day charts, loaded in the browser only; a skeleton stands in until they are ready. */
export function ActivityChart({ series, days }: { series: DayFigures[]; days: number }) {
  const hydrated = useHydrated();
  if (!hydrated) return <ChartSkeleton />;
  return (
    <Suspense fallback={<ChartSkeleton />}>
      <ActivityCharts series={series} days={days} />
    </Suspense>
  );
}
