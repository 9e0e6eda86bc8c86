/** Creating workshops and reading them: the workshop, its participants, the caller. */
import type {
  CreateWorkshopBody,
  CreateWorkshopResponse,
  MeResponse,
  ParticipantView,
} from "../../shared/api";
import { writeParticipant, writeWorkshop } from "../../shared/controlDoc";
import { ApiError, forbidden } from "../http/errors";
import type { MetaStore } from "../store/metaStore";
import type { ControlProjection } from "./controlProjection";
import { presentParticipant, presentWorkshop } from "./presenters";
import { issueSession } from "./sessionIssuer";
import type { SessionContext } from "./sessions";
import { newId } from "./tokens";

export interface WorkshopServiceDeps {
  store: MetaStore;
  control: ControlProjection;
  sessionTtlMs: number;
}

export class WorkshopService {
  constructor(private readonly deps: WorkshopServiceDeps) {}

  async create(body: CreateWorkshopBody): Promise<CreateWorkshopResponse> {
    const { store, control, sessionTtlMs } = this.deps;
    const now = new Date().toISOString();
    const workshop = {
      id: newId(),
      title: body.title,
      ...(body.subject ? { subject: body.subject } : {}),
      createdAt: now,
    };
    store.addWorkshop(workshop);
    const { token, participant } = issueSession(store, {
      workshopId: workshop.id,
      displayName: body.displayName ?? "Facilitator",
      role: "facilitator",
      sessionTtlMs,
    });
    store.audit({ at: now, workshopId: workshop.id, actor: participant.id, action: "workshop.create" });
    await store.commit();
    await control.write(workshop.id, (doc) => {
      writeWorkshop(doc, presentWorkshop(workshop));
      writeParticipant(doc, presentParticipant(participant));
    });
    await control.seedContent(workshop.id);
    return {
      workshop: presentWorkshop(workshop),
      session: { token, participant: presentParticipant(participant) },
    };
  }

  /** The caller's own workshop; a session of another workshop is refused. */
  get(ctx: SessionContext, workshopId: string) {
    this.ensureSameWorkshop(ctx, workshopId);
    return { workshop: presentWorkshop(ctx.workshop) };
  }

  participants(ctx: SessionContext, workshopId: string): { participants: ParticipantView[] } {
    this.ensureSameWorkshop(ctx, workshopId);
    return { participants: this.deps.store.participantsOf(workshopId).map(presentParticipant) };
  }

  me(ctx: SessionContext): MeResponse {
    return { workshop: presentWorkshop(ctx.workshop), participant: presentParticipant(ctx.participant) };
  }

  ensureSameWorkshop(ctx: SessionContext, workshopId: string): void {
    if (ctx.workshop.id === workshopId) return;
    if (!this.deps.store.workshop(workshopId)) throw new ApiError(404, "not_found", "workshop not found");
    throw forbidden("this session belongs to another workshop");
  }
}
