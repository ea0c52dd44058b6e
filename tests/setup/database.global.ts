/**
 * Vitest global setup: builds one migrated template database for the run, on the provider that
 * DATABASE_URL names (SQLite by default; `DATABASE_URL=postgresql://…` runs the whole suite on
 * PostgreSQL). Each test file then gets its own copy (tests/setup/database.ts). Everything this run
 * creates is dropped at the end.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import pg from "pg";
import type { TestProject } from "vitest/node";

import { databaseProviderOf } from "../../app/env.server";
import { prismaEnv } from "../../scripts/db-tools";
import { postgresAdminUrl, type TestDatabaseTemplate } from "./database-names";

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: TestDatabaseTemplate;
  }
}

function migrate(url: string) {
  const result = spawnSync("prisma", ["migrate", "deploy"], { env: prismaEnv(url), encoding: "utf8" });
  if (result.status !== 0) throw new Error(`migrating the test template failed:\n${result.stdout}\n${result.stderr}`);
}

export default async function setup(project: TestProject) {
  const requested = process.env.DATABASE_URL || "file:./prisma/test.sqlite";
  const provider = databaseProviderOf(requested);
  const runId = `${process.pid}_${Date.now().toString(36)}`;

  if (provider === "postgresql") {
    const admin = new pg.Client({ connectionString: postgresAdminUrl(requested) });
    await admin.connect();
    const templateName = `diller_test_${runId}_template`;
    await admin.query(`CREATE DATABASE "${templateName}"`);
    const templateUrl = new URL(requested);
    templateUrl.pathname = `/${templateName}`;
    migrate(templateUrl.toString());
    project.provide("databaseTemplate", { provider, serverUrl: requested, template: templateName, runId });
    return async () => {
      const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
        `diller_test_${runId}_%`,
      ]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await admin.end();
    };
  }

  const dir = mkdtempSync(join(tmpdir(), "diller-test-"));
  const template = join(dir, "template.sqlite");
  migrate(`file:${template}`);
  project.provide("databaseTemplate", { provider: "sqlite", serverUrl: `file:${template}`, template, runId });
  return () => rmSync(dir, { recursive: true, force: true });
}
