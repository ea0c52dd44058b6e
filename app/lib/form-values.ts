import { z } from "zod";

/** A checkbox or switch: "true", "on" and "1" are on; anything else, or nothing, is off. */
export const formBoolean = z.preprocess(
  (value) => value === true || value === "true" || value === "on" || value === "1",
  z.boolean(),
);

/** Optional text: trimmed, and empty means absent. */
export const optionalText = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.string().trim().optional(),
);
