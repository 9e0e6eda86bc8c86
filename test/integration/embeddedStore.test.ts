/** The embedded metadata store on a real temporary directory, without a server around it. */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DomainError } from "../../server/domainErrors";
import { EmbeddedMetaRepository } from "../../server/store/embedded/embeddedRepository";
import type { AuditStamp } from "../../server/store/repository";

const dirs: string[] = [];
const repos: EmbeddedMetaRepository[] = [];
afterEach(async () => {
  for (const r of repos.splice(0)) await r.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "riskroom-store-"));
  dirs.push(dir);
  return dir;
}

async function open(dir: string): Promise<EmbeddedMetaRepository> {
  const repo = await EmbeddedMetaRepository.open(dir);
  repos.push(repo);
  return repo;
}

const stamp: AuditStamp = { actor: "p1", at: "2026-12-01T00:00:00.000Z" };

async function workshop(repo: EmbeddedMetaRepository, id: string): Promise<void> {
  await repo.createWorkshop(
    {
      workshop: { id, title: `W ${id}`, createdAt: stamp.at },
      participant: {
        id: `p-${id}`,
        workshopId: id,
        displayName: "F",
        role: "facilitator",
        joinedAt: stamp.at,
      },
      session: {
        tokenHash: `s-${id}`,
        workshopId: id,
        participantId: `p-${id}`,
        createdAt: stamp.at,
        expiresAt: "2027-01-01T00:00:00.000Z",
      },
    },
    stamp,
  );
}

describe("the embedded metadata store", () => {
  it("finds sessions through the index after a restart, and drops a torn last index line", async () => {
    const dir = tempDir();
    const first = await open(dir);
    await workshop(first, "a");
    await workshop(first, "b");
    await first.close();
    repos.splice(repos.indexOf(first), 1);
    // A crash in the middle of an append leaves a line without its end.
    appendFileSync(path.join(dir, "index.jsonl"), '{"s":"s-c","w"');
    const second = await open(dir);
    expect((await second.sessionByTokenHash("s-b"))?.workshopId).toBe("b");
    expect(readFileSync(path.join(dir, "index.jsonl"), "utf8").endsWith("\n")).toBe(true);
    await workshop(second, "c");
    expect((await second.workshops()).map((w) => w.id)).toEqual(["a", "b", "c"]);
  });

  it("rebuilds an unreadable index from the workshop files", async () => {
    const dir = tempDir();
    const first = await open(dir);
    await workshop(first, "a");
    await first.close();
    repos.splice(repos.indexOf(first), 1);
    writeFileSync(path.join(dir, "index.jsonl"), 'garbage\n{"w":"a","c":"x"}\n');
    const second = await open(dir);
    expect((await second.sessionByTokenHash("s-a"))?.participantId).toBe("p-a");
  });

  it("hands out frozen records: changing one in place throws and changes nothing", async () => {
    const repo = await open(tempDir());
    await workshop(repo, "a");
    const participant = (await repo.participantsOf("a"))[0]!;
    expect(() => {
      (participant as { displayName: string }).displayName = "Changed";
    }).toThrow(TypeError);
    expect((await repo.participant("a", "p-a"))?.displayName).toBe("F");
  });

  it("stores nothing when a guard or a decide callback refuses", async () => {
    const dir = tempDir();
    const repo = await open(dir);
    await workshop(repo, "a");
    const file = path.join(dir, "workshops", "a", "meta.json");
    const before = readFileSync(file, "utf8");
    await expect(
      repo.openRound(
        {
          id: "r",
          workshopId: "a",
          kind: "pre",
          scenarioIds: ["s"],
          anonymous: false,
          openedAt: stamp.at,
          openedBy: "p1",
        },
        stamp,
      ),
    ).rejects.toMatchObject({ code: "framework_not_locked" });
    await expect(
      repo.lockFramework(
        "a",
        () => {
          throw new DomainError("framework_incomplete", "refused");
        },
        stamp,
      ),
    ).rejects.toMatchObject({ code: "framework_incomplete" });
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(await repo.auditOf("a")).toHaveLength(1);
    // Reading the framework returns the stored default and writes nothing.
    expect((await repo.framework("a")).lock).toBeNull();
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});
