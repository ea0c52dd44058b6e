import type { JoinForm, MemberDetail, MemberDetailResponse } from "@diller/storefront-contract";
import { errorKey } from "@diller/extension-kit";
import { useState } from "preact/hooks";

import { useClient, useI18n } from "../shared/hooks";
import { ConsentFields } from "./ConsentFields";
import { ProfileFields } from "./ProfileFields";
import { SegmentFields } from "./SegmentFields";
import { validateJoin } from "./validation";
import { initialValues, normaliseFieldErrors, toRequest, type FieldErrors, type FormValues } from "./values";

interface Props {
  mode: "join" | "edit";
  form: JoinForm;
  member?: MemberDetail;
  onDone: (member: MemberDetail) => void;
  onCancel?: () => void;
}

/** Join and edit share one form: profile, the store's segments, then the consents at the bottom. */
export function ProfileForm({ mode, form, member, onDone, onCancel }: Props) {
  const { tr } = useI18n();
  const client = useClient();
  const [values, setValues] = useState<FormValues>(() => initialValues(form, member));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [messageKey, setMessageKey] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const errorFor = (path: string) => (errors[path] ? tr(`fieldErrors.${errors[path]}`) : undefined);
  const patch = (change: Partial<FormValues>) => setValues((current) => ({ ...current, ...change }));

  async function submit() {
    const request = toRequest(values, form.segments, form.consent.textVersion);
    const found = validateJoin(request, form.segments, new Date());
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessageKey("form.fixErrors");
      return;
    }
    setSending(true);
    setMessageKey(null);
    const path = mode === "join" ? "/api/account/join" : "/api/account/profile";
    const result = await client.post<MemberDetailResponse>(path, request);
    setSending(false);
    if (result.ok) {
      onDone(result.data.member);
      return;
    }
    if (result.error.code === "invalid_input") {
      setErrors(normaliseFieldErrors(result.error.fields));
      setMessageKey("form.fixErrors");
    } else {
      setMessageKey(errorKey(result.error.code));
    }
  }

  return (
    <s-section heading={tr(mode === "join" ? "form.joinHeading" : "form.editHeading")}>
      <s-stack gap="base">
        {mode === "join" ? <s-paragraph>{tr("form.joinIntro")}</s-paragraph> : null}
        <ProfileFields values={values} errorFor={errorFor} onChange={patch} phoneReadOnly={mode === "edit"} />
        {form.segments.length > 0 ? (
          <>
            <s-heading>{tr("form.segmentsHeading")}</s-heading>
            <SegmentFields
              fields={form.segments}
              answers={values.segments}
              errorFor={errorFor}
              onChange={(answer) => patch({ segments: { ...values.segments, [answer.id]: answer } })}
            />
          </>
        ) : null}
        <s-heading>{tr("form.consentsHeading")}</s-heading>
        <ConsentFields
          config={form.consent}
          consents={values.consents}
          membershipError={errorFor("consents.membership")}
          onChange={(consents) => patch({ consents })}
        />
        {messageKey ? <s-banner tone="critical">{tr(messageKey)}</s-banner> : null}
        <s-stack direction="inline" gap="base">
          <s-button id="submit-profile" variant="primary" loading={sending} onClick={() => void submit()}>
            {tr(mode === "join" ? "form.submitJoin" : "form.submitEdit")}
          </s-button>
          {onCancel ? <s-button onClick={onCancel}>{tr("form.cancel")}</s-button> : null}
        </s-stack>
      </s-stack>
    </s-section>
  );
}
