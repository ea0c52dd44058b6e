import { json, redirect } from "@remix-run/node";

import { message } from "~/i18n/translate";

import { inAppUrl } from "./app-url";
import { dillerProblemOf } from "./diller-problems.server";
import { formFields, type FieldErrors } from "./forms";
import type { DillerProblem } from "./views";

/** What an admin page's action decided: a body with its HTTP status, or another admin page to go to. */
export type ActionResult<Body> = { status: number; body: Body } | { redirectTo: string };

export function answer<const Body>(status: number, body: Body): ActionResult<Body> {
  return { status, body };
}

/** The form was wrong: 422 with what is wrong, field by field (and the intent, for pages with several). */
export function invalid(errors: FieldErrors): ActionResult<{ errors: FieldErrors }>;
export function invalid<const Intent extends string>(
  errors: FieldErrors,
  intent: Intent,
): ActionResult<{ intent: Intent; errors: FieldErrors }>;
export function invalid(errors: FieldErrors, intent?: string) {
  return answer(422, intent === undefined ? { errors } : { intent, errors });
}

/** An intent the page does not have (a stale or forged form). */
export function unknownIntent() {
  return invalid({ form: message("form.errors.invalid") }, "unknown");
}

/** Diller failed: 502 with the banner that explains it (rethrows what is not a Diller error). */
export function dillerFailed(error: unknown): ActionResult<{ problem: DillerProblem }>;
export function dillerFailed<const Intent extends string>(
  error: unknown,
  intent: Intent,
): ActionResult<{ intent: Intent; problem: DillerProblem }>;
export function dillerFailed(error: unknown, intent?: string) {
  const problem = dillerProblemOf(error);
  return answer(502, intent === undefined ? { problem } : { intent, problem });
}

export function goTo(path: string): ActionResult<never> {
  return { redirectTo: path };
}

/** The submitted form's fields (see formFields). */
export async function submittedFields(request: Request): Promise<Record<string, string>> {
  return formFields(await request.formData());
}

/** The Response for an action's result; redirects keep Shopify's embedding parameters. */
export function actionResponse<Body>(request: Request, result: ActionResult<Body>) {
  if ("redirectTo" in result) return redirect(inAppUrl(request.url, result.redirectTo));
  return json(result.body, { status: result.status });
}
