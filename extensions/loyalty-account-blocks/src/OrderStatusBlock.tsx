import "@shopify/ui-extensions/preact";
import { render } from "preact";

import { OrderPoints } from "./OrderPoints";

export default function extension() {
  render(<OrderPoints />, document.body);
}
