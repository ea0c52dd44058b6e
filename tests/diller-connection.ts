import type { RunningSandbox } from "@diller/diller-sandbox";
import type { SecretBox } from "~/security/encryption.server";

/** The Shop columns of a shop connected to a running Diller sandbox, enabled, department "webshop". */
export function sandboxConnection(sandbox: RunningSandbox, secrets: SecretBox) {
  return {
    integrationEnabled: true,
    dillerEnvironment: "custom",
    dillerBaseUrl: sandbox.baseUrl,
    dillerStoreId: sandbox.credentials.storeId,
    dillerApiKey: secrets.seal(sandbox.credentials.apiKey),
    dillerDepartmentId: "webshop",
    connectedAt: new Date(),
  };
}
