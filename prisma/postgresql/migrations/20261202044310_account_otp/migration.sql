-- AlterEnum
ALTER TYPE "CustomerLinkState" ADD VALUE 'LEFT';

-- AlterTable
ALTER TABLE "CustomerLink" ADD COLUMN     "leftAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AccountOtp" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "wrongTries" INTEGER NOT NULL DEFAULT 0,
    "windowStartAt" TIMESTAMP(3) NOT NULL,
    "sendsInWindow" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountOtp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountOtp_shop_customerId_purpose_key" ON "AccountOtp"("shop", "customerId", "purpose");

-- CreateIndex
CREATE INDEX "SyncActivity_shop_orderId_idx" ON "SyncActivity"("shop", "orderId");
