/** Builds what is stale of the client and the server; `npm start` runs it only when something is. */
import { ensureClientBuilt } from "./clientBuild";
import { buildServer, serverBuildIsStale } from "./serverBuild";

const started = Date.now();
if (await ensureClientBuilt()) console.log(`Built the client in ${Date.now() - started} ms`);
if (serverBuildIsStale()) {
  const serverStarted = Date.now();
  await buildServer();
  console.log(`Built the server in ${Date.now() - serverStarted} ms`);
}
