import { randomUUID } from "node:crypto";

import { directSqlOf, type Database, type DirectSqlArg } from "~/db.server";

import { jobKey, jobPayloadSchemas, type queuePolicies, type JobName, type JobPayload } from "./definitions";

/**
 * The local queue's `send` for many jobs of one queue at once: one multi-row INSERT … ON CONFLICT
 * DO NOTHING, so a keyed job that already waits absorbs the new one exactly as `send` does (the
 * unique index on name + queuedKey). Resolves, per payload, whether a job was queued.
 */
export async function insertLocalJobs<N extends JobName>(
  db: Database,
  name: N,
  payloads: readonly JobPayload<N>[],
  policy: (typeof queuePolicies)[N],
  now: Date,
): Promise<boolean[]> {
  if (payloads.length === 0) return [];
  const jobs = payloads.map((payload) => {
    const data = jobPayloadSchemas[name].parse(payload);
    const key = jobKey(name, data as JobPayload<N>);
    return { id: randomUUID(), key, shop: "shop" in data ? data.shop : null, payload: JSON.stringify(data) };
  });
  const args: DirectSqlArg[] = jobs.flatMap(({ id, key, shop, payload }) => {
    const queuedKey = policy.keyed ? key : null;
    return [id, name, key, shop, payload, "QUEUED", 0, policy.maxAttempts, now, queuedKey, now, now];
  });
  // Without Prisma's query compiler, like the inbox's batched insert (docs/decisions/047-direct-sql.md).
  const inserted = await directSqlOf(db).query(
    `INSERT INTO "LocalJob" ("id", "name", "key", "shop", "payload", "state", "attempts", "maxAttempts", "runAfter",
      "queuedKey", "createdAt", "updatedAt")
     VALUES ${jobs.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}
     ON CONFLICT DO NOTHING
     RETURNING "id"`,
    args,
  );
  const ids = new Set(inserted.map((row) => row.id));
  return jobs.map((job) => ids.has(job.id));
}
