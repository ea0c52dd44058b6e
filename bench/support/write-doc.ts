import { writeFileSync } from "node:fs";

import { format, resolveConfig } from "prettier";

/** Writes a generated document formatted as the repository formats it, so format:check stays green. */
export async function writeFormattedDoc(path: string, markdown: string) {
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(markdown, { ...options, filepath: path }));
}
