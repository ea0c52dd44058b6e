import "@shopify/ui-extensions/preact";
import { render } from "preact";

export default function extension() {
  render(<s-text>{shopify.i18n.translate("name")}</s-text>, document.body);
}
