-- CreateEnum
CREATE TYPE "BackfillState" AS ENUM ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Backfill" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "state" "BackfillState" NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER,
    "examined" INTEGER NOT NULL DEFAULT 0,
    "enqueued" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Backfill_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Backfill_shop_startedAt_idx" ON "Backfill"("shop", "startedAt");
