-- AlterTable (plain ADD COLUMNs rather than a table rebuild, so migrations of other Shop columns
-- created at the same time keep their columns whatever order they run in)
ALTER TABLE "Shop" ADD COLUMN "loyaltyFactsOnCustomers" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Shop" ADD COLUMN "levelTags" BOOLEAN NOT NULL DEFAULT false;
