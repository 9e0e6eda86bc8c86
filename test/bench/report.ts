/** Prints the comparison: each figure for both servers, the ratio ours/reference, and the targets. */
import type { FanoutResult } from "./fanout";
import type { JoinResult } from "./join";
import type { MemoryResult } from "./memory";

/** Per server (reference first, then ours): a result, or the error that stopped its measurement. */
export type PerServer<T> = Array<T | Error>;

export interface BenchResults {
  labels: string[];
  memory: PerServer<MemoryResult>;
  fanout: PerServer<FanoutResult>;
  join: PerServer<JoinResult>;
}

/** A table row: its label, how to read it from a result, decimals, and the highest acceptable ratio. */
type Spec<T> = [metric: string, get: (result: T) => number, digits: number, maxRatio?: number];

const FANOUT_ROWS: Spec<FanoutResult>[] = [
  ["fan-out p50 (ms)", (r) => r.p50, 2],
  ["fan-out p99 (ms)", (r) => r.p99, 2, 1.0],
  ["fan-out max (ms)", (r) => r.max, 2],
  ["fan-out, fastest reader p50 (ms)", (r) => r.firstP50, 2],
  ["fan-out, fastest reader p99 (ms)", (r) => r.firstP99, 2],
];
const JOIN_ROWS: Spec<JoinResult>[] = [
  ["join median (ms)", (r) => r.medianMs, 1, 1.0],
  ["join, until the state arrives (ms)", (r) => r.stateMedianMs, 1],
  ["join min (ms)", (r) => r.minMs, 1],
  ["join max (ms)", (r) => r.maxMs, 1],
];
const MEMORY_ROWS: Spec<MemoryResult>[] = [
  ["memory per room, RSS (KiB)", (r) => r.perRoomKiB, 1, 1.5],
  ["memory per room, heap (KiB)", (r) => r.heapPerRoomKiB, 1],
  ["RSS before rooms (MiB)", (r) => r.baselineKiB / 1024, 1],
  ["RSS with rooms (MiB)", (r) => r.afterKiB / 1024, 1],
];

interface Row {
  metric: string;
  values: Array<number | Error>;
  digits: number;
  maxRatio: number | undefined;
}

function rows<T>(results: PerServer<T>, specs: Spec<T>[]): Row[] {
  return specs.map(([metric, get, digits, maxRatio]) => ({
    metric,
    values: results.map((r) => (r instanceof Error ? r : get(r))),
    digits,
    maxRatio,
  }));
}

/** Prints the table and the notes below it. */
export function printReport(results: BenchResults): void {
  const all = [
    ...rows(results.fanout, FANOUT_ROWS),
    ...rows(results.join, JOIN_ROWS),
    ...rows(results.memory, MEMORY_ROWS),
  ];
  const lines: string[][] = [["metric", ...results.labels, "ours/ref", "target", "result"]];
  let passed = 0;
  let targets = 0;
  for (const row of all) {
    const [reference, ours] = row.values;
    // A ratio of non-positive figures (e.g. memory that shrank under noise) means nothing.
    const ratio =
      typeof ours === "number" && typeof reference === "number" && reference > 0 && ours >= 0
        ? ours / reference
        : Number.NaN;
    let result = "";
    if (row.maxRatio !== undefined) {
      const pass = Number.isFinite(ratio) && ratio <= row.maxRatio;
      targets += 1;
      if (pass) passed += 1;
      result = pass ? "PASS" : "FAIL";
    }
    lines.push([
      row.metric,
      ...row.values.map((v) => (v instanceof Error ? "error" : v.toFixed(row.digits))),
      Number.isFinite(ratio) ? ratio.toFixed(2) : "n/a",
      row.maxRatio === undefined ? "-" : `<= ${row.maxRatio.toFixed(1)}`,
      result,
    ]);
  }
  printColumns(lines);
  console.log("");
  for (const [i, label] of results.labels.entries()) {
    const errors = [results.memory[i], results.fanout[i], results.join[i]].filter((r) => r instanceof Error);
    for (const err of new Set(errors)) console.log(`${label}: a measurement failed: ${err.message}`);
    notes(label, results.fanout[i], (f) => `${f.received}/${f.expected} (edit, reader) pairs received`);
    notes(
      label,
      results.memory[i],
      (m) => `a room held ${m.initialBytes} bytes (encoded) before its client wrote`,
    );
    notes(
      label,
      results.join[i],
      (j) =>
        `document of ${(j.docBytes / 1024).toFixed(0)} KiB (encoded), ` +
        `built and stored in ${(j.buildMs / 1000).toFixed(1)} s`,
    );
  }
  console.log(
    `targets (ours/reference): fan-out p99 <= 1.0, join median <= 1.0, memory per room (RSS) <= 1.5: ` +
      `${passed}/${targets} pass`,
  );
}

function notes<T>(label: string, result: T | Error | undefined, text: (result: T) => string): void {
  if (result !== undefined && !(result instanceof Error)) console.log(`${label}: ${text(result)}`);
}

function printColumns(lines: string[][]): void {
  const widths = (lines[0] ?? []).map((_, c) => Math.max(...lines.map((l) => (l[c] ?? "").length)));
  for (const [i, line] of lines.entries()) {
    const cells = line.map((cell, c) =>
      c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0),
    );
    console.log(cells.join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

export function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
