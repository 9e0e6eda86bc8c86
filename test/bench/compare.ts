/**
 * The comparison the issue's targets are set on: ours, the reference y-websocket server and
 * Hocuspocus (each with its own client), on fresh processes for each of 3 rounds, each figure
 * measured with the servers interleaved (in turn, in an order that rotates from round to round),
 * then the median of the rounds, each ratio ours ÷ reference with its target and PASS/FAIL.
 */
import { measureFanout } from "./fanout";
import { collectBenchGarbage } from "./gc";
import { measureJoin } from "./join";
import { measureMemory } from "./memory";
import { asError } from "./report";
import { type BenchServer, startHocuspocus, startOurs, startReference } from "./servers";
import { median } from "./stats";
import { measureThroughput } from "./throughput";
import { measureTyping } from "./typing";
import { sleep } from "./wait";

export interface CompareSizes {
  rounds: number;
  fanout: { readers: number; warmupEdits: number; edits: number; blocks: number; spacingMs: number };
  throughput: { readers: number; writeMs: number; offeredPerSecond: number; drainTimeoutMs: number };
  join: { mapEntries: number; fieldsPerEntry: number; textEdits: number; joins: number };
  memoryRooms: number;
  typing: { typists: number; charsPerSecond: number; durationMs: number };
}

const LABELS = ["ours", "reference", "hocuspocus"] as const;
type Label = (typeof LABELS)[number];
type Figures = Record<string, number>;

/** The figures, how each is compared, and its target. */
const TARGETS: Array<{
  key: string;
  name: string;
  /** "info": no target, printed beside the targets to show where a figure's time goes. */
  kind: "max" | "min" | "absMax" | "info";
  target: number;
  unit: string;
}> = [
  {
    key: "throughput",
    name: "updates/s at the slowest of the receivers",
    kind: "min",
    target: 1.5,
    unit: "/s",
  },
  { key: "backlog", name: "backlog after the writer stopped", kind: "absMax", target: 2000, unit: "ms" },
  { key: "converged", name: "every document converged (1 = yes)", kind: "absMax", target: 1, unit: "" },
  { key: "cpuPerMessage", name: "server CPU per relayed message", kind: "max", target: 0.8, unit: "µs" },
  { key: "fanoutP99", name: "fan-out p99", kind: "max", target: 0.8, unit: "ms" },
  info("fanoutP50", "fan-out p50", "ms"),
  info("fanoutFirstP99", "fan-out p99 to each edit's first reader", "ms"),
  info("fanoutClientCpu", "the bench's clients' CPU during fan-out", "%"),
  { key: "join", name: "join of the large document", kind: "max", target: 0.8, unit: "ms" },
  info("joinState", "the state's arrival, before the client decodes it", "ms"),
  {
    key: "joinEditing",
    name: "join of the large document while it is edited",
    kind: "max",
    target: 0.8,
    unit: "ms",
  },
  info("joinEditingState", "the state's arrival, before the client decodes it", "ms"),
  { key: "rssAtRest", name: "RSS before any client", kind: "max", target: 1.3, unit: "MiB" },
  { key: "heapPerRoom", name: "JS heap per open room", kind: "max", target: 1.0, unit: "KiB" },
  { key: "typingP99", name: "typing: keystroke → every peer p99", kind: "max", target: 0.8, unit: "ms" },
  info("typingP50", "typing p50", "ms"),
  info("typingLoopP99", "the server's event-loop delay p99 while typing", "ms"),
  info("benchCpu", "the bench's clients' CPU while typing", "%"),
];

/** A figure without a target, printed under the one whose time it explains. */
function info(key: string, name: string, unit: string): (typeof TARGETS)[number] {
  return { key, name: `  ${name}`, kind: "info", target: 0, unit };
}

const STARTERS: Record<Label, () => Promise<BenchServer>> = {
  ours: () =>
    startOurs({
      // One session and one client write flat out: the per-session limits exist to stop that.
      MESSAGES_PER_SECOND: "1000000",
      BYTES_PER_SECOND: String(2 ** 40),
      CPU_MS_PER_SECOND: "1000000",
      AWARENESS_PER_SECOND: "1000000",
    }),
  reference: startReference,
  hocuspocus: startHocuspocus,
};

async function step<T>(what: string, fn: () => Promise<T>): Promise<T | Error> {
  const started = performance.now();
  try {
    const result = await fn();
    console.log(`    ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (err) {
    console.log(`    ${what}: failed: ${asError(err).message}`);
    return asError(err);
  }
}

/** One round on fresh processes; `order` is the order in which the servers take their turns. */
async function round(sizes: CompareSizes, order: Label[]): Promise<Record<Label, Figures>> {
  const figures = Object.fromEntries(LABELS.map((l) => [l, {}])) as Record<Label, Figures>;
  const servers: BenchServer[] = [];
  try {
    for (const label of order) servers.push(await STARTERS[label]());
    const labelOf = (i: number) => order[i] as Label;
    await sleep(1_000);
    for (const [i, server] of servers.entries()) {
      await server.collectGarbage();
      figures[labelOf(i)].rssAtRest = server.rssKiB() / 1024;
    }
    for (const [i, server] of servers.entries()) {
      const memory = await step(`memory, ${labelOf(i)}`, () => measureMemory(server, sizes.memoryRooms));
      if (!(memory instanceof Error)) figures[labelOf(i)].heapPerRoom = memory.heapPerRoomKiB;
    }
    await sleep(2_000);
    collectBenchGarbage();
    const fanout = await step(`fan-out to ${sizes.fanout.readers}`, () =>
      measureFanout(servers, sizes.fanout),
    );
    if (!(fanout instanceof Error))
      for (const [i, r] of fanout.entries())
        if (!(r instanceof Error)) {
          figures[labelOf(i)].fanoutP99 = r.p99;
          figures[labelOf(i)].fanoutP50 = r.p50;
          figures[labelOf(i)].fanoutFirstP99 = r.firstP99;
          figures[labelOf(i)].fanoutClientCpu = r.clientCpuPercent;
          figures[labelOf(i)].cpuPerMessage = r.cpuPerMessageUs;
        }
    for (const [i, server] of servers.entries()) {
      collectBenchGarbage();
      const t = await step(`throughput, ${labelOf(i)}`, () => measureThroughput(server, sizes.throughput));
      if (t instanceof Error) continue;
      Object.assign(figures[labelOf(i)], {
        throughput: t.slowestPerSecond,
        backlog: t.backlogMs,
        converged: t.converged ? 1 : 0,
        edits: t.edits,
      });
    }
    for (const editing of [false, true]) {
      collectBenchGarbage();
      const join = await step(`joins${editing ? " while edited" : ""}`, () =>
        measureJoin(servers, { ...sizes.join, editing }),
      );
      if (join instanceof Error) continue;
      for (const [i, r] of join.entries())
        if (!(r instanceof Error)) {
          figures[labelOf(i)][editing ? "joinEditing" : "join"] = r.medianMs;
          figures[labelOf(i)][editing ? "joinEditingState" : "joinState"] = r.stateMedianMs;
          figures[labelOf(i)].docBytes = r.docBytes;
        }
    }
    for (const [i, server] of servers.entries()) {
      collectBenchGarbage();
      // Resets the server's event-loop histogram (after a collection, well before the typing).
      await server.collectGarbage();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const t = await step(`typing, ${labelOf(i)}`, () => measureTyping(server, sizes.typing));
      const used = process.cpuUsage(cpu);
      const benchCpu = ((used.user + used.system) / 1000 / (performance.now() - started)) * 100;
      if (t instanceof Error) continue;
      const { eventLoop } = await server.collectGarbage();
      Object.assign(figures[labelOf(i)], {
        typingP99: t.p99,
        typingP50: t.p50,
        typingLoopP99: eventLoop.p99,
        benchCpu,
        typingComplete: t.complete / Math.max(1, t.keystrokes),
      });
    }
    for (const [i, server] of servers.entries()) {
      const tail = server.stderrTail();
      if (tail) console.log(`    ${labelOf(i)} wrote to stderr:\n${tail.split("\n").slice(-5).join("\n")}`);
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop().catch(() => {})));
  }
  return figures;
}

export async function runComparison(sizes: CompareSizes): Promise<void> {
  const rounds: Array<Record<Label, Figures>> = [];
  for (let r = 0; r < sizes.rounds; r++) {
    // Each round the servers take their turns in a rotated order.
    const order = LABELS.map((_, i) => LABELS[(i + r) % LABELS.length] as Label);
    console.log(`  round ${r + 1} (order: ${order.join(", ")})`);
    rounds.push(await round(sizes, order));
    for (const label of LABELS) console.log(`    ${label}: ${format(rounds[r]?.[label] ?? {})}`);
  }
  const med = (label: Label, key: string) =>
    median(
      rounds.map((r) => r[label][key]).filter((v): v is number => v !== undefined && Number.isFinite(v)),
    );
  console.log("");
  console.log(`Medians of ${sizes.rounds} rounds (ratio = ours ÷ reference)`);
  const header = ["figure", "ours", "reference", "hocuspocus", "ratio", "target", "result"];
  const rows = [header];
  for (const t of TARGETS) {
    const [o, ref, hp] = LABELS.map((l) => med(l, t.key)) as [number, number, number];
    const ratio = o / ref;
    if (t.kind === "info") {
      rows.push([`${t.name} (${t.unit})`, fmt(o), fmt(ref), fmt(hp), fmt(ratio), "-", "-"]);
      continue;
    }
    const pass =
      t.kind === "max"
        ? ratio <= t.target
        : t.kind === "min"
          ? ratio >= t.target
          : t.key === "converged"
            ? o >= 1
            : o <= t.target;
    const target =
      t.kind === "max"
        ? `≤ ${t.target}×`
        : t.kind === "min"
          ? `≥ ${t.target}×`
          : t.key === "converged"
            ? "= 1"
            : `≤ ${t.target} ${t.unit}`;
    rows.push([
      `${t.name}${t.unit ? ` (${t.unit})` : ""}`,
      fmt(o),
      fmt(ref),
      fmt(hp),
      t.kind === "absMax" ? "-" : fmt(ratio),
      target,
      Number.isNaN(o) ? "NO DATA" : pass ? "PASS" : "FAIL",
    ]);
  }
  const widths = header.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? "").length)));
  for (const row of rows) console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(" | ")} |`);
  console.log(
    `large document: ${fmt(med("ours", "docBytes") / 1e6)} MB; edits written in the throughput run: ${LABELS.map((l) => `${l} ${fmt(med(l, "edits"))}`).join(", ")}`,
  );
  console.log(
    `typing, share of keystrokes that reached every peer: ${LABELS.map((l) => `${l} ${fmt(med(l, "typingComplete"))}`).join(", ")}`,
  );
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
}

function format(figures: Figures): string {
  return Object.entries(figures)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(", ");
}
