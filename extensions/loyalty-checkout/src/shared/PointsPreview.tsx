import { estimatePoints, formatPoints } from "@diller/extension-kit";
import { useApi } from "@shopify/ui-extensions/checkout/preact";

import { useI18n } from "./hooks";

/** "This order earns about N points": the store's ratio × the cart subtotal (Diller books the final figure). */
export function PointsPreview({ pointsPerCurrencyUnit }: { pointsPerCurrencyUnit: number | null }) {
  const i18n = useI18n();
  const { cost } = useApi();
  const points = estimatePoints(pointsPerCurrencyUnit, cost.subtotalAmount.value.amount);
  if (points === null) return null;
  return <s-text>{i18n.tr("points.preview", { points: formatPoints(i18n, points) })}</s-text>;
}
