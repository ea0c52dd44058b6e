-- DropIndex
DROP INDEX "OrderSync_shop_state_updatedAt_idx";

-- DropIndex
DROP INDEX "OrderSync_shop_updatedAt_idx";

-- DropIndex
DROP INDEX "SyncActivity_shop_kind_at_idx";

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "consentTextVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "discountCodePrefix" TEXT NOT NULL DEFAULT 'DILLER-',
ADD COLUMN     "discountCombinesWithOrder" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "discountCombinesWithProduct" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "discountCombinesWithShipping" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "extensionSetupAt" TIMESTAMP(3),
ADD COLUMN     "extensionSetupError" TEXT,
ADD COLUMN     "marketingConsentText" TEXT,
ADD COLUMN     "membershipConsentText" TEXT,
ADD COLUMN     "onboardedAt" TIMESTAMP(3),
ADD COLUMN     "timezone" TEXT;

-- CreateIndex
CREATE INDEX "OrderSync_shop_updatedAt_id_idx" ON "OrderSync"("shop", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "OrderSync_shop_state_updatedAt_id_idx" ON "OrderSync"("shop", "state", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "SyncActivity_shop_kind_at_points_idx" ON "SyncActivity"("shop", "kind", "at", "points");

-- Shops connected before onboarding existed (CLI) count as onboarded.
UPDATE "Shop" SET "onboardedAt" = "connectedAt" WHERE "connectedAt" IS NOT NULL AND "dillerStoreId" IS NOT NULL AND "dillerApiKey" IS NOT NULL;
