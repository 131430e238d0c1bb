import type { Shape } from "./shape.ts";

export const nb = {
  title: "",
} as const;

export const nn: Shape<typeof nb> = { title: "" };
export const en: Shape<typeof nb> = { title: "" };

export const home = { nb, nn, en };
