-- AlterEnum
ALTER TYPE "SyncActivityKind" ADD VALUE 'MEMBER_UNLINKED';

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "sendTestOrders" BOOLEAN NOT NULL DEFAULT false;
