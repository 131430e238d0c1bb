import type { z } from "zod";
import { AppError } from "../errors.ts";

/** Parses input at the edge; a failure becomes one 400 listing every bad field. */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new AppError(400, "validation.failed", {
    fields: result.error.issues.map((i) => ({
      path: i.path.join("."),
      code: i.code,
      message: i.message,
    })),
  });
}
