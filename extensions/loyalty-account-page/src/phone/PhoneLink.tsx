import type { OtpSentResponse } from "@diller/storefront-contract";
import { useState } from "preact/hooks";

import { useClient, useI18n } from "../shared/hooks";
import { CodeStep, retryText } from "./CodeStep";

interface Props {
  maskedPhone: string;
  onLinked: () => void;
}

/**
 * A member with this customer's phone exists but the e-mail does not match: nothing is linked until the
 * shopper proves they hold that phone with the code Diller sends to it.
 */
export function PhoneLink({ maskedPhone, onLinked }: Props) {
  const { tr } = useI18n();
  const client = useClient();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function send() {
    setSending(true);
    setMessage(null);
    const result = await client.post<OtpSentResponse>("/api/account/phone-link/send", {});
    setSending(false);
    if (result.ok) setSentTo(result.data.maskedPhone);
    else {
      setSentTo(null);
      setMessage(retryText(tr, result.error.code, result.error.retryAfterSeconds));
    }
  }

  return (
    <s-section heading={tr("phoneLink.heading")}>
      <s-stack gap="base">
        {sentTo === null ? (
          <>
            <s-paragraph>{tr("phoneLink.intro", { phone: maskedPhone })}</s-paragraph>
            <s-button id="otp-send" variant="primary" loading={sending} onClick={() => void send()}>
              {tr("phoneLink.send")}
            </s-button>
          </>
        ) : (
          <CodeStep
            sentTo={sentTo}
            verify={(code) => client.post("/api/account/phone-link/verify", { code })}
            resend={() => void send()}
            onVerified={onLinked}
          />
        )}
        {message ? <s-banner tone="critical">{message}</s-banner> : null}
      </s-stack>
    </s-section>
  );
}
