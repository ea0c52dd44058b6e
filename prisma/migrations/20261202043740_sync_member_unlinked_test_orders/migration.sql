-- AlterTable (a plain ADD COLUMN rather than a table rebuild, so migrations of other Shop columns
-- created at the same time keep their columns whatever order they run in)
ALTER TABLE "Shop" ADD COLUMN "sendTestOrders" BOOLEAN NOT NULL DEFAULT false;
