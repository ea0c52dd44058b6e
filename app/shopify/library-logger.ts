import { LogSeverity } from "@shopify/shopify-app-remix/server";

import type { Logger } from "~/logger.server";

/**
 * Shopify's library logger, through ours. Its lines can carry request input (a login's shop
 * parameter): warnings and errors only, shortened.
 */
export function shopifyLibraryLogger(logger: Logger) {
  return {
    level: LogSeverity.Warning,
    log: (severity: LogSeverity, message: string) => {
      const line = message.length > 500 ? `${message.slice(0, 500)}… (${message.length} characters)` : message;
      if (severity === LogSeverity.Error) logger.error("shopify library", { message: line });
      else logger.warn("shopify library", { message: line });
    },
  };
}
