/** Invite links: made by facilitators, used to join, revoked with every session they opened. */
import type {
  CreateInviteBody,
  CreateInviteResponse,
  InvitePreviewBody,
  InvitePreviewResponse,
  InviteView,
  JoinBody,
  JoinResponse,
} from "../../shared/api";
import { writeParticipant } from "../../shared/controlDoc";
import { CloseCode } from "../../shared/limits";
import { canFacilitate } from "../../shared/roles";
import { forbidden, invalidInput, notFound } from "../domainErrors";
import { usableInvite } from "../store/guards";
import type { InviteRecord } from "../store/records";
import type { MetaRepository } from "../store/repository";
import type { RoomBus } from "../sync/bus";
import type { ControlProjection } from "./controlProjection";
import { presentInvite, presentParticipant, presentWorkshop } from "./presenters";
import { stampOf } from "./roles";
import type { SessionContext } from "./sessions";
import { hashToken, newId, newToken } from "./tokens";

export interface InviteServiceDeps {
  meta: MetaRepository;
  control: ControlProjection;
  /** Closes the sockets of revoked sessions on every instance. */
  bus: RoomBus;
  sessionTtlMs: number;
}

export class InviteService {
  constructor(private readonly deps: InviteServiceDeps) {}

  async create(ctx: SessionContext, body: CreateInviteBody, linkBase: string): Promise<CreateInviteResponse> {
    requireFacilitator(ctx);
    if (body.expiresAt && Date.parse(body.expiresAt) <= Date.now())
      throw invalidInput("expiresAt must be in the future", { expiresAt: ["must be in the future"] });
    const token = newToken();
    const stamp = stampOf(ctx);
    const invite = await this.deps.meta.addInvite(
      {
        id: newId(),
        workshopId: ctx.workshop.id,
        role: body.role,
        ...(body.label ? { label: body.label } : {}),
        tokenHash: hashToken(token),
        createdAt: stamp.at,
        createdBy: ctx.participant.id,
        ...(body.expiresAt ? { expiresAt: new Date(body.expiresAt).toISOString() } : {}),
        ...(body.maxUses ? { maxUses: body.maxUses } : {}),
        uses: 0,
      } satisfies InviteRecord,
      stamp,
    );
    // The token travels in the fragment, which browsers never send to a server.
    return { invite: presentInvite(invite), token, url: `${linkBase}/join#${token}` };
  }

  async list(ctx: SessionContext): Promise<{ invites: InviteView[] }> {
    requireFacilitator(ctx);
    return { invites: (await this.deps.meta.invitesOf(ctx.workshop.id)).map(presentInvite) };
  }

  /** Revokes the invite and every session it opened; once that is stored, closes their sockets. */
  async revoke(ctx: SessionContext, inviteId: string): Promise<{ invite: InviteView }> {
    requireFacilitator(ctx);
    const { meta, control } = this.deps;
    const revoked = await meta.revokeInvite(ctx.workshop.id, inviteId, stampOf(ctx));
    if (revoked.changed) {
      await this.deps.bus.closeEverywhere({ inviteId }, CloseCode.forbidden, "invite revoked");
      await control.write(ctx.workshop.id, (doc) => {
        for (const p of revoked.participants) writeParticipant(doc, presentParticipant(p));
      });
    }
    return { invite: presentInvite(revoked.invite) };
  }

  /**
   * What a usable invite leads to (the workshop's title and subject, the role), for the join page
   * to show before asking for a name. Refused exactly as joining would be, so a revoked, expired,
   * used-up or unknown link learns nothing more than joining with it would tell.
   */
  async preview(body: InvitePreviewBody): Promise<InvitePreviewResponse> {
    const { meta } = this.deps;
    const found = await meta.inviteByTokenHash(hashToken(body.inviteToken));
    // The same guard joining runs inside its write; here on the invite as read, at this moment.
    const invite = usableInvite(found, new Date().toISOString());
    const workshop = await meta.workshop(invite.workshopId);
    if (!workshop) throw notFound("workshop");
    return {
      workshop: { title: workshop.title, ...(workshop.subject ? { subject: workshop.subject } : {}) },
      role: invite.role,
    };
  }

  async join(body: JoinBody): Promise<JoinResponse> {
    const { meta, control, sessionTtlMs } = this.deps;
    const token = newToken();
    const now = Date.now();
    const joined = await meta.join({
      inviteTokenHash: hashToken(body.inviteToken),
      participantId: newId(),
      displayName: body.displayName,
      sessionTokenHash: hashToken(token),
      at: new Date(now).toISOString(),
      sessionExpiresAt: new Date(now + sessionTtlMs).toISOString(),
    });
    const participant = presentParticipant(joined.participant);
    await control.write(joined.workshop.id, (doc) => writeParticipant(doc, participant));
    return { workshop: presentWorkshop(joined.workshop), session: { token, participant } };
  }
}

function requireFacilitator(ctx: SessionContext): void {
  if (!canFacilitate(ctx.participant.role)) throw forbidden("only a facilitator may manage invites");
}
