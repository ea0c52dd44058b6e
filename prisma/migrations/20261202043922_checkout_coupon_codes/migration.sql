-- CreateTable
CREATE TABLE "CheckoutCouponCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "dillerCouponId" TEXT NOT NULL,
    "dillerCouponCode" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "discountId" TEXT,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'MINTING',
    "validTo" DATETIME,
    "claimToken" TEXT,
    "claimedAt" DATETIME,
    "deactivatedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CheckoutCouponCode_shop_status_updatedAt_idx" ON "CheckoutCouponCode"("shop", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "CheckoutCouponCode_shop_customerId_idx" ON "CheckoutCouponCode"("shop", "customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckoutCouponCode_shop_dillerCouponId_customerId_key" ON "CheckoutCouponCode"("shop", "dillerCouponId", "customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckoutCouponCode_shop_code_key" ON "CheckoutCouponCode"("shop", "code");
