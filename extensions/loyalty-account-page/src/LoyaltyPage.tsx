import "@shopify/ui-extensions/preact";
import { render } from "preact";

export default function extension() {
  render(<s-page heading={shopify.i18n.translate("name")} />, document.body);
}
