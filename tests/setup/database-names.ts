import type { DatabaseProvider } from "../../app/env.server";

export interface TestDatabaseTemplate {
  provider: DatabaseProvider;
  /** SQLite: the template file's URL. PostgreSQL: the server URL the run was started with. */
  serverUrl: string;
  /** SQLite: the template file path. PostgreSQL: the template database name. */
  template: string;
  runId: string;
}

/** The maintenance database on the same server, for CREATE/DROP DATABASE. */
export function postgresAdminUrl(url: string): string {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return admin.toString();
}
