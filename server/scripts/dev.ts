/**
 * `npm run dev`: the server under `tsx watch` (restarts on change) and Vite's dev server on 5173,
 * whose proxy (vite.config.ts) hands /api and /ws to the server.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { createServer } from "vite";
import { projectRoot } from "./clientBuild";

const VITE_PORT = 5173;
const viteOrigins = [`http://localhost:${VITE_PORT}`, `http://127.0.0.1:${VITE_PORT}`];

// vite.config.ts reads PORT for its proxy target, so both halves must agree before Vite loads it.
process.env.PORT ||= "8787";
const extraOrigins = (process.env.ALLOWED_ORIGINS ?? "").split(",").filter(Boolean);

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const server: ChildProcess = spawn(process.execPath, [tsxCli, "watch", "server/main.ts"], {
  cwd: projectRoot,
  stdio: "inherit",
  // Its own process group: Ctrl+C reaches only this script, which sends the server one SIGTERM.
  // (Two signals make `tsx watch` force-kill the server before it has stored its documents.)
  detached: true,
  env: {
    ...process.env,
    ALLOWED_ORIGINS: [...viteOrigins, ...extraOrigins].join(","),
    // Invite links must open the page people use in development, which Vite serves.
    PUBLIC_URL: process.env.PUBLIC_URL || viteOrigins[0],
  },
});

const vite = await createServer({
  configFile: path.join(projectRoot, "vite.config.ts"),
  root: path.join(projectRoot, "client"),
  server: { port: VITE_PORT, strictPort: true },
});
await vite.listen();
vite.printUrls();

const serverRunning = () => server.exitCode === null && server.signalCode === null;
let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  // SIGTERM lets the server store its documents before it exits.
  if (serverRunning()) server.kill("SIGTERM");
  await vite.close();
  process.exitCode = code;
}

server.on("exit", (code) => {
  if (!stopping) console.error(`the server exited (${code ?? "signal"}); stopping the dev server`);
  void stop(code ?? 1);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));
// However this process ends, it must not leave a server behind holding the port.
process.on("exit", () => {
  if (serverRunning()) server.kill("SIGTERM");
});
