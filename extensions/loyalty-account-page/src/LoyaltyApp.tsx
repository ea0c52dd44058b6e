import type { AccountLoyaltyResponse, JoinForm, MemberDetail } from "@diller/storefront-contract";
import { errorKey } from "@diller/extension-kit";
import { useEffect, useState } from "preact/hooks";

import { ProfileForm } from "./form/ProfileForm";
import { LeaveProgram } from "./member/LeaveProgram";
import { MemberOverview } from "./member/MemberOverview";
import { PhoneChange } from "./phone/PhoneChange";
import { PhoneLink } from "./phone/PhoneLink";
import { useClient, useI18n } from "./shared/hooks";

type State =
  | { kind: "loading" }
  | { kind: "error"; code: string }
  | { kind: "left" }
  | (AccountLoyaltyResponse & { kind: "loaded"; notice?: string });

type MemberView = "overview" | "edit" | "phone" | "leave";

/** "My loyalty": one request decides between the member page, the join form and phone linking. */
export function LoyaltyApp() {
  const { tr } = useI18n();
  const client = useClient();
  const [state, setState] = useState<State>({ kind: "loading" });
  const [view, setView] = useState<MemberView>("overview");

  async function load(notice?: string) {
    const result = await client.get<AccountLoyaltyResponse>("/api/account/loyalty");
    setView("overview");
    setState(result.ok ? { ...result.data, kind: "loaded", notice } : { kind: "error", code: result.error.code });
  }

  useEffect(() => {
    void load();
    // Deps: loads once per mounted page; later reloads are explicit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const showMember = (form: JoinForm, member: MemberDetail, notice: string) => {
    setView("overview");
    setState({ kind: "loaded", status: "member", member, form, notice });
  };

  return <s-page heading={tr("name")}>{body()}</s-page>;

  function body() {
    if (state.kind === "loading") return <s-skeleton-paragraph />;
    if (state.kind === "error") return <s-banner tone="critical">{tr(errorKey(state.code))}</s-banner>;
    if (state.kind === "left") return <s-banner tone="success">{tr("leave.left")}</s-banner>;
    const notice = state.notice ? <s-banner tone="success">{tr(state.notice)}</s-banner> : null;
    if (state.status === "not_member") {
      return (
        <ProfileForm mode="join" form={state.form} onDone={(member) => showMember(state.form, member, "form.joined")} />
      );
    }
    if (state.status === "phone_match") {
      return <PhoneLink maskedPhone={state.maskedPhone} onLinked={() => void load("phoneLink.linked")} />;
    }
    const { member, form } = state;
    return (
      <s-stack gap="base">
        {notice}
        {view === "overview" ? (
          <MemberOverview
            member={member}
            onEdit={() => setView("edit")}
            onChangePhone={() => setView("phone")}
            onLeave={() => setView("leave")}
          />
        ) : null}
        {view === "edit" ? (
          <ProfileForm
            mode="edit"
            form={form}
            member={member}
            onDone={(updated) => showMember(form, updated, "form.saved")}
            onCancel={() => setView("overview")}
          />
        ) : null}
        {view === "phone" ? (
          <PhoneChange
            current={member.profile.phone}
            onChanged={(updated) => showMember(form, updated, "phoneChange.changed")}
            onCancel={() => setView("overview")}
          />
        ) : null}
        {view === "leave" ? (
          <LeaveProgram onLeft={() => setState({ kind: "left" })} onCancel={() => setView("overview")} />
        ) : null}
      </s-stack>
    );
  }
}
