-- CreateEnum
CREATE TYPE "LocalJobState" AS ENUM ('QUEUED', 'ACTIVE', 'RETRY', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OrderTrigger" AS ENUM ('PAID', 'FULFILLED');

-- CreateEnum
CREATE TYPE "OrderSyncState" AS ENUM ('PENDING', 'SENT', 'CANCELLED', 'SKIPPED', 'FAILED');

-- CreateEnum
CREATE TYPE "SyncActivityKind" AS ENUM ('TRANSACTION_SENT', 'TRANSACTION_CANCELLED', 'REMAINDER_SENT', 'SYNC_FAILED', 'ORDER_SKIPPED', 'MEMBER_REGISTERED', 'MEMBER_LINKED', 'MEMBER_UPDATED');

-- CreateEnum
CREATE TYPE "CustomerLinkState" AS ENUM ('PENDING', 'LINKED', 'NO_MEMBER', 'SKIPPED', 'FAILED');

-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "customerId" TEXT,
ADD COLUMN     "orderId" TEXT,
ADD COLUMN     "processedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "LocalJob" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "shop" TEXT,
    "payload" TEXT NOT NULL,
    "state" "LocalJobState" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "queuedKey" TEXT,
    "activeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "LocalJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "shop" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "uninstalledAt" TIMESTAMP(3),
    "integrationEnabled" BOOLEAN NOT NULL DEFAULT false,
    "dillerEnvironment" TEXT NOT NULL DEFAULT 'production',
    "dillerBaseUrl" TEXT,
    "dillerStoreId" TEXT,
    "dillerApiKey" TEXT,
    "dillerDepartmentId" TEXT,
    "connectedAt" TIMESTAMP(3),
    "orderTrigger" "OrderTrigger" NOT NULL DEFAULT 'PAID',
    "includeShipping" BOOLEAN NOT NULL DEFAULT false,
    "guestEnrollment" BOOLEAN NOT NULL DEFAULT true,
    "reconciledUntil" TIMESTAMP(3),

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "OrderSync" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT,
    "customerId" TEXT,
    "state" "OrderSyncState" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "lastError" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "memberId" TEXT,
    "externalId" TEXT,
    "totalSent" TEXT,
    "currency" TEXT,
    "orderJson" TEXT,
    "orderUpdatedAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "fulfilledAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "refundsJson" TEXT NOT NULL DEFAULT '{}',
    "consentJson" TEXT,
    "progressJson" TEXT NOT NULL DEFAULT '{}',
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderSync_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncActivity" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" "SyncActivityKind" NOT NULL,
    "orderId" TEXT,
    "customerId" TEXT,
    "externalId" TEXT,
    "amount" TEXT,
    "points" DOUBLE PRECISION,
    "detail" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerLink" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "memberId" TEXT,
    "state" "CustomerLinkState" NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "lastError" TEXT,
    "linkedBy" TEXT,
    "membershipConsent" BOOLEAN NOT NULL DEFAULT false,
    "marketingConsent" BOOLEAN NOT NULL DEFAULT false,
    "customerJson" TEXT,
    "customerUpdatedAt" TIMESTAMP(3),
    "profileHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceExport" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "requestId" TEXT,
    "exportJson" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplianceExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LocalJob_name_state_runAfter_idx" ON "LocalJob"("name", "state", "runAfter");

-- CreateIndex
CREATE INDEX "LocalJob_shop_state_idx" ON "LocalJob"("shop", "state");

-- CreateIndex
CREATE UNIQUE INDEX "LocalJob_name_queuedKey_key" ON "LocalJob"("name", "queuedKey");

-- CreateIndex
CREATE UNIQUE INDEX "LocalJob_name_activeKey_key" ON "LocalJob"("name", "activeKey");

-- CreateIndex
CREATE INDEX "OrderSync_shop_customerId_idx" ON "OrderSync"("shop", "customerId");

-- CreateIndex
CREATE INDEX "OrderSync_shop_updatedAt_idx" ON "OrderSync"("shop", "updatedAt");

-- CreateIndex
CREATE INDEX "OrderSync_shop_state_updatedAt_idx" ON "OrderSync"("shop", "state", "updatedAt");

-- CreateIndex
CREATE INDEX "OrderSync_shop_orderName_idx" ON "OrderSync"("shop", "orderName");

-- CreateIndex
CREATE UNIQUE INDEX "OrderSync_shop_orderId_key" ON "OrderSync"("shop", "orderId");

-- CreateIndex
CREATE INDEX "SyncActivity_shop_at_idx" ON "SyncActivity"("shop", "at");

-- CreateIndex
CREATE INDEX "SyncActivity_shop_kind_at_idx" ON "SyncActivity"("shop", "kind", "at");

-- CreateIndex
CREATE INDEX "CustomerLink_shop_memberId_idx" ON "CustomerLink"("shop", "memberId");

-- CreateIndex
CREATE INDEX "CustomerLink_shop_state_idx" ON "CustomerLink"("shop", "state");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerLink_shop_customerId_key" ON "CustomerLink"("shop", "customerId");

-- CreateIndex
CREATE INDEX "ComplianceExport_shop_customerId_idx" ON "ComplianceExport"("shop", "customerId");

-- CreateIndex
CREATE INDEX "WebhookEvent_shop_customerId_idx" ON "WebhookEvent"("shop", "customerId");

-- CreateIndex
CREATE INDEX "WebhookEvent_shop_orderId_idx" ON "WebhookEvent"("shop", "orderId");
