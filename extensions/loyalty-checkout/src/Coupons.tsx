import "@shopify/ui-extensions/preact";
import { render } from "preact";

import { CouponsBlock } from "./coupons/CouponsBlock";

export default function extension() {
  render(<CouponsBlock />, document.body);
}
