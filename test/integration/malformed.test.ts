import { describe, expect, it, vi } from "vitest";
import { CloseCode } from "../../shared/limits";
import { call, workshopWith } from "../helpers/api";
import { SYNC_UPDATE, seededBytes, syncMessage, textUpdate } from "../helpers/messages";
import { openRaw } from "../helpers/rawSocket";
import { serverPerTest } from "../helpers/serverPerTest";
import { storedDocBytes } from "../helpers/storedDoc";

const live = serverPerTest();

const storedBytes = (workshopId: string) => storedDocBytes(live.server, workshopId, "content");

const bad: Array<[string, () => Uint8Array | string, number]> = [
  ["a truncated varint header", () => Uint8Array.of(0x80), CloseCode.malformed],
  ["a truncated sync type", () => Uint8Array.of(0x00, 0xff), CloseCode.malformed],
  ["an unknown message type", () => Uint8Array.of(0x07, 0x00), CloseCode.malformed],
  [
    "the auth message type, which this server does not speak",
    () => Uint8Array.of(0x02, 0x00),
    CloseCode.malformed,
  ],
  ["an unknown sync message type", () => Uint8Array.of(0x00, 0x09, 0x00), CloseCode.malformed],
  [
    "an update whose length runs past the frame",
    () => Uint8Array.of(0x00, 0x02, 0x64, 1, 2, 3),
    CloseCode.malformed,
  ],
  ["random bytes", () => seededBytes(4096, 7), CloseCode.malformed],
  [
    "random bytes behind a valid update header",
    () => syncMessage(SYNC_UPDATE, seededBytes(512, 11)),
    CloseCode.malformed,
  ],
  [
    "a valid update followed by trailing bytes",
    () => {
      const m = syncMessage(SYNC_UPDATE, textUpdate("trailing"));
      return Uint8Array.from([...m, 0x01, 0x02]);
    },
    CloseCode.malformed,
  ],
  [
    "awareness that is not JSON",
    () => Uint8Array.of(0x01, 0x05, 0x01, 0x01, 0x01, 0x01, 0x7b),
    CloseCode.malformed,
  ],
  ["a text frame", () => "hello", CloseCode.malformed],
  ["a 17 MiB frame", () => new Uint8Array(17 * 1024 * 1024), CloseCode.tooBig],
];

describe("malformed and oversized messages", () => {
  it.each(bad)(
    "closes the sender on %s, and the room, the disk and the process carry on",
    async (_name, make, code) => {
      const { workshopId, people } = await workshopWith(live.server.url, ["expert", "expert", "expert"]);
      const [a, b] = [live.peer(workshopId, people[0]!.token), live.peer(workshopId, people[1]!.token)];
      await Promise.all([a.synced(), b.synced()]);
      a.doc.getText("notes").insert(0, "before");
      await vi.waitFor(() => expect(b.doc.getText("notes").toString()).toBe("before"));
      const before = await storedBytes(workshopId);

      const attacker = openRaw(live.server.wsUrl, workshopId, people[2]!.token);
      await attacker.opened;
      attacker.ws.send(make());
      const closed = await attacker.closed;
      expect(closed.code).toBe(code);
      expect((await storedBytes(workshopId)).equals(before)).toBe(true);

      a.doc.getText("notes").insert(6, " and after");
      await vi.waitFor(() => expect(b.doc.getText("notes").toString()).toBe("before and after"));
      expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
      expect((await call(live.server.url, "GET", "/me", { token: people[0]!.token })).status).toBe(200);
    },
  );
});
