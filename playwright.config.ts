// Browser tests against a real Trygg: the web is built, the server starts on a free port with
// a fresh embedded database (seeded with the demo school), and every test runs at desktop and
// phone width in Debian's Chromium (no browser download is possible here).
import net from "node:net";
import { defineConfig, devices } from "@playwright/test";

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

/** Asks the OS for a free port. Computed once: workers inherit the env set here. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

process.env.TRYGG_E2E_PORT ??= String(await freePort());
const port = Number(process.env.TRYGG_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "test/e2e",
  // Per run (the port is unique), so parallel runs do not wipe each other's traces.
  outputDir: `.tmp/playwright/${port}/results`,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Generous: the suite shares small CI machines with the DB tests.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI
    ? [["list"], ["html", { open: "never", outputFolder: `.tmp/playwright/${port}/report` }]]
    : "list",
  use: {
    baseURL,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [
    {
      name: "desktop",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        launchOptions: chromium,
      },
    },
    {
      name: "phone",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 360, height: 740 },
        isMobile: false,
        hasTouch: false,
        launchOptions: chromium,
      },
    },
  ],
  webServer: {
    command: `node test/e2e/support/start-server.mjs`,
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      TRYGG_DEMO: "true",
      // Each test acts as its own client (X-Forwarded-For, see support/fixtures.ts), so the
      // per-IP login rate limit protects as in production without throttling the suite.
      TRYGG_TRUST_PROXY: "true",
      LOG_LEVEL: "warn",
      NODE_ENV: "test",
    },
  },
});
