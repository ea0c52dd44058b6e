-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN "customerId" TEXT;
ALTER TABLE "WebhookEvent" ADD COLUMN "orderId" TEXT;
ALTER TABLE "WebhookEvent" ADD COLUMN "processedAt" DATETIME;

-- CreateTable
CREATE TABLE "LocalJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "shop" TEXT,
    "payload" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL,
    "runAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "queuedKey" TEXT,
    "activeKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Shop" (
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
    "reconciledUntil" DATETIME
);

-- CreateTable
CREATE TABLE "OrderSync" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT,
    "customerId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "lastError" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "memberId" TEXT,
    "externalId" TEXT,
    "totalSent" TEXT,
    "currency" TEXT,
    "orderJson" TEXT,
    "orderUpdatedAt" DATETIME,
    "paidAt" DATETIME,
    "fulfilledAt" DATETIME,
    "cancelledAt" DATETIME,
    "refundsJson" TEXT NOT NULL DEFAULT '{}',
    "consentJson" TEXT,
    "progressJson" TEXT NOT NULL DEFAULT '{}',
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SyncActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "orderId" TEXT,
    "customerId" TEXT,
    "externalId" TEXT,
    "amount" TEXT,
    "points" REAL,
    "detail" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CustomerLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "memberId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "lastError" TEXT,
    "linkedBy" TEXT,
    "membershipConsent" BOOLEAN NOT NULL DEFAULT false,
    "marketingConsent" BOOLEAN NOT NULL DEFAULT false,
    "customerJson" TEXT,
    "customerUpdatedAt" DATETIME,
    "profileHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ComplianceExport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "requestId" TEXT,
    "exportJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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
