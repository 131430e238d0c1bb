import { describe, expect, it } from "vitest";
import { isPagePath, PAGE_PATHS } from "../../contract/page-paths.ts";
import { featureRoutes, publicRoutes } from "./routes.tsx";

describe("the server's list of page paths", () => {
  it("is exactly the web app's route table", () => {
    const web = [...featureRoutes, ...publicRoutes].map((r) => r.path);
    const missing = web.filter((p) => !(PAGE_PATHS as readonly string[]).includes(p));
    const extra = PAGE_PATHS.filter((p) => !web.includes(p));
    // A new page must be listed in src/contract/page-paths.ts, or the server answers it 404.
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("matches parameters and nothing else", () => {
    const cells: [string, boolean][] = [
      ["/", true],
      ["/cases/3f2b", true],
      ["/cases/3f2b/plan", true],
      ["/cases/3f2b/plan/x", false],
      ["/metrics", false],
      ["/cases/", true],
      ["/wp-admin", false],
      ["/plan/abc", true],
    ];
    const wrong = cells.filter(([path, want]) => isPagePath(path) !== want);
    expect(wrong).toEqual([]);
  });
});
