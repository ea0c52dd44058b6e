-- CreateEnum
CREATE TYPE "CurrencyMismatch" AS ENUM ('SKIP', 'SEND');

-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "currency" TEXT,
ADD COLUMN     "currencyMismatch" "CurrencyMismatch" NOT NULL DEFAULT 'SKIP';
