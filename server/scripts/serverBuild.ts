/**
 * Builds the server into dist/server/main.js (and the chunks it loads on demand) with esbuild
 * (packages stay in node_modules), so `npm start` runs it on plain Node, without a TypeScript loader.
 */
import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { newestMtime, projectRoot } from "./clientBuild";

export const serverEntry = path.join(projectRoot, "dist", "server", "main.js");

/** Everything the server bundle is made from. */
const SOURCES = ["server", "shared", "package.json"];

/** Whether dist/server/main.js is missing or older than any file it is built from. */
export function serverBuildIsStale(root = projectRoot): boolean {
  const entry = path.join(root, "dist", "server", "main.js");
  if (!existsSync(entry)) return true;
  const built = statSync(entry).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > built);
}

/** Left to node_modules: native or optional add-ons (ws, pg), and the drivers of the optional engines. */
const BUNDLE_EXTERNAL = ["ws", "bufferutil", "utf-8-validate", "pg", "pg-native", "ioredis", "esbuild"];

export async function buildServer(root = projectRoot): Promise<void> {
  const { build } = await import("esbuild");
  const outdir = path.join(root, "dist", "server");
  // Chunks of an earlier build are not reused.
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(root, "server", "main.ts")],
    outdir,
    bundle: true,
    // What is imported dynamically (the Redis bus and ioredis) stays in a chunk loaded only when used.
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Pure-JavaScript packages are bundled, so only the parts the server uses are loaded (zod alone
    // would bring every locale); packages with native or optional parts, and the drivers loaded
    // only on demand, stay in node_modules.
    external: BUNDLE_EXTERNAL,
    // Whitespace and syntax only: identifiers keep their names, so profiles and stack traces read
    // as the source does (esbuild's keepNames would instead wrap functions at run time).
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    logLevel: "warning",
  });
}
