/**
 * The state file: the live state as JSON (timestamps are already ISO strings). Reading validates it
 * (zod for the sandbox's bookkeeping, the contract's schemas for Diller shapes) and names what is wrong;
 * writing goes through a temporary file and a rename so a crash never leaves half a file.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

import { z } from "zod";

import { type ContractValidator } from "./contract";
import { createStateSchema, type SandboxState } from "./state/schema";

export class StateFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Cannot use the Diller sandbox state file ${file}: ${reason}`);
    this.name = "StateFileError";
  }
}

/** The saved state, or undefined when the file does not exist yet. */
export function loadStateFile(file: string, contract: ContractValidator): SandboxState | undefined {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new StateFileError(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = createStateSchema(contract).safeParse(json);
  if (!parsed.success) throw new StateFileError(file, z.prettifyError(parsed.error));
  return parsed.data;
}

export async function saveStateFile(file: string, state: SandboxState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, "utf8");
  await rename(temporary, file);
}
