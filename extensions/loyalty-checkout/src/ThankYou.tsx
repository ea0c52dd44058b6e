import "@shopify/ui-extensions/preact";
import { render } from "preact";

import { ThankYouBlock } from "./thank-you/ThankYouBlock";

export default function extension() {
  render(<ThankYouBlock />, document.body);
}
