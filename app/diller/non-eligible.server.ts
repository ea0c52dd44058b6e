import { callAndParse, parseResponse } from "./call.server";
import type { components } from "@diller/diller-contract";
import { DillerInvalidInputError } from "./errors.server";
import {
  ActionResponseSchema,
  NonEligibleProductListSchema,
  NonEligibleProductPageSchema,
  UpdateBatchStatusListSchema,
  type ActionResponse,
  type NonEligibleProduct,
  type NonEligibleProductPage,
  type UpdateBatchStatus,
} from "./schemas.server";
import type { DillerTransport } from "./transport.server";

type Schemas = components["schemas"];

/** The contract's batch limit for adding or updating rules. */
export const NON_ELIGIBLE_BATCH_LIMIT = 100;

export type UpdateNonEligibleOutcome =
  | { outcome: "updated"; result: ActionResponse }
  /** HTTP 207: some rules were not updated; see each status's `errors`. */
  | { outcome: "partial"; statuses: UpdateBatchStatus[] };

function checkBatch(operationId: string, rules: readonly unknown[]): void {
  if (rules.length === 0 || rules.length > NON_ELIGIBLE_BATCH_LIMIT) {
    throw new DillerInvalidInputError(operationId, "rules", `must hold 1 to ${NON_ELIGIBLE_BATCH_LIMIT} items`);
  }
}

/**
 * Products excluded from loyalty earning. Batch errors (400 with a list body) arrive as
 * `DillerValidationError` with `itemErrors`.
 */
export function nonEligibleApiFactory({ transport }: { transport: DillerTransport }) {
  return {
    /** `getNonEligibleProducts`: one page (`offset` ≥ 0, `limit` 1–100). */
    async listNonEligibleProducts({
      offset,
      limit,
    }: { offset?: number; limit?: number } = {}): Promise<NonEligibleProductPage> {
      if (offset !== undefined && !(Number.isSafeInteger(offset) && offset >= 0)) {
        throw new DillerInvalidInputError("getNonEligibleProducts", "offset", "must be an integer ≥ 0");
      }
      if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 1 && limit <= 100)) {
        throw new DillerInvalidInputError("getNonEligibleProducts", "limit", "must be an integer from 1 to 100");
      }
      return callAndParse(transport, "getNonEligibleProducts", NonEligibleProductPageSchema, {
        query: { offset, limit },
      });
    },
    /** `addBatchNonEligibleProducts`: 1–100 rules. Not re-sent after an ambiguous failure (would add them twice). */
    async addNonEligibleProducts(rules: Schemas["AddNonEligibleProductRequest"][]): Promise<NonEligibleProduct[]> {
      checkBatch("addBatchNonEligibleProducts", rules);
      return callAndParse(transport, "addBatchNonEligibleProducts", NonEligibleProductListSchema, { body: rules });
    },
    /** `updateBatchNonEligibleProducts` (PUT by id, retried): 200 all updated, 207 some failed. */
    async updateNonEligibleProducts(
      rules: Schemas["UpdateNonEligibleProductRequest"][],
    ): Promise<UpdateNonEligibleOutcome> {
      checkBatch("updateBatchNonEligibleProducts", rules);
      const response = await transport.call("updateBatchNonEligibleProducts", { body: rules });
      if (response.status === 207) {
        return {
          outcome: "partial",
          statuses: parseResponse("updateBatchNonEligibleProducts", UpdateBatchStatusListSchema, response),
        };
      }
      return {
        outcome: "updated",
        result: parseResponse("updateBatchNonEligibleProducts", ActionResponseSchema, response),
      };
    },
    /** `deleteNonEligibleProduct` by its integer id. */
    async deleteNonEligibleProduct({ id }: { id: number }): Promise<ActionResponse> {
      return callAndParse(transport, "deleteNonEligibleProduct", ActionResponseSchema, {
        path: { nonEligibleProductId: id },
      });
    },
  };
}
