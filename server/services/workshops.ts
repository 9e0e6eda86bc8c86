/** Creating workshops and reading them: the workshop, its participants, the caller. */
import type {
  CreateWorkshopBody,
  CreateWorkshopResponse,
  MeResponse,
  ParticipantView,
} from "../../shared/api";
import { writeParticipant, writeWorkshop } from "../../shared/controlDoc";
import { forbidden, notFound } from "../domainErrors";
import type { WorkshopRecord } from "../store/records";
import type { MetaRepository } from "../store/repository";
import type { ControlProjection } from "./controlProjection";
import { presentParticipant, presentWorkshop } from "./presenters";
import { newSession } from "./sessionIssuer";
import type { SessionContext } from "./sessions";
import { newId } from "./tokens";

export interface WorkshopServiceDeps {
  meta: MetaRepository;
  control: ControlProjection;
  sessionTtlMs: number;
}

export class WorkshopService {
  constructor(private readonly deps: WorkshopServiceDeps) {}

  async create(body: CreateWorkshopBody): Promise<CreateWorkshopResponse> {
    const { meta, control, sessionTtlMs } = this.deps;
    const now = Date.now();
    const workshop: WorkshopRecord = {
      id: newId(),
      title: body.title,
      ...(body.subject ? { subject: body.subject } : {}),
      createdAt: new Date(now).toISOString(),
    };
    const { token, participant, session } = newSession({
      workshopId: workshop.id,
      displayName: body.displayName ?? "Facilitator",
      role: "facilitator",
      sessionTtlMs,
      now,
    });
    await meta.createWorkshop(
      { workshop, participant, session },
      { actor: participant.id, at: workshop.createdAt },
    );
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
  async get(ctx: SessionContext, workshopId: string) {
    await this.ensureSameWorkshop(ctx, workshopId);
    return { workshop: presentWorkshop(ctx.workshop) };
  }

  async participants(ctx: SessionContext, workshopId: string): Promise<{ participants: ParticipantView[] }> {
    await this.ensureSameWorkshop(ctx, workshopId);
    return { participants: (await this.deps.meta.participantsOf(workshopId)).map(presentParticipant) };
  }

  me(ctx: SessionContext): MeResponse {
    return { workshop: presentWorkshop(ctx.workshop), participant: presentParticipant(ctx.participant) };
  }

  async ensureSameWorkshop(ctx: SessionContext, workshopId: string): Promise<void> {
    if (ctx.workshop.id === workshopId) return;
    if (!(await this.deps.meta.workshop(workshopId))) throw notFound("workshop");
    throw forbidden("this session belongs to another workshop");
  }
}
