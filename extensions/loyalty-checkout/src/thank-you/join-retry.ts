/**
 * The thank-you page can be faster than Shopify's order webhook: until the app has the order, the join
 * route answers `not_found`. The join is retried on that answer only, with these pauses (about 15 s in
 * all, while the button shows it is working); tests shorten them.
 */
export const JOIN_RETRY = { delaysMs: [1_000, 2_000, 4_000, 8_000] };

/** Calls `attempt` again after each pause while it answers `not_found`; returns the last answer. */
export async function retryWhileNotFound<Answer extends { ok: boolean; error?: { code: string } }>(
  attempt: () => Promise<Answer>,
  delaysMs: readonly number[] = JOIN_RETRY.delaysMs,
): Promise<Answer> {
  let answer = await attempt();
  for (const delay of delaysMs) {
    if (answer.ok || answer.error?.code !== "not_found") return answer;
    await new Promise((resolve) => setTimeout(resolve, delay));
    answer = await attempt();
  }
  return answer;
}
