-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Shop" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "uninstalledAt" DATETIME,
    "integrationEnabled" BOOLEAN NOT NULL DEFAULT false,
    "dillerEnvironment" TEXT NOT NULL DEFAULT 'production',
    "dillerBaseUrl" TEXT,
    "dillerStoreId" TEXT,
    "dillerApiKey" TEXT,
    "dillerDepartmentId" TEXT,
    "connectedAt" DATETIME,
    "orderTrigger" TEXT NOT NULL DEFAULT 'PAID',
    "includeShipping" BOOLEAN NOT NULL DEFAULT false,
    "guestEnrollment" BOOLEAN NOT NULL DEFAULT true,
    "reconciledUntil" DATETIME,
    "onboardedAt" DATETIME,
    "membershipConsentText" TEXT,
    "marketingConsentText" TEXT,
    "consentTextVersion" INTEGER NOT NULL DEFAULT 1,
    "discountCodePrefix" TEXT NOT NULL DEFAULT 'DILLER-',
    "discountCombinesWithProduct" BOOLEAN NOT NULL DEFAULT false,
    "discountCombinesWithOrder" BOOLEAN NOT NULL DEFAULT false,
    "discountCombinesWithShipping" BOOLEAN NOT NULL DEFAULT true,
    "extensionSetupAt" DATETIME,
    "extensionSetupError" TEXT,
    "timezone" TEXT,
    "sendTestOrders" BOOLEAN NOT NULL DEFAULT false,
    "loyaltyFactsOnCustomers" BOOLEAN NOT NULL DEFAULT false,
    "levelTags" BOOLEAN NOT NULL DEFAULT false,
    "currency" TEXT,
    "currencyMismatch" TEXT NOT NULL DEFAULT 'SKIP'
);
INSERT INTO "new_Shop" ("connectedAt", "consentTextVersion", "createdAt", "dillerApiKey", "dillerBaseUrl", "dillerDepartmentId", "dillerEnvironment", "dillerStoreId", "discountCodePrefix", "discountCombinesWithOrder", "discountCombinesWithProduct", "discountCombinesWithShipping", "extensionSetupAt", "extensionSetupError", "guestEnrollment", "includeShipping", "integrationEnabled", "levelTags", "loyaltyFactsOnCustomers", "marketingConsentText", "membershipConsentText", "onboardedAt", "orderTrigger", "reconciledUntil", "sendTestOrders", "shop", "timezone", "uninstalledAt", "updatedAt") SELECT "connectedAt", "consentTextVersion", "createdAt", "dillerApiKey", "dillerBaseUrl", "dillerDepartmentId", "dillerEnvironment", "dillerStoreId", "discountCodePrefix", "discountCombinesWithOrder", "discountCombinesWithProduct", "discountCombinesWithShipping", "extensionSetupAt", "extensionSetupError", "guestEnrollment", "includeShipping", "integrationEnabled", "levelTags", "loyaltyFactsOnCustomers", "marketingConsentText", "membershipConsentText", "onboardedAt", "orderTrigger", "reconciledUntil", "sendTestOrders", "shop", "timezone", "uninstalledAt", "updatedAt" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
