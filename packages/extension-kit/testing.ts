/**
 * Test helper (never imported by extension code): a fake app backend behind `fetch`, keyed by
 * "METHOD /path". Records every call with its parsed body and Authorization header.
 */
export interface FakeAnswer {
  status?: number;
  body: unknown;
}
export type FakeRoute = FakeAnswer | ((body: unknown, url: URL) => FakeAnswer | Promise<FakeAnswer>);

export interface RecordedCall {
  method: string;
  path: string;
  url: URL;
  body: unknown;
  authorization: string | null;
}

export function fakeBackend(routes: Record<string, FakeRoute>) {
  const calls: RecordedCall[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? "GET";
    const body: unknown = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const authorization = new Headers(init?.headers).get("Authorization");
    calls.push({ method, path: url.pathname, url, body, authorization });
    const route = routes[`${method} ${url.pathname}`];
    if (!route) return json(404, { error: { code: "not_found" } });
    const answer = typeof route === "function" ? await route(body, url) : route;
    return json(answer.status ?? 200, answer.body);
  };
  const callsTo = (method: string, path: string) =>
    calls.filter((call) => call.method === method && call.path === path);
  return { fetch, calls, callsTo };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

/** `shopify.i18n.translate` that shows its options, so tests can see interpolated values. */
export function translateWithOptions(key: string, options?: Record<string, unknown>): string {
  return options ? `${key} ${JSON.stringify(options)}` : key;
}

/** Sets properties on a Polaris element (`checked`, `value`, `values`) and fires its change event. */
export async function changeField(element: unknown, props: Record<string, unknown>): Promise<void> {
  if (!(element instanceof Element)) throw new Error("field not rendered");
  Object.assign(element, props);
  element.dispatchEvent(new Event("change", { bubbles: true }));
  await settle();
}

export async function click(element: unknown): Promise<void> {
  if (!(element instanceof Element)) throw new Error("button not rendered");
  element.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  await settle();
}

/** Preact re-renders in a microtask; one macrotask later the DOM and the handlers' state are current. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
