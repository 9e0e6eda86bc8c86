/** `npm start`: builds the client if its sources changed since the last build, then runs the server. */
import { ensureClientBuilt } from "./clientBuild";

const started = Date.now();
if (await ensureClientBuilt()) console.log(`Built the client in ${Date.now() - started} ms`);
await import("../main");
