/**
 * Models: create one (the route applies the creation gate), attach and detach workshops (their
 * facilitators), and sign off one snapshot per workshop. The store checks each rule inside its
 * write (`changeModel`'s decide), so two racing requests never both pass a limit.
 */
import type { CreateModelBody, MetCondition, ModelView, SignOff } from "../../shared/models";
import { DomainError, notFound } from "../domainErrors";
import type { ModelRecord, ModelStore } from "../store/modelRecords";
import type { MetaRepository } from "../store/repository";
import type { ConditionService } from "./conditions";
import {
  holdsModelToken,
  loadModel,
  type ModelCaller,
  modelCaller,
  workshopFacilitator,
} from "./modelAccess";
import type { SnapshotService } from "./snapshots";
import { hashToken, newId, newToken } from "./tokens";

export interface ModelDeps {
  meta: MetaRepository;
  models: ModelStore;
  snapshots: Pick<SnapshotService, "read">;
  conditions: Pick<ConditionService, "states">;
  maxWorkshops: number;
}

export class ModelService {
  constructor(private readonly deps: ModelDeps) {}

  async create(body: CreateModelBody): Promise<{ model: ModelView; token: string }> {
    const token = newToken();
    const at = new Date().toISOString();
    const { displayName, ...fields } = body;
    const record = await this.deps.models.createModel(
      {
        id: newId(),
        ...fields,
        createdAt: at,
        createdBy: displayName,
        tokenHash: hashToken(token),
        workshops: [],
        reports: [],
      },
      { actor: `creator:${displayName}`, at },
    );
    return { model: await this.view(record), token };
  }

  /** The model and who is asking, refused unless they may read it. */
  async caller(id: string, token: string | undefined): Promise<{ model: ModelRecord; caller: ModelCaller }> {
    const model = await loadModel(this.deps.models, id);
    return { model, caller: await modelCaller(this.deps.meta, model, token) };
  }

  async get(id: string, token: string | undefined): Promise<{ model: ModelView }> {
    const { model } = await this.caller(id, token);
    return { model: await this.view(model) };
  }

  /** The bearer is a facilitator of the workshop; `modelToken` shows they may add to the model. */
  async attach(id: string, token: string | undefined, workshopId: string, modelToken: string) {
    const ctx = await workshopFacilitator(this.deps.meta, token, workshopId, "attach it to a model");
    const model = await loadModel(this.deps.models, id);
    if (!holdsModelToken(model, modelToken))
      throw new DomainError("forbidden", "the model token does not match this model");
    const { maxWorkshops } = this.deps;
    const next = await this.deps.models.changeModel(
      id,
      (current) => {
        if (current.workshops.some((w) => w.workshopId === workshopId)) return current;
        if (current.workshops.length >= maxWorkshops)
          throw new DomainError(
            "model_limit",
            `a model groups at most ${maxWorkshops} workshops (MAX_MODEL_WORKSHOPS)`,
          );
        const attached = {
          workshopId,
          attachedAt: new Date().toISOString(),
          attachedBy: ctx.participant.id,
          signOff: null,
        };
        return { ...current, workshops: [...current.workshops, attached] };
      },
      "model.attach",
      workshopId,
      { actor: ctx.participant.id, at: new Date().toISOString() },
    );
    return { model: await this.view(next) };
  }

  /** By a facilitator of the workshop, or the model token's holder. */
  async detach(id: string, token: string | undefined, workshopId: string) {
    const model = await loadModel(this.deps.models, id);
    const actor =
      token && holdsModelToken(model, token)
        ? "model-token"
        : (await workshopFacilitator(this.deps.meta, token, workshopId, "detach it from a model")).participant
            .id;
    if (!model.workshops.some((w) => w.workshopId === workshopId)) throw notFound("attached workshop");
    const next = await this.deps.models.changeModel(
      id,
      (current) => ({ ...current, workshops: current.workshops.filter((w) => w.workshopId !== workshopId) }),
      "model.detach",
      workshopId,
      { actor, at: new Date().toISOString() },
    );
    return { model: await this.view(next) };
  }

  /** Marks one snapshot, verified by its hash now, as the workshop's sign-off for the model. */
  async signOff(id: string, token: string | undefined, workshopId: string, snapshotId: string) {
    const ctx = await workshopFacilitator(this.deps.meta, token, workshopId, "sign off a snapshot");
    const model = await loadModel(this.deps.models, id);
    if (!model.workshops.some((w) => w.workshopId === workshopId)) throw notFound("attached workshop");
    const entry = (await this.deps.meta.snapshotsOf(workshopId)).find((s) => s.id === snapshotId);
    if (!entry) throw notFound("snapshot");
    // Throws snapshot_corrupt for a blob that no longer matches: nothing tampered is signed off.
    await this.deps.snapshots.read(workshopId, snapshotId);
    const at = new Date().toISOString();
    const signOff: SignOff = {
      snapshotId,
      sha256: entry.sha256,
      label: entry.label,
      takenAt: entry.takenAt,
      at,
      by: ctx.participant.displayName,
    };
    const next = await this.deps.models.changeModel(
      id,
      (current) => {
        if (!current.workshops.some((w) => w.workshopId === workshopId)) throw notFound("attached workshop");
        return {
          ...current,
          workshops: current.workshops.map((w) => (w.workshopId === workshopId ? { ...w, signOff } : w)),
        };
      },
      "model.signoff",
      `${workshopId}/${snapshotId}`,
      { actor: ctx.participant.id, at },
    );
    return { model: await this.view(next) };
  }

  async view(model: ModelRecord): Promise<ModelView> {
    const workshops = [];
    const conditionsNoLongerHold: MetCondition[] = [];
    for (const w of model.workshops) {
      const record = await this.deps.meta.workshop(w.workshopId);
      const title = record?.title ?? "(workshop not found)";
      workshops.push({ ...w, title });
      if (!record) continue;
      // Live, as each workshop stands now: bounded by MAX_MODEL_WORKSHOPS.
      for (const risk of await this.deps.conditions.states(w.workshopId))
        for (const c of risk.conditions)
          if (c.met)
            conditionsNoLongerHold.push({
              workshopId: w.workshopId,
              workshopTitle: title,
              riskId: risk.riskId,
              riskTitle: risk.riskTitle,
              conditionId: c.id,
              description: c.description,
              reason: c.reason ?? "",
            });
    }
    const { id, name, version, description, deploymentContext, createdAt, createdBy, reports } = model;
    return {
      id,
      name,
      version,
      description,
      deploymentContext,
      createdAt,
      createdBy,
      workshops,
      reports: [...reports],
      conditionsNoLongerHold,
    };
  }
}
