/**
 * Builds the browser client with Vite when its output is missing or older than its sources, so
 * `npm start` and the browser tests always serve what is in the working tree.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const clientDist = path.join(projectRoot, "dist", "client");

/** Everything the client bundle is made from. */
const SOURCES = ["client", "shared", "vite.config.ts", "package.json"];

export function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether dist/client is missing or older than any file it is built from. */
export function clientBuildIsStale(root = projectRoot): boolean {
  const index = path.join(root, "dist", "client", "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > built);
}

/** Builds the client into dist/client with the project's vite.config.ts. */
export async function buildClient(): Promise<void> {
  const { build } = await import("vite");
  // Vite derives production mode from NODE_ENV, which test runners set to "test"; the output must
  // be the production bundle whoever builds it, since `npm start` serves it later as it is.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: path.join(projectRoot, "vite.config.ts"),
      root: path.join(projectRoot, "client"),
      mode: "production",
      logLevel: "warn",
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** Builds the client if it is stale; returns whether it built. */
export async function ensureClientBuilt(): Promise<boolean> {
  if (!clientBuildIsStale()) return false;
  await buildClient();
  return true;
}
