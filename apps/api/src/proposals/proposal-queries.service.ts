import { Injectable } from '@nestjs/common';
import type { StoredEvent } from '@jyta/event-store';
import { initialState, type ProposalState } from '@jyta/proposal-domain';
import { feedbackTokensFor } from '@jyta/proposal-registry';
import {
  applyEvent,
  isViceMayorAwaiting,
  listProposals,
  proposalFigures,
  type ProposalFigures,
  PROPOSAL_STREAM_PREFIX,
  type Awaiting,
  type Page,
  type ProposalListItem,
  type ViceMayorScope,
} from '@jyta/proposal-read-models';
import { notYourItem, proposalNotFound } from '../common/app-exception';
import type { AuthUser } from '../auth/auth-user';
import { DirectoryService } from '../directory/directory.service';
import { Infrastructure } from '../infrastructure/infrastructure';
import { canReadItem, listScope } from './access';
import { proposerEventView, proposerView, toDetail, toEventView } from './detail';
import { FeedbackSecrets } from './feedback-secrets';
import type { ListProposalsQueryDto } from './dto/list-query.dto';
import type { ProposalDetailDto, ProposalEventDto } from './dto/responses.dto';

export interface LoadedItem {
  id: string;
  state: ProposalState;
  version: number;
  events: StoredEvent[];
}

export const streamIdOf = (id: string) => `${PROPOSAL_STREAM_PREFIX}${id}`;

/** The list's filters of a query, the same for the page and for its figures. */
const filtersOf = (q: ListProposalsQueryDto) => ({
  year: q.year,
  kind: q.kind,
  level: q.level,
  status: q.status,
  unitId: q.unitId,
  key: q.key,
  overdue: q.overdue,
  q: q.q,
  major: q.major,
  urgent: q.urgent,
  topic: q.topic,
  proposer: q.proposer,
});

@Injectable()
export class ProposalQueries {
  constructor(
    private readonly infra: Infrastructure,
    private readonly directory: DirectoryService,
    private readonly secrets: FeedbackSecrets,
  ) {}

  /** The item folded from its stream (always current); 404 PROPOSAL_NOT_FOUND when it has no registration. */
  async load(id: string): Promise<LoadedItem> {
    const events = await this.infra.store.readStream(streamIdOf(id));
    const state = events.reduce(applyEvent, initialState());
    if (!state.details) throw proposalNotFound(id);
    return { id, state, version: events.at(-1)?.version ?? 0, events };
  }

  /**
   * The item as it is now, from one loaded earlier: only the events after `item.version` are read
   * and folded onto its state (a stream only grows), e.g. for the answer of a command that was
   * checked against `item` first.
   */
  async refresh(item: LoadedItem): Promise<LoadedItem> {
    const more = await this.infra.store.readStream(streamIdOf(item.id), { fromVersion: item.version + 1 });
    if (more.length === 0) return item;
    return { id: item.id, state: more.reduce(applyEvent, item.state), version: more.at(-1)!.version, events: [...item.events, ...more] };
  }

  /** Loads the item and checks `user` may read it (403 NOT_YOUR_ITEM). */
  async loadReadable(id: string, user: AuthUser): Promise<LoadedItem> {
    const item = await this.load(id);
    if (!canReadItem(user, item.state)) throw notYourItem();
    return item;
  }

  async detailOf(item: LoadedItem): Promise<ProposalDetailDto> {
    return toDetail(item.id, item.state, item.version, await this.directory.unitNames());
  }

  async detail(id: string, user: AuthUser): Promise<ProposalDetailDto> {
    const detail = await this.detailOf(await this.loadReadable(id, user));
    if (user.role !== 'proposer') return detail;
    // SPEC §10: the proposer sees the replies sent to them (no drafts, no reviewers' comments),
    // and their own view alone carries the token of each reply awaiting their answer.
    const mine = proposerView(detail);
    const tokens = await feedbackTokensFor(this.infra.pool, this.secrets.key, id, user.username);
    for (const r of mine.replies) {
      const t = tokens.find((x) => x.replyId === r.id);
      if (t && r.status === 'sent') r.feedbackToken = t.token;
    }
    return mine;
  }

  /** The history; a proposer gets only the steps their own view shows (detail.ts proposerEventView). */
  async events(id: string, user: AuthUser): Promise<ProposalEventDto[]> {
    const item = await this.loadReadable(id, user);
    if (user.role === 'proposer') return item.events.flatMap((e) => proposerEventView(e) ?? []);
    return item.events.map(toEventView);
  }

  /**
   * 办理情况: the figures of everything the caller's list would hold for these filters (the
   * liaison dashboard), counted in the database; a role that sees nothing gets zero figures.
   */
  async figures(user: AuthUser, q: ListProposalsQueryDto): Promise<ProposalFigures> {
    const scope = listScope(user);
    if (!scope || (scope.unitId && q.unitId && q.unitId !== scope.unitId)) return { total: 0, byStatus: {}, overdue: 0, due7: 0, due30: 0, units: [] };
    return proposalFigures(this.infra.pool, { ...filtersOf(q), ...scope });
  }

  async list(user: AuthUser, q: ListProposalsQueryDto): Promise<Page<ProposalListItem>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const scope = listScope(user);
    // A unit asking for another unit's items, or a role that sees nothing: an empty page.
    if (!scope || (scope.unitId && q.unitId && q.unitId !== scope.unitId)) return { items: [], total: 0, page, pageSize };
    const awaiting = q.awaiting as Awaiting | undefined;
    // The vice mayor's queues are always the caller's own: there is no parameter naming another,
    // and for any other role they are empty.
    let viceMayor: ViceMayorScope | undefined;
    if (awaiting && isViceMayorAwaiting(awaiting) && user.role === 'vice_mayor') {
      const departments = (await this.directory.allUnits()).filter((u) => u.kind === 'department').map((u) => u.code);
      viceMayor = { username: user.username, departmentUnitIds: departments };
    }
    return listProposals(this.infra.pool, {
      ...filtersOf(q),
      awaiting,
      viceMayor,
      ...scope,
      page,
      pageSize,
    });
  }
}
