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

async function open(dir: string, cachedWorkshops?: number): Promise<EmbeddedMetaRepository> {
  const repo = await EmbeddedMetaRepository.open(dir, cachedWorkshops ? { cachedWorkshops } : {});
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

  it("keeps only the most recently used workshops in memory and loses no write of the others", async () => {
    const repo = await open(tempDir(), 2);
    const ids = ["a", "b", "c", "d", "e"];
    for (const id of ids) await workshop(repo, id);
    // Writes to every workshop at once, through a cache of two: each reloads, none is lost.
    // Reads in between load workshops back while others are being written.
    const reads = () => Promise.all(ids.map((id) => repo.invitesOf(id)));
    await Promise.all(
      ids.flatMap((id) =>
        [1, 2, 3].map(async (n) => {
          await reads();
          await repo.addInvite(
            {
              id: `${id}-${n}`,
              workshopId: id,
              role: "expert",
              tokenHash: `i-${id}-${n}`,
              createdAt: stamp.at,
              createdBy: `p-${id}`,
              uses: 0,
            },
            stamp,
          );
          await reads();
        }),
      ),
    );
    for (const id of ids) {
      expect((await repo.invitesOf(id)).map((i) => i.id).sort()).toEqual([`${id}-1`, `${id}-2`, `${id}-3`]);
      expect((await repo.inviteByTokenHash(`i-${id}-2`))?.workshopId).toBe(id);
      expect(await repo.auditOf(id)).toHaveLength(4);
    }
  });

  it("never reloads a workshop from disk while its write is under way", async () => {
    const repo = await open(tempDir(), 1);
    await workshop(repo, "a");
    await workshop(repo, "b");
    const invite = (n: number) => ({
      id: `a-${n}`,
      workshopId: "a",
      role: "expert" as const,
      tokenHash: `i-a-${n}`,
      createdAt: stamp.at,
      createdBy: "p-a",
      uses: 0,
    });
    const first = repo.addInvite(invite(1), stamp);
    // While the first write is on its way to disk, another workshop's read pushes "a" out of a
    // cache of one, and a read of "a" asks for it again: it must get the slot the write will update.
    await new Promise((resolve) => setImmediate(resolve));
    await repo.invitesOf("b");
    await repo.invitesOf("a");
    await first;
    await repo.addInvite(invite(2), stamp);
    expect((await repo.invitesOf("a")).map((i) => i.id)).toEqual(["a-1", "a-2"]);
  });
});
