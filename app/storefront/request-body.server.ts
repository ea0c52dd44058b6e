import type { FieldErrorCode } from "@diller/storefront-contract";
import type { z } from "zod";

import { StorefrontHttpError } from "./errors.server";

/**
 * Reads a JSON body of at most `maxBytes` without buffering more than that: an oversized or
 * malformed body is refused before it is parsed.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) throw StorefrontHttpError.invalidInput({ body: "too_long" });
  if (!request.body) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw StorefrontHttpError.invalidInput({ body: "too_long" });
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw StorefrontHttpError.invalidInput({ body: "required" });
  }
}

/**
 * zod issues as contract field errors: the issue path joined with dots ("address.zipCode"), a
 * schema-chosen code when the issue message is one (`z.string().email("invalid_email")`), else the
 * closest generic code.
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, FieldErrorCode> {
  const fields: Record<string, FieldErrorCode> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "body";
    if (fields[path]) continue;
    fields[path] = fieldErrorCodeOf(issue);
  }
  return fields;
}

const FIELD_ERROR_CODES: readonly FieldErrorCode[] = [
  "required",
  "invalid_email",
  "invalid_phone",
  "invalid_date",
  "too_long",
  "invalid_option",
  "must_accept",
];

function fieldErrorCodeOf(issue: z.core.$ZodIssue): FieldErrorCode {
  const chosen = FIELD_ERROR_CODES.find((code) => code === issue.message);
  if (chosen) return chosen;
  if (issue.code === "too_big") return "too_long";
  if (issue.code === "invalid_value") return "invalid_option";
  return "required";
}
