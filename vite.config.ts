// The web UI build: the SPA lives in src/web and is built into dist/web, which the server
// serves with an SPA fallback. In development, /api is proxied to a running server.
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const repoRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(repoRoot, "src/web"),
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, "dist/web"),
    emptyOutDir: true,
    // Maps for our own debugging: written to dist, never linked from the code nor served.
    sourcemap: "hidden",
    // Keep font files as separate assets: the server's CSP allows data: fonts, but files cache.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than Trygg: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
            },
            {
              name: "designsystemet",
              test: /node_modules[\\/](@digdir|@floating-ui|@radix-ui|@tanstack)[\\/]/,
            },
            { name: "vendor", test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
});
