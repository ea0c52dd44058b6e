import type { OrderPointsResponse } from "@diller/storefront-contract";
import { formatPoints } from "@diller/extension-kit";
import { useApi } from "@shopify/ui-extensions/customer-account/preact";
import { useEffect, useState } from "preact/hooks";

import { useClient, useI18n } from "./shared/hooks";

/** Order status page: the points this order earned (booked) or will earn (pending). */
export function OrderPoints() {
  const i18n = useI18n();
  const client = useClient();
  const { order } = useApi<"customer-account.order-status.block.render">();
  const orderId = order.value?.id;
  const [answer, setAnswer] = useState<OrderPointsResponse | null>(null);

  useEffect(() => {
    if (!orderId) return;
    let live = true;
    void client
      .get<OrderPointsResponse>(`/api/account/order-points?orderId=${encodeURIComponent(orderId)}`)
      .then((result) => {
        if (live && result.ok) setAnswer(result.data);
      });
    return () => {
      live = false;
    };
  }, [client, orderId]);

  if (answer === null || answer.status === "not_booked") return null;
  const known = answer.points !== null;
  const key = `order.${answer.status}${known ? "" : "Unknown"}`;
  return <s-text>{i18n.tr(key, known ? { points: formatPoints(i18n, answer.points ?? 0) } : undefined)}</s-text>;
}
