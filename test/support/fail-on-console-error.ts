// Tests fail on an unexpected console.error: it usually hides a real problem.
import { afterEach, vi } from "vitest";

const spy = vi.spyOn(console, "error");
afterEach(() => {
  const calls = spy.mock.calls;
  spy.mockClear();
  if (calls.length > 0) throw new Error(`console.error was called: ${String(calls[0]?.[0])}`);
});
