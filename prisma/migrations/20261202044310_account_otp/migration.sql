-- AlterTable
ALTER TABLE "CustomerLink" ADD COLUMN "leftAt" DATETIME;

-- CreateTable
CREATE TABLE "AccountOtp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "sentAt" DATETIME,
    "expiresAt" DATETIME,
    "wrongTries" INTEGER NOT NULL DEFAULT 0,
    "windowStartAt" DATETIME NOT NULL,
    "sendsInWindow" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountOtp_shop_customerId_purpose_key" ON "AccountOtp"("shop", "customerId", "purpose");

-- CreateIndex
CREATE INDEX "SyncActivity_shop_orderId_idx" ON "SyncActivity"("shop", "orderId");
