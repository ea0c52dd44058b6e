-- DropIndex
DROP INDEX "OrderSync_shop_state_updatedAt_idx";

-- DropIndex
DROP INDEX "OrderSync_shop_updatedAt_idx";

-- DropIndex
DROP INDEX "SyncActivity_shop_kind_at_idx";

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
    "timezone" TEXT
);
INSERT INTO "new_Shop" ("connectedAt", "createdAt", "dillerApiKey", "dillerBaseUrl", "dillerDepartmentId", "dillerEnvironment", "dillerStoreId", "guestEnrollment", "includeShipping", "integrationEnabled", "orderTrigger", "reconciledUntil", "shop", "uninstalledAt", "updatedAt") SELECT "connectedAt", "createdAt", "dillerApiKey", "dillerBaseUrl", "dillerDepartmentId", "dillerEnvironment", "dillerStoreId", "guestEnrollment", "includeShipping", "integrationEnabled", "orderTrigger", "reconciledUntil", "shop", "uninstalledAt", "updatedAt" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "OrderSync_shop_updatedAt_id_idx" ON "OrderSync"("shop", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "OrderSync_shop_state_updatedAt_id_idx" ON "OrderSync"("shop", "state", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "SyncActivity_shop_kind_at_points_idx" ON "SyncActivity"("shop", "kind", "at", "points");

-- Shops connected before onboarding existed (CLI) count as onboarded.
UPDATE "Shop" SET "onboardedAt" = "connectedAt" WHERE "connectedAt" IS NOT NULL AND "dillerStoreId" IS NOT NULL AND "dillerApiKey" IS NOT NULL;
