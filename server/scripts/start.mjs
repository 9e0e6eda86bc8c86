/**
 * `npm start`, in plain JavaScript so production runs without a TypeScript loader: when the client
 * or the server build is missing or older than its sources, a one-off child builds them
 * (build.ts, under tsx); then this process runs the built server, dist/server/main.js.
 * The staleness rules are those of clientBuild.ts and serverBuild.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function stale(output, sources) {
  const file = path.join(root, output);
  if (!existsSync(file)) return true;
  const built = statSync(file).mtimeMs;
  return sources.some((source) => newestMtime(path.join(root, source)) > built);
}

const clientStale = stale("dist/client/index.html", ["client", "shared", "vite.config.ts", "package.json"]);
const serverStale = stale("dist/server/main.js", ["server", "shared", "package.json"]);
if (clientStale || serverStale) {
  const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
  const built = spawnSync(process.execPath, [tsxCli, "server/scripts/build.ts"], {
    cwd: root,
    stdio: "inherit",
  });
  if (built.status !== 0) {
    console.error("Riskroom did not start: the build failed");
    process.exit(built.status ?? 1);
  }
}
await import(pathToFileURL(path.join(root, "dist", "server", "main.js")).href);
