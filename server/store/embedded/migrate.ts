/**
 * Start-up migration from the single `meta.json` of the first version to one file per workshop.
 * Each workshop's file is written, then the index, then the old file is renamed to
 * `meta.json.pre-v2` (kept as the backup), each step durable; a crash part-way leaves
 * `meta.json` in place and the next start does it all again. A `meta.json` that is empty,
 * truncated, `null` or not of the first version stops the server and is left untouched.
 */
import { access, mkdir, rename } from "node:fs/promises";
import path from "node:path";
import { canonicalJson, DEFAULT_FRAMEWORK } from "../../../shared/estimation/framework";
import { StoreCorrupt } from "../../domainErrors";
import { syncDir, writeDurable } from "../durableWrite";
import type {
  AuditRecord,
  DeterminationRecord,
  EstimateRecord,
  FrameworkRecord,
  InviteRecord,
  ParticipantRecord,
  RoundRecord,
  SessionRecord,
  SnapshotRecord,
  WorkshopRecord,
} from "../records";
import { readJsonStrict } from "./durableFile";
import { entriesOf, writeIndex } from "./tokenIndex";
import { newWorkshopMeta, type WorkshopMeta, workshopDir, workshopMetaFile } from "./workshopMeta";

/** The first version's file: every workshop's records in shared arrays. */
interface LegacyMeta {
  version: 1;
  workshops: WorkshopRecord[];
  participants: ParticipantRecord[];
  invites: InviteRecord[];
  sessions: SessionRecord[];
  audit: AuditRecord[];
  frameworks: FrameworkRecord[];
  rounds: RoundRecord[];
  estimates: EstimateRecord[];
  determinations: DeterminationRecord[];
  snapshots: SnapshotRecord[];
}

const LEGACY_LISTS = [
  "workshops",
  "participants",
  "invites",
  "sessions",
  "audit",
  "frameworks",
  "rounds",
  "estimates",
  "determinations",
  "snapshots",
] as const;

/** Migrates `<dataDir>/meta.json` if there is one; returns the number of workshops moved. */
export async function migrateLegacyMeta(dataDir: string): Promise<number> {
  const legacyFile = path.join(dataDir, "meta.json");
  const value = await readJsonStrict(legacyFile);
  if (value === null) return 0;
  const legacy = checkLegacy(value as Partial<LegacyMeta>, legacyFile);
  const metas = splitByWorkshop(legacy);
  await mkdir(path.join(dataDir, "workshops"), { recursive: true });
  for (const meta of metas) {
    await mkdir(workshopDir(dataDir, meta.workshop.id), { recursive: true });
    await writeDurable(workshopMetaFile(dataDir, meta.workshop.id), JSON.stringify(meta));
  }
  await syncDir(path.join(dataDir, "workshops"));
  await writeIndex(path.join(dataDir, "index.jsonl"), metas.flatMap(entriesOf));
  await rename(legacyFile, await freeName(`${legacyFile}.pre-v2`));
  await syncDir(dataDir);
  console.log(`migrated ${metas.length} workshop(s) from meta.json to workshops/<id>/meta.json`);
  return metas.length;
}

function checkLegacy(v: Partial<LegacyMeta>, file: string): LegacyMeta {
  if (v.version !== 1)
    throw new StoreCorrupt(`${file} is of version ${String(v.version)}, which this server cannot migrate`);
  const missing = LEGACY_LISTS.filter((key) => v[key] !== undefined && !Array.isArray(v[key]));
  if (missing.length > 0) throw new StoreCorrupt(`${file} is corrupt: ${missing.join(", ")} not lists`);
  // Lists added after the first release may be absent from older files.
  return Object.fromEntries(LEGACY_LISTS.map((key) => [key, v[key] ?? []])) as unknown as LegacyMeta;
}

/** One pass over every list, grouping by workshop: O(everything), once. */
function splitByWorkshop(legacy: LegacyMeta): WorkshopMeta[] {
  const byId = new Map<string, WorkshopMeta>();
  for (const w of legacy.workshops) byId.set(w.id, newWorkshopMeta(w));
  const push = <K extends keyof WorkshopMeta>(key: K, records: Array<{ workshopId: string }>) => {
    for (const r of records) {
      const meta = byId.get(r.workshopId);
      if (meta) (meta[key] as unknown[]).push(r);
    }
  };
  push("participants", legacy.participants);
  push("invites", legacy.invites);
  push("sessions", legacy.sessions);
  push("audit", legacy.audit);
  push("rounds", legacy.rounds);
  push("estimates", legacy.estimates);
  push("determinations", legacy.determinations);
  push("snapshots", legacy.snapshots);
  const defaultJson = canonicalJson(DEFAULT_FRAMEWORK);
  for (const f of legacy.frameworks) {
    const meta = byId.get(f.workshopId);
    // The untouched default copied into every workshop is dropped: the stored default stands for it.
    const untouched =
      !f.lock && f.unlocks.length === 0 && !f.verdict && canonicalJson(f.framework) === defaultJson;
    if (meta && !untouched) meta.framework = f;
  }
  return [...byId.values()];
}

async function freeName(base: string): Promise<string> {
  for (let n = 0; ; n++) {
    const name = n === 0 ? base : `${base}.${n}`;
    try {
      await access(name);
    } catch {
      return name;
    }
  }
}
