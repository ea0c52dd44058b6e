import "@shopify/ui-extensions/preact";
import { render } from "preact";

import { ConsentBlock } from "./consent/ConsentBlock";

export default function extension() {
  render(<ConsentBlock />, document.body);
}
