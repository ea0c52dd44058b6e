import "@shopify/ui-extensions/preact";
import { render } from "preact";

import { ProfileSummary } from "./ProfileSummary";

export default function extension() {
  render(<ProfileSummary />, document.body);
}
