/** Model tokens kept in this browser (shown once by the server), with the model's name for the start page. */
const PREFIX = "riskroom.model.";

export interface StoredModel {
  id: string;
  name: string;
  token: string;
}

export function saveModel(model: StoredModel): void {
  localStorage.setItem(PREFIX + model.id, JSON.stringify(model));
}

export function loadModel(id: string): StoredModel | null {
  return parse(localStorage.getItem(PREFIX + id));
}

export function listModels(): StoredModel[] {
  const out: StoredModel[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const m = parse(localStorage.getItem(key));
    if (m) out.push(m);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Storage is user-editable: anything malformed counts as no model. */
function parse(raw: string | null): StoredModel | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<StoredModel>;
    return typeof v.id === "string" && typeof v.name === "string" && typeof v.token === "string"
      ? { id: v.id, name: v.name, token: v.token }
      : null;
  } catch {
    return null;
  }
}
