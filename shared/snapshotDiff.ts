/**
 * What changed between two snapshots: scenarios added, removed and changed (title, status, risk,
 * narrative words, step and evidence counts) and each scenario's standing before and after
 * mitigation. Pure, so the compare view only draws what this computes.
 */
import type { Content, RichTextNode, Scenario } from "./content/schema";
import type { ScenarioStanding } from "./snapshot";

/** One side of the comparison: a snapshot's content and the standings it froze. */
export interface SnapshotSide {
  content: Content;
  standings: Record<string, ScenarioStanding>;
}

export interface DiffSegment {
  kind: "same" | "ins" | "del";
  text: string;
}

export interface Change<T> {
  from: T;
  to: T;
}

/** A standing reduced to what the comparison shows. */
export interface StandingBrief {
  roundNumber: number;
  low: number;
  best: number;
  high: number;
  tierId: string | null;
}

export interface StandingChange {
  from: StandingBrief | null;
  to: StandingBrief | null;
  /** By the pooled best probability; "new" and "gone" when only one side has an estimate. */
  direction: "up" | "down" | "same" | "new" | "gone";
  tierChanged: boolean;
}

export interface ScenarioBrief {
  id: string;
  title: string;
  riskId: string;
}

export interface ScenarioChange extends ScenarioBrief {
  title: string;
  titleChange?: Change<string>;
  statusChange?: Change<string>;
  riskChange?: Change<string>;
  /** The narrative as a word diff; absent when the text is the same. */
  narrative?: DiffSegment[];
  steps?: Change<number>;
  evidence?: Change<number>;
  pre?: StandingChange;
  residual?: StandingChange;
}

export interface SnapshotDiff {
  added: ScenarioBrief[];
  removed: ScenarioBrief[];
  changed: ScenarioChange[];
  unchanged: number;
}

const brief = (s: Scenario): ScenarioBrief => ({ id: s.id, title: s.title, riskId: s.riskId });

export function diffSnapshots(from: SnapshotSide, to: SnapshotSide): SnapshotDiff {
  const before = new Map(from.content.scenarios.map((s) => [s.id, s]));
  const after = new Map(to.content.scenarios.map((s) => [s.id, s]));
  const added = to.content.scenarios.filter((s) => !before.has(s.id)).map(brief);
  const removed = from.content.scenarios.filter((s) => !after.has(s.id)).map(brief);
  const changed: ScenarioChange[] = [];
  let unchanged = 0;
  for (const b of to.content.scenarios) {
    const a = before.get(b.id);
    if (!a) continue;
    const change = scenarioChange(a, b, from.standings[b.id], to.standings[b.id]);
    if (change) changed.push(change);
    else unchanged++;
  }
  return { added, removed, changed, unchanged };
}

function scenarioChange(
  a: Scenario,
  b: Scenario,
  sa: ScenarioStanding | undefined,
  sb: ScenarioStanding | undefined,
): ScenarioChange | null {
  const change: ScenarioChange = brief(b);
  let any = false;
  const set = <K extends keyof ScenarioChange>(key: K, value: ScenarioChange[K] | undefined) => {
    if (value === undefined) return;
    change[key] = value;
    any = true;
  };
  set("titleChange", differ(a.title, b.title));
  set("statusChange", differ(a.status, b.status));
  set("riskChange", differ(a.riskId, b.riskId));
  const textA = narrativeText(a.narrative);
  const textB = narrativeText(b.narrative);
  if (textA !== textB) set("narrative", wordDiff(textA, textB));
  set("steps", differ(a.steps.length, b.steps.length));
  set("evidence", differ(a.evidence.length, b.evidence.length));
  set("pre", standingChange(sa?.pre ?? null, sb?.pre ?? null));
  set("residual", standingChange(sa?.residual ?? null, sb?.residual ?? null));
  return any ? change : null;
}

const differ = <T>(from: T, to: T): Change<T> | undefined => (from === to ? undefined : { from, to });

type Aggregate = NonNullable<ScenarioStanding["pre"]>;

function standingBrief(a: Aggregate): StandingBrief {
  const { low, best, high } = a.probability;
  return { roundNumber: a.roundNumber, low, best, high, tierId: a.tier?.id ?? null };
}

/** Undefined when both sides are the same (or both have no estimate). */
export function standingChange(from: Aggregate | null, to: Aggregate | null): StandingChange | undefined {
  const f = from ? standingBrief(from) : null;
  const t = to ? standingBrief(to) : null;
  if (!f && !t) return undefined;
  const tierChanged = (f?.tierId ?? null) !== (t?.tierId ?? null);
  if (!f) return { from: f, to: t, direction: "new", tierChanged };
  if (!t) return { from: f, to: t, direction: "gone", tierChanged };
  const same = f.low === t.low && f.best === t.best && f.high === t.high;
  if (same && !tierChanged && f.roundNumber === t.roundNumber) return undefined;
  const direction = t.best > f.best ? "up" : t.best < f.best ? "down" : "same";
  return { from: f, to: t, direction, tierChanged };
}

const BLOCKS = new Set(["paragraph", "heading", "listItem", "blockquote", "codeBlock"]);

/** The narrative's words: text nodes joined, one block per line. */
export function narrativeText(node: RichTextNode): string {
  const lines: string[] = [];
  let line = "";
  // An explicit stack (enter, then leave after the children): a narrative may nest deep.
  const stack: Array<{ n: RichTextNode; leaving: boolean }> = [{ n: node, leaving: false }];
  while (stack.length > 0) {
    const { n, leaving } = stack.pop()!;
    if (leaving) {
      if (BLOCKS.has(n.type) && line !== "") {
        lines.push(line);
        line = "";
      }
      continue;
    }
    if (n.type === "text") line += n.text ?? "";
    else if (n.type === "hardBreak") line += "\n";
    stack.push({ n, leaving: true });
    const content = n.content ?? [];
    for (let i = content.length - 1; i >= 0; i--) stack.push({ n: content[i]!, leaving: false });
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}

/** Beyond this many token pairs the LCS table is too large to build: the diff is then whole-text. */
const MAX_CELLS = 4_000_000;

/** A word-level diff (whitespace kept as its own tokens), by longest common subsequence. */
export function wordDiff(from: string, to: string): DiffSegment[] {
  const a = tokens(from);
  const b = tokens(to);
  if (a.length * b.length > MAX_CELLS)
    return merge([
      { kind: "del", text: from },
      { kind: "ins", text: to },
    ]);
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], flattened.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[at(i, j)] =
        a[i] === b[j]
          ? (lcs[at(i + 1, j + 1)] ?? 0) + 1
          : Math.max(lcs[at(i + 1, j)] ?? 0, lcs[at(i, j + 1)] ?? 0);
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const x = a[i] ?? "";
    if (x === b[j]) {
      out.push({ kind: "same", text: x });
      i++;
      j++;
    } else if ((lcs[at(i + 1, j)] ?? 0) >= (lcs[at(i, j + 1)] ?? 0)) {
      out.push({ kind: "del", text: x });
      i++;
    } else {
      out.push({ kind: "ins", text: b[j] ?? "" });
      j++;
    }
  }
  for (; i < n; i++) out.push({ kind: "del", text: a[i] ?? "" });
  for (; j < m; j++) out.push({ kind: "ins", text: b[j] ?? "" });
  return merge(groupChanges(out));
}

/**
 * Per-token segments with each run of changes that both deletes and inserts words gathered into its
 * deletions then its insertions. Whitespace between two changes joins the run (on both sides, so
 * both texts still reassemble): kept as "same", it split a replaced phrase into word-by-word pairs
 * that are hard to read. A run that only inserts or only deletes is left as it was.
 */
function groupChanges(segments: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let run: DiffSegment[] = [];
  const flush = () => {
    const text = (kind: "del" | "ins") =>
      run
        .filter((r) => r.kind === kind || r.kind === "same")
        .map((r) => r.text)
        .join("");
    const words = (kind: "del" | "ins") => run.some((r) => r.kind === kind && r.text.trim() !== "");
    if (words("del") && words("ins")) {
      // Whitespace both sides start or end with is unchanged, and marking it only looks like noise.
      const del = text("del");
      const ins = text("ins");
      const lead = commonWhitespace(del, ins);
      const trail = commonWhitespace(del, ins, true);
      const inner = (t: string) => t.slice(lead.length, t.length - trail.length);
      out.push(
        { kind: "same", text: lead },
        { kind: "del", text: inner(del) },
        { kind: "ins", text: inner(ins) },
        { kind: "same", text: trail },
      );
    } else out.push(...run);
    run = [];
  };
  segments.forEach((s, k) => {
    const next = segments[k + 1];
    const between =
      s.kind === "same" && run.length > 0 && /^\s+$/.test(s.text) && next && next.kind !== "same";
    if (s.kind !== "same" || between) run.push(s);
    else {
      flush();
      out.push(s);
    }
  });
  flush();
  return out;
}

/** The longest whitespace both texts start with (or, with `end`, end with). */
function commonWhitespace(a: string, b: string, end = false): string {
  const edge = (t: string) => (end ? (t.match(/\s*$/)?.[0] ?? "") : (t.match(/^\s*/)?.[0] ?? ""));
  const x = edge(a);
  const y = edge(b);
  let n = 0;
  while (n < x.length && n < y.length && (end ? x.at(-1 - n) === y.at(-1 - n) : x[n] === y[n])) n++;
  return end ? x.slice(x.length - n) : x.slice(0, n);
}

const tokens = (s: string): string[] => s.split(/(\s+)/).filter((t) => t !== "");

/** Adjacent segments of one kind joined; empty ones dropped. */
function merge(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const s of segments) {
    if (s.text === "") continue;
    const last = out[out.length - 1];
    if (last && last.kind === s.kind) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}
