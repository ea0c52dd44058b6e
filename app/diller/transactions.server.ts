import { callAndParse, parseResponse } from "./call.server";
import type { components } from "@diller/diller-contract";
import {
  DillerHttpError,
  DillerInvalidInputError,
  isDuplicateTransactionError,
  saysDuplicateTransaction,
} from "./errors.server";
import type { MemberRef } from "./members.server";
import { ActionResponseSchema, type ActionResponse } from "./schemas.server";
import type { DillerTransport } from "./transport.server";

type Schemas = components["schemas"];

/** A purchase with the retailer's unique order id, which makes re-sending it safe. */
export type NewTransaction = Schemas["CreateTransactionRequest"] & { external_id: string };

/**
 * Both outcomes mean Diller has the transaction. `duplicate`: one with this `external_id` already
 * existed, i.e. an earlier attempt (this call's or an earlier job run's) went through.
 */
export type CreateTransactionOutcome =
  | { outcome: "created"; result: ActionResponse; correlationId: string }
  | { outcome: "duplicate"; correlationId: string | undefined };

/** Purchases, partial refunds and cancellations. All three answer only an ActionResponse. */
export function transactionsApiFactory({ transport }: { transport: DillerTransport }) {
  return {
    /**
     * `createTransaction`. Retried after ambiguous failures (timeout, reset, 502/504): transactions
     * are keyed by `external_id`, and a re-send that Diller answers "duplicate external id" is
     * reported as `{ outcome: "duplicate" }`.
     */
    async createTransaction({
      memberId,
      transaction,
    }: MemberRef & { transaction: NewTransaction }): Promise<CreateTransactionOutcome> {
      if (transaction.external_id.trim() === "") {
        throw new DillerInvalidInputError("createTransaction", "external_id", "is required (it makes retries safe)");
      }
      try {
        const response = await transport.call("createTransaction", { path: { memberId }, body: transaction });
        const result = parseResponse("createTransaction", ActionResponseSchema, response);
        if (result.is_ok === false && saysDuplicateTransaction(result.details ?? "")) {
          return { outcome: "duplicate", correlationId: response.correlationId };
        }
        return { outcome: "created", result, correlationId: response.correlationId };
      } catch (error) {
        if (isDuplicateTransactionError(error)) {
          return { outcome: "duplicate", correlationId: correlationIdOf(error) };
        }
        throw error;
      }
    },
    /**
     * `createRefundTransaction`: a partial refund of an earlier purchase. Not re-sent after an
     * ambiguous failure (whether Diller deduplicates refunds by `external_id` is unconfirmed).
     * `transactionId`: which id Diller expects (its own or our `external_id`) is unconfirmed too.
     */
    async refundTransaction({
      memberId,
      transactionId,
      refund,
    }: MemberRef & {
      transactionId: string;
      refund: Schemas["CreateRefundTransactionRequest"];
    }): Promise<ActionResponse> {
      return callAndParse(transport, "createRefundTransaction", ActionResponseSchema, {
        path: { memberId, transactionId },
        body: refund,
      });
    },
    /** `cancelTransaction` by our `external_id`. Cancelling twice changes nothing, so it is retried. */
    async cancelTransaction({
      externalTransactionId,
      cancellation,
    }: {
      externalTransactionId: string;
      cancellation: Schemas["CancelationReason"];
    }): Promise<ActionResponse> {
      return callAndParse(transport, "cancelTransaction", ActionResponseSchema, {
        path: { externalTransactionId },
        body: cancellation,
      });
    },
  };
}

function correlationIdOf(error: unknown): string | undefined {
  return error instanceof DillerHttpError ? error.correlationId : undefined;
}
