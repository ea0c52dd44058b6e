-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "levelTags" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "loyaltyFactsOnCustomers" BOOLEAN NOT NULL DEFAULT false;
