import type { ConsentConfig } from "@diller/storefront-contract";
import { useApi } from "@shopify/ui-extensions/checkout/preact";
import { useEffect, useState } from "preact/hooks";

import { ConsentBoxes } from "../shared/ConsentBoxes";
import { useClient, useI18n } from "../shared/hooks";
import { loadConfig, loadShopper } from "../shared/loaders";
import { consentChange } from "./consent";

const BOXES_KEY = "diller_consent_boxes";

function isBoxes(value: unknown): value is { membership: boolean; marketing: boolean } {
  return (
    typeof value === "object" &&
    value !== null &&
    "membership" in value &&
    typeof value.membership === "boolean" &&
    "marketing" in value &&
    typeof value.marketing === "boolean"
  );
}

type State = { kind: "loading" } | { kind: "hidden" } | { kind: "ready"; consent: ConsentConfig };

/** Consent for guests and non-members at the contact step; members already agreed and see nothing. */
export function ConsentBlock() {
  const client = useClient();
  const { tr } = useI18n();
  const api = useApi<"purchase.checkout.contact.render-after">();
  const { applyMetafieldChange, instructions } = api;
  const [state, setState] = useState<State>({ kind: "loading" });
  const [boxes, setBoxes] = useState({ membership: false, marketing: false });
  const [saveFailed, setSaveFailed] = useState(false);

  useEffect(() => {
    let live = true;
    // The block remounts between checkout steps; the boxes must show what the cart metafield holds.
    void api.storage.read<unknown>(BOXES_KEY).then((saved) => {
      if (live && isBoxes(saved)) setBoxes(saved);
    });
    void Promise.all([loadShopper(client), loadConfig(client)]).then(([shopper, config]) => {
      if (!live) return;
      // Without the config there is no text version to record, so no consent can be given honestly.
      setState(
        shopper.kind === "member" || config === null ? { kind: "hidden" } : { kind: "ready", consent: config.consent },
      );
    });
    return () => {
      live = false;
    };
  }, [client, api]);

  if (state.kind !== "ready") return null;
  const { consent } = state;

  async function change(membership: boolean, marketing: boolean) {
    setBoxes({ membership, marketing });
    void api.storage.write(BOXES_KEY, { membership, marketing });
    const allowed = membership
      ? instructions.value.metafields.canSetCartMetafields
      : instructions.value.metafields.canDeleteCartMetafield;
    if (!allowed) {
      setSaveFailed(true);
      return;
    }
    const result = await applyMetafieldChange(consentChange(membership, marketing, consent.textVersion, new Date()));
    setSaveFailed(result.type === "error");
  }

  return (
    <s-stack gap="small-200">
      <s-heading>{tr("consent.heading")}</s-heading>
      <ConsentBoxes consent={consent} {...boxes} onChange={(m, k) => void change(m, k)} />
      {saveFailed ? <s-text tone="critical">{tr("consent.saveFailed")}</s-text> : null}
    </s-stack>
  );
}
