import "@shopify/ui-extensions/preact";
import { render } from "preact";

import { LoyaltyApp } from "./LoyaltyApp";

export default function extension() {
  render(<LoyaltyApp />, document.body);
}
