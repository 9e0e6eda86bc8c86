import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { LOG_MAGIC, RECORD_HEADER_BYTES } from "../../server/store/logRecords";
import { call, workshopWith } from "../helpers/api";
import { openRaw } from "../helpers/rawSocket";
import { serverPerTest } from "../helpers/serverPerTest";
import { serversUsePostgres } from "../helpers/testDatabase";

const live = serverPerTest();

// The document log file format is the embedded store's own; the PostgreSQL pass skips it.
describe.skipIf(serversUsePostgres())("a corrupt document log", () => {
  it("keeps the room from loading with 1011, keeps the file, and the rest of the server serves", async () => {
    const damaged = await workshopWith(live.server.url, ["expert"]);
    const writer = live.peer(damaged.workshopId, damaged.people[0]!.token);
    await writer.synced();
    for (let i = 0; i < 40; i++) writer.doc.getText("notes").insert(i, String(i % 10));
    const dir = path.join(live.server.dataDir, "docs", damaged.workshopId);
    const logOf = () => path.join(dir, readdirSync(dir).find((f) => /^content\.\d+\.log$/.test(f)) ?? "none");
    // Each keystroke is a record once the peer has sent it.
    await vi.waitFor(() => expect(countRecords(readFileSync(logOf()))).toBeGreaterThanOrEqual(40));
    writer.destroy();
    const server = await live.restart();

    const file = logOf();
    const bytes = readFileSync(file);
    let pos = LOG_MAGIC.length;
    for (let i = 0; i < 9; i++) pos += RECORD_HEADER_BYTES + bytes.readUInt32LE(pos);
    const corrupt = Buffer.from(bytes);
    corrupt.writeUInt32LE(123_456, pos);
    writeFileSync(file, corrupt);

    const other = await workshopWith(server.url, ["expert", "expert"]);
    const [b1, b2] = [0, 1].map((i) => live.peer(other.workshopId, other.people[i]!.token));
    await Promise.all([b1!.synced(), b2!.synced()]);

    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const raw = openRaw(server.wsUrl, damaged.workshopId, damaged.people[0]!.token);
    const closed = await raw.closed;
    expect(closed.code).toBe(1011);
    expect(readFileSync(file).equals(corrupt)).toBe(true);
    // The operator is told which room, which file and where it broke, and that the files are kept.
    const lines = logged.mock.calls.map((args) => args.map(String).join(" "));
    logged.mockRestore();
    expect(lines).toContainEqual(expect.stringContaining(`room ${damaged.workshopId} not loaded`));
    const line = lines.find((l) => l.includes("not loaded")) ?? "";
    expect(line).toContain("files are kept");
    expect(line).toContain(`${file} is corrupt`);
    expect(line).toContain("(record 10)");

    b1!.doc.getText("notes").insert(0, "unaffected");
    await vi.waitFor(() => expect(b2!.doc.getText("notes").toString()).toBe("unaffected"));
    expect((await call(server.url, "GET", "/me", { token: other.people[0]!.token })).status).toBe(200);
  });
});

/** Records in a current-format log (the test's own reading, to know when all were written). */
function countRecords(buf: Buffer): number {
  let n = 0;
  for (let pos = LOG_MAGIC.length; pos + RECORD_HEADER_BYTES <= buf.length; n++)
    pos += RECORD_HEADER_BYTES + buf.readUInt32LE(pos);
  return n;
}
