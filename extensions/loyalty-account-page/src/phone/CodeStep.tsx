import { errorKey, valueOf, type ApiResult } from "@diller/extension-kit";
import { useState } from "preact/hooks";

import { useI18n } from "../shared/hooks";

interface Props {
  sentTo: string;
  verify: (code: string) => Promise<ApiResult<unknown>>;
  resend: () => void;
  onVerified: () => void;
}

/** The code input shared by phone linking and phone change: wrong, expired and rate-limited states. */
export function CodeStep({ sentTo, verify, resend, onVerified }: Props) {
  const { tr } = useI18n();
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [sending, setSending] = useState(false);

  async function submit() {
    if (!/^\d{4,8}$/.test(code.trim())) {
      setMessage(tr("fieldErrors.required"));
      return;
    }
    setSending(true);
    const result = await verify(code.trim());
    setSending(false);
    if (result.ok) {
      onVerified();
      return;
    }
    setExpired(result.error.code === "otp_expired");
    setMessage(retryText(tr, result.error.code, result.error.retryAfterSeconds));
  }

  return (
    <s-stack gap="base">
      <s-paragraph>{tr("otp.sent", { phone: sentTo })}</s-paragraph>
      <s-text-field
        id="otp-code"
        label={tr("otp.code")}
        value={code}
        error={message ?? undefined}
        onChange={(event) => setCode(valueOf(event))}
      />
      <s-stack direction="inline" gap="base">
        <s-button id="otp-verify" variant="primary" loading={sending} disabled={expired} onClick={() => void submit()}>
          {tr("otp.verify")}
        </s-button>
        <s-button id="otp-resend" onClick={resend}>
          {tr("otp.resend")}
        </s-button>
      </s-stack>
    </s-stack>
  );
}

export function retryText(
  tr: (key: string, options?: Record<string, string | number>) => string,
  code: string,
  retryAfterSeconds: number | undefined,
): string {
  const text = tr(errorKey(code));
  return code === "rate_limited" && retryAfterSeconds
    ? `${text} ${tr("otp.retryAfter", { seconds: Math.ceil(retryAfterSeconds) })}`
    : text;
}
