/**
 * One-time and idempotent local setup: creates .env (with a fresh APP_ENCRYPTION_KEY) when there is
 * none, generates both Prisma clients, and applies migrations to DATABASE_URL.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

if (!existsSync(".env")) {
  const key = randomBytes(32).toString("base64");
  const example = readFileSync(".env.example", "utf8");
  writeFileSync(".env", example.replace(/^APP_ENCRYPTION_KEY=.*$/m, `APP_ENCRYPTION_KEY=${key}`), { mode: 0o600 });
  console.log("created .env with a new APP_ENCRYPTION_KEY (keep it: it decrypts stored Diller API keys)");
}
process.loadEnvFile(".env");

for (const command of ["generate", "migrate"]) {
  const result = spawnSync("tsx", ["scripts/db.ts", command], { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
