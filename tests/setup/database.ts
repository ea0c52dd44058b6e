/**
 * Per test file: a fresh copy of the migrated template database, exposed as DATABASE_URL before
 * any app module is imported, and dropped after the file's tests.
 */
import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

import pg from "pg";
import { afterAll, inject } from "vitest";

import { disconnectDatabase } from "../../app/db.server";
import { shutdown } from "../../app/lifecycle.server";
import { postgresAdminUrl } from "./database-names";

const template = inject("databaseTemplate");
const suffix = randomUUID().replaceAll("-", "").slice(0, 12);

if (template.provider === "postgresql") {
  const name = `diller_test_${template.runId}_${suffix}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl(template.serverUrl) });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template.template}"`);
  const url = new URL(template.serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  afterAll(async () => {
    await shutdown();
    await disconnectDatabase();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
} else {
  const file = join(dirname(template.template), `${suffix}.sqlite`);
  copyFileSync(template.template, file);
  process.env.DATABASE_URL = `file:${file}`;
  afterAll(async () => {
    await shutdown();
    await disconnectDatabase();
    for (const extra of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${extra}`, { force: true });
  });
}
