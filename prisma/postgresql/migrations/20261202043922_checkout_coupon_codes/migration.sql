-- CreateEnum
CREATE TYPE "CheckoutCouponCodeStatus" AS ENUM ('MINTING', 'ACTIVE', 'DEACTIVATED', 'USED');

-- CreateTable
CREATE TABLE "CheckoutCouponCode" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "dillerCouponId" TEXT NOT NULL,
    "dillerCouponCode" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "discountId" TEXT,
    "code" TEXT NOT NULL,
    "status" "CheckoutCouponCodeStatus" NOT NULL DEFAULT 'MINTING',
    "validTo" TIMESTAMP(3),
    "claimToken" TEXT,
    "claimedAt" TIMESTAMP(3),
    "deactivatedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckoutCouponCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CheckoutCouponCode_shop_status_updatedAt_idx" ON "CheckoutCouponCode"("shop", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "CheckoutCouponCode_shop_customerId_idx" ON "CheckoutCouponCode"("shop", "customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckoutCouponCode_shop_dillerCouponId_customerId_key" ON "CheckoutCouponCode"("shop", "dillerCouponId", "customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckoutCouponCode_shop_code_key" ON "CheckoutCouponCode"("shop", "code");
