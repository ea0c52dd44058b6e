-- DropIndex
DROP INDEX "WebhookEvent_shop_orderId_idx";

-- DropIndex
DROP INDEX "WebhookEvent_shop_customerId_idx";

-- CreateIndex
CREATE INDEX "WebhookEvent_shop_customerId_status_receivedAt_idx" ON "WebhookEvent"("shop", "customerId", "status", "receivedAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_shop_orderId_status_receivedAt_idx" ON "WebhookEvent"("shop", "orderId", "status", "receivedAt");
