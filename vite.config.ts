import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const serverPort = Number(process.env.PORT || 8787);

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
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
