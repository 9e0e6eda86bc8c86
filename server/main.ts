/** Entry point: read the environment, listen, and store everything on SIGINT/SIGTERM. */
import { loadConfig } from "./config";
import { describeCreation } from "./http/creation";
import { startServer } from "./server";
import { DataDirLocked } from "./store/dataDirLock";

const config = (() => {
  try {
    return loadConfig();
  } catch (err) {
    console.error(`Riskroom did not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
})();
const server = await startServer(config).catch((err: unknown) => {
  if (!(err instanceof DataDirLocked)) throw err;
  console.error(`Riskroom did not start: ${err.message}`);
  process.exit(1);
});
// Before the "listening" line: whoever waits for it may signal at once.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: storing documents and closing`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}

console.log(`Riskroom listening on ${server.url} (data in ${config.dataDir})`);
console.log(describeCreation(config));
if (["0.0.0.0", "::"].includes(config.host) && !config.publicUrlSet) {
  console.log(
    "Listening on every interface: invite links follow the address the facilitator used; set PUBLIC_URL to fix it.",
  );
}
