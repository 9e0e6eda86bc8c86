import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const serverPort = Number(process.env.PORT || 8787);

// With TEST_DATABASE_URL, the integration suite runs a second time with every server on PostgreSQL,
// and so do the PostgreSQL-only tests; without it, they are skipped, and the run says so.
const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl && process.argv.some((a) => a.includes("vitest")) && !process.env.RISKROOM_PG_NOTICE) {
  // Once per run: Vitest reads this file for each project.
  process.env.RISKROOM_PG_NOTICE = "shown";
  console.log(
    "\nPostgreSQL tests skipped: TEST_DATABASE_URL is not set, so the integration suite runs on the embedded\n" +
      "store only and test/postgres reports its tests as skipped (.ci/postgres starts a test database).\n",
  );
}

export default defineConfig({
  root: "client",
  plugins: [react()],
  build: { outDir: "../dist/client", emptyOutDir: true },
  server: {
    // In development Vite serves the client and hands API and websocket traffic to the server.
    // The trailing slashes matter: keys are prefixes, and "/api" would also take the module /api.ts.
    proxy: {
      "/api/": `http://127.0.0.1:${serverPort}`,
      "/ws/": { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
  test: {
    root: ".",
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: "embedded", include: ["test/{unit,integration,e2e}/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: postgresUrl
            ? ["test/postgres/**/*.test.ts", "test/integration/**/*.test.ts"]
            : ["test/postgres/**/*.test.ts"],
          env: { RISKROOM_TEST_STORE: "postgres" },
        },
      },
      {
        // Several instances on PostgreSQL and Redis; each file skips, saying why, without them.
        extends: true,
        test: { name: "multi", include: ["test/multi/**/*.test.ts"], testTimeout: 60_000 },
      },
    ],
  },
});
