import { describe, expect, it } from "vitest";
import type { HistoryResponse } from "../../client/api";
import { upTo } from "../../client/charts/useHistory";

const entry = (id: string) => ({
  id,
  label: id,
  takenAt: "2026-11-30T10:00:00.000Z",
  takenBy: "Fran",
  auto: false,
  sha256: "0".repeat(64),
  bytes: 1,
  verified: true,
});
const point = (snapshotId: string) => ({
  snapshotId,
  label: snapshotId,
  takenAt: "2026-11-30T10:00:00.000Z",
  pre: null,
  residual: null,
});

describe("upTo", () => {
  it("keeps only the snapshots the room lists, on the axis and on every line", () => {
    const data: HistoryResponse = {
      snapshots: [entry("a"), entry("b"), entry("c")],
      history: [{ scenarioId: "s1", points: [point("a"), point("c")] }],
    };
    const cut = upTo(data, new Set(["a", "b"]));
    expect(cut.snapshots.map((s) => s.id)).toEqual(["a", "b"]);
    expect(cut.history).toEqual([{ scenarioId: "s1", points: [point("a")] }]);
  });
});
