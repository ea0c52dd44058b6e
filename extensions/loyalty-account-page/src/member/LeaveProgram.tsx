import type { LeaveRequest, LeaveResponse } from "@diller/storefront-contract";
import { errorKey, valueOf } from "@diller/extension-kit";
import { useState } from "preact/hooks";

import { useClient, useI18n } from "../shared/hooks";

/** Leaving deletes the membership in Diller: say what is lost, then ask once more before doing it. */
export function LeaveProgram({ onLeft, onCancel }: { onLeft: () => void; onCancel: () => void }) {
  const { tr } = useI18n();
  const client = useClient();
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [messageKey, setMessageKey] = useState<string | null>(null);

  async function leave() {
    setSending(true);
    const body: LeaveRequest = { confirm: true, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    const result = await client.post<LeaveResponse>("/api/account/leave", body);
    setSending(false);
    if (result.ok) onLeft();
    else setMessageKey(errorKey(result.error.code));
  }

  return (
    <s-section heading={tr("leave.heading")}>
      <s-stack gap="base">
        <s-banner tone="warning">{tr("leave.warning")}</s-banner>
        <s-text-area
          id="leave-reason"
          label={tr("leave.reason")}
          value={reason}
          onChange={(e) => setReason(valueOf(e))}
        />
        {confirming ? (
          <s-stack gap="small-200">
            <s-text type="strong">{tr("leave.areYouSure")}</s-text>
            <s-button
              id="leave-confirm"
              tone="critical"
              variant="primary"
              loading={sending}
              onClick={() => void leave()}
            >
              {tr("leave.confirm")}
            </s-button>
          </s-stack>
        ) : (
          <s-button id="leave-continue" tone="critical" onClick={() => setConfirming(true)}>
            {tr("leave.continue")}
          </s-button>
        )}
        <s-button id="leave-cancel" onClick={onCancel}>
          {tr("leave.cancel")}
        </s-button>
        {messageKey ? <s-banner tone="critical">{tr(messageKey)}</s-banner> : null}
      </s-stack>
    </s-section>
  );
}
