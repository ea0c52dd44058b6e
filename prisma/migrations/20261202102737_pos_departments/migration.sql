-- CreateTable
CREATE TABLE "LocationDepartment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "LocationDepartment_shop_locationId_key" ON "LocationDepartment"("shop", "locationId");
