import type { MemberDetail, MemberDetailResponse, PhoneInput } from "@diller/storefront-contract";
import { valueOf } from "@diller/extension-kit";
import { useState } from "preact/hooks";

import { useClient, useI18n } from "../shared/hooks";
import { CodeStep, retryText } from "./CodeStep";

interface Props {
  current: PhoneInput | null;
  onChanged: (member: MemberDetail) => void;
  onCancel: () => void;
}

/** A member changes their phone through Diller's one-time code sent to the new number. */
export function PhoneChange({ current, onChanged, onCancel }: Props) {
  const { tr } = useI18n();
  const client = useClient();
  const [phone, setPhone] = useState<PhoneInput>({ countryCode: current?.countryCode ?? "+47", number: "" });
  const [codeSent, setCodeSent] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function start() {
    const number = phone.number.replace(/[\s-]/g, "");
    if (!/^\+\d{1,4}$/.test(phone.countryCode) || !/^\d{4,15}$/.test(number)) {
      setMessage(tr("fieldErrors.invalid_phone"));
      return;
    }
    setMessage(null);
    const result = await client.post("/api/account/phone-change/start", { phone: { ...phone, number } });
    if (result.ok) {
      setPhone({ ...phone, number });
      setCodeSent(true);
    } else setMessage(retryText(tr, result.error.code, result.error.retryAfterSeconds));
  }

  async function confirm(code: string) {
    const result = await client.post<MemberDetailResponse>("/api/account/phone-change/confirm", { phone, code });
    if (result.ok) onChanged(result.data.member);
    return result;
  }

  return (
    <s-section heading={tr("phoneChange.heading")}>
      <s-stack gap="base">
        {codeSent ? (
          <CodeStep
            sentTo={`${phone.countryCode} ${phone.number}`}
            verify={confirm}
            resend={() => void start()}
            onVerified={() => {}}
          />
        ) : (
          <>
            <s-stack direction="inline" gap="base">
              <s-text-field
                id="new-phone-country"
                label={tr("form.phoneCountryCode")}
                value={phone.countryCode}
                onChange={(event) => setPhone({ ...phone, countryCode: valueOf(event) })}
              />
              <s-text-field
                id="new-phone-number"
                label={tr("form.phoneNumber")}
                value={phone.number}
                error={message ?? undefined}
                onChange={(event) => setPhone({ ...phone, number: valueOf(event) })}
              />
            </s-stack>
            <s-button id="phone-change-send" variant="primary" onClick={() => void start()}>
              {tr("phoneChange.send")}
            </s-button>
          </>
        )}
        <s-button onClick={onCancel}>{tr("form.cancel")}</s-button>
      </s-stack>
    </s-section>
  );
}
