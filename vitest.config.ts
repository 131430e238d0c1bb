import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: [
            "src/core/**/*.test.ts",
            "src/i18n/**/*.test.ts",
            "src/contract/**/*.test.ts",
            "src/web/**/*.test.ts",
            "test/arch/**/*.test.ts",
          ],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "db",
          sequence: { groupOrder: 1 },
          include: ["src/server/**/*.test.ts", "src/cli/**/*.test.ts", "test/api/**/*.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          setupFiles: ["test/support/fail-on-console-error.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          maxWorkers: 2,
        },
      },
    ],
  },
});
