/** Which risks the ladders are listed for: the content's risks, then any ladder key no risk has. */
export interface RiskRef {
  id: string;
  title: string;
  specified: boolean;
}

export function ladderRisks(
  risks: ReadonlyArray<{ id: string; title: string; specified: boolean; archived: boolean }>,
  ladderIds: readonly string[],
): RiskRef[] {
  const shown: RiskRef[] = risks
    .filter((r) => !r.archived || ladderIds.includes(r.id))
    .map((r) => ({
      id: r.id,
      title: r.archived ? `${r.title} (archived)` : r.title,
      specified: r.specified,
    }));
  const known = new Set(shown.map((r) => r.id));
  for (const id of ladderIds)
    if (!known.has(id)) shown.push({ id, title: `${id} (no such risk)`, specified: false });
  return shown;
}
