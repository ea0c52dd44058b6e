/**
 * Proves that the native (N-API) modules the project loads work under the pinned Node.js. npm here
 * compiles addons against the system Node's headers, so an addon that is not N-API would load under
 * Node 20 and crash under Node 22; this fails instead.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

const checks: Record<string, () => Promise<string>> = {
  "@libsql/client (SQLite driver)": async () => {
    const { createClient } = await import("@libsql/client");
    const client = createClient({ url: ":memory:" });
    const result = await client.execute("select sqlite_version() as version");
    client.close();
    return `sqlite ${String(result.rows[0]?.version)}`;
  },
  "rollup (Vite build)": async () => {
    const { parseAst } = await import("rollup/parseAst");
    return `parsed ${parseAst("const x = 1").body.length} statement`;
  },
  "@parcel/watcher (GraphQL codegen)": async () => {
    const watcher = require("@parcel/watcher") as { subscribe: unknown };
    return typeof watcher.subscribe === "function" ? "loaded" : "missing API";
  },
};

console.log(
  `node ${process.version} (${process.platform}-${process.arch}, modules ABI ${process.versions.modules}, N-API ${process.versions.napi})`,
);
const major = Number(process.versions.node.split(".")[0]);
let failed = major !== 22;
if (failed) console.error(`expected Node.js 22 from the node@22 devDependency, got ${process.version}`);
for (const [name, check] of Object.entries(checks)) {
  try {
    console.log(`ok   ${name}: ${await check()}`);
  } catch (error) {
    failed = true;
    console.error(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
