import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact-url.ts";

describe("redactUrl", () => {
  it("takes tokens and codes out of URLs before they are logged", () => {
    const cells: [string, string][] = [
      ["/api/public/calendar/Zm9vYmFyYmF6.ics", "/api/public/calendar/[redacted]"],
      ["/api/public/calendar/abc?lang=nn", "/api/public/calendar/[redacted]?lang=nn"],
      [
        "/api/auth/feide/callback?code=s3cr3t&state=xyz",
        "/api/auth/feide/callback?code=[redacted]&state=[redacted]",
      ],
      ["/api/cases?status=open&page=2", "/api/cases?status=open&page=2"],
      ["/x?TOKEN=a&b=1", "/x?TOKEN=[redacted]&b=1"],
      ["/x?%74oken=a", "/x?%74oken=[redacted]"],
      ["/x?flag", "/x?flag"],
      ["/api/public/schools/1/plan.ics", "/api/public/schools/1/plan.ics"],
    ];
    const wrong = cells
      .filter(([input, want]) => redactUrl(input) !== want)
      .map(([i]) => `${i} → ${redactUrl(i)}`);
    expect(wrong).toEqual([]);
  });
});
