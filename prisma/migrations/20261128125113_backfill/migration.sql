-- CreateTable
CREATE TABLE "Backfill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "since" DATETIME NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER,
    "examined" INTEGER NOT NULL DEFAULT 0,
    "enqueued" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "Backfill_shop_startedAt_idx" ON "Backfill"("shop", "startedAt");
