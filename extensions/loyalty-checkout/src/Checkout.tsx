import "@shopify/ui-extensions/preact";
import { render } from "preact";

export default function extension() {
  render(<LoyaltyPlaceholder />, document.body);
}

function LoyaltyPlaceholder() {
  return <s-text>{shopify.i18n.translate("placeholder")}</s-text>;
}
