/**
 * `npm run demo`: seeds a realistic demo workshop into DATA_DIR (default ./data) by starting the real
 * server in this process on a free port and driving it through the REST API and the y-websocket
 * client, then prints the workshop id and a facilitator link for the server you run afterwards.
 * Stop any server using the same DATA_DIR first: two processes must not write one store.
 *
 *   npm run demo                              # into ./data
 *   DATA_DIR=./demo-data npm run demo
 */

import { loadConfig } from "../config";
import { auroraSpec } from "../demo/aurora";
import { seedWorkshop } from "../demo/seed";
import { startServer } from "../server";

const config = loadConfig();
// Invite links are built on the address people will use later, not on this short-lived port.
const linkBase = config.publicUrl;
const server = await startServer({
  ...config,
  host: "127.0.0.1",
  port: 0,
  publicUrl: linkBase,
  publicUrlSet: true,
});
try {
  const seeded = await seedWorkshop(server.url, auroraSpec, {
    ...(config.createToken ? { createToken: config.createToken } : {}),
  });
  const res = await fetch(`${server.url}/api/workshops/${seeded.workshopId}/invites`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${seeded.facilitator.token}` },
    body: JSON.stringify({ role: "facilitator", label: "Demo facilitator link", maxUses: 20 }),
  });
  if (!res.ok) throw new Error(`creating the facilitator link failed: ${res.status} ${await res.text()}`);
  const { url } = (await res.json()) as { url: string };
  console.log(`Seeded the demo workshop into ${config.dataDir}`);
  console.log(`Workshop id:      ${seeded.workshopId}`);
  console.log(`Facilitator link: ${url}`);
  console.log(
    `Report:           npm run export -- --data ${config.dataDir} --workshop ${seeded.workshopId} --format md`,
  );
} finally {
  await server.close();
}
