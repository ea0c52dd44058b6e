/** The shape of a throughput burst: how many orders, and how busy it kept Diller. */
import type { PipelineSettings } from "./pipeline";

/** The orders of one throughput burst: `settings.orders`, or more at a high concurrency (see burstSeconds). */
export function burstOrders(
  settings: Pick<PipelineSettings, "orders" | "latencyMs" | "burstSeconds">,
  concurrency: number,
): number {
  const perSecondAtLimit = concurrency / (settings.latencyMs / 1000);
  return Math.max(settings.orders, Math.round(perSecondAtLimit * (settings.burstSeconds ?? 0)));
}

/** Time-weighted mean of the calls the sandbox was answering between `from` and `to` (epoch ms). */
export function meanInFlight(calls: { at: Date; ms: number }[], from: number, to: number): number {
  if (to <= from) return 0;
  let busy = 0;
  for (const call of calls) {
    const end = call.at.getTime();
    busy += Math.max(0, Math.min(end, to) - Math.max(end - call.ms, from));
  }
  return busy / (to - from);
}
