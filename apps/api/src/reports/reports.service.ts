import { Injectable } from '@nestjs/common';
import { PROVINCIAL_CC, type ProposalState } from '@jyta/proposal-domain';
import { selectCases } from '@jyta/stats-data-access';
import { policyRecord } from '@jyta/proposal-registry';
import { DEFAULT_POLICY_EVALUATION_WEIGHTS, evaluateUnits, KPI_LABELS, KPI_NAMES, type EvaluationWeights, type Figures, type UnitEvaluation } from '@jyta/stats-domain';
import type { AuthUser } from '../auth/auth-user';
import { AppException } from '../common/app-exception';
import { DirectoryService } from '../directory/directory.service';
import { Infrastructure } from '../infrastructure/infrastructure';
import type { ListProposalsQueryDto } from '../proposals/dto/list-query.dto';
import { ProposalQueries } from '../proposals/proposal-queries.service';
import { StatsService, type KpiQuery } from '../stats/stats.service';
import { LEDGER_HEADER, ledgerRow } from './ledger';
import { feedbackFormDocx } from './feedback-form';
import { annualDocx, annualReport, summariesOwed, type AnnualReport, type Chamber } from './annual';
import { documentNumber, documentNumberConfigFromEnv, governmentPrefix, letterPrefix } from './document-numbers';
import { governmentDocumentFor, letterFor, replyLetterDocx } from './letter';
import { quarterEnd, quarterlyDocx, quarterlyReport, type QuarterlyReport } from './quarterly';
import { SUPERVISION_EVENT_TYPES, supervisionFindings, type SupervisionEvent, type UnitFindings } from './supervision';
import { workbook } from './workbook';

const replyNotFound = (replyId: string) => new AppException(404, 'REPLY_NOT_FOUND', `答复 ${replyId} 不存在`);
const documentNotFound = (replyId: string, round?: number) =>
  new AppException(404, 'DOCUMENT_NOT_FOUND', round ? `答复 ${replyId} 没有第 ${round} 轮正式文件` : `答复 ${replyId} 尚未整理成正式文件`);
/** Excerpt of a reply for the annual report's typical results: its first sentences. */
const EXCERPT_CHARS = 120;
const excerptOf = (body: string) => {
  const text = body.replace(/\s+/g, '');
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}……` : text;
};
/** A 台账 is for clerks, not a data dump: past this many rows, narrow the filters. */
export const LEDGER_MAX_ROWS = 20_000;
const PAGE = 100;

export interface FileAnswer {
  filename: string;
  contentType: string;
  body: Buffer;
}
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@Injectable()
export class ReportsService {
  constructor(
    private readonly infra: Infrastructure,
    private readonly queries: ProposalQueries,
    private readonly directory: DirectoryService,
    private readonly stats: StatsService,
  ) {}

  /** 发文字号 prefixes and the government's name (document-numbers.ts), read once. */
  private readonly numbers = documentNumberConfigFromEnv();

  /** A proposer reads only what was sent to them (detail.ts proposerView): not a draft, not a document in review. */
  private replyFor(user: AuthUser, state: ProposalState, replyId: string) {
    const reply = (state.replies ?? []).find((r) => r.replyId === replyId);
    if (!reply || (user.role === 'proposer' && !reply.sentAt)) throw replyNotFound(replyId);
    return reply;
  }

  private async unitName(): Promise<(code: string) => string> {
    const names = await this.directory.unitNames();
    return (code) => names.get(code) ?? code;
  }

  /** 台账 (.xlsx): the items of the list the caller may see, with the list's filters. */
  async ledger(user: AuthUser, q: ListProposalsQueryDto): Promise<FileAnswer> {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const p = await this.queries.list(user, { ...q, page, pageSize: PAGE });
      if (p.total > LEDGER_MAX_ROWS) {
        throw new AppException(400, 'EXPORT_TOO_LARGE', `符合条件的件数（${p.total}）超过台账上限 ${LEDGER_MAX_ROWS}，请缩小筛选范围（如按年度、类别、单位）`);
      }
      ids.push(...p.items.map((i) => i.id));
      if (page * PAGE >= p.total || p.items.length === 0) break;
    }
    const { rows } = await this.infra.pool.query<{ proposal_id: string; state: ProposalState }>(
      'SELECT proposal_id, state FROM proposal_list WHERE proposal_id = ANY($1::uuid[])',
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.proposal_id, r.state]));
    const name = await this.unitName();
    const data = ids.map((id) => byId.get(id)).filter((s): s is ProposalState => !!s?.details).map((s) => ledgerRow(s, name));
    return {
      filename: '建议提案办理台账.xlsx',
      contentType: XLSX_TYPE,
      body: workbook([{ name: '台账', rows: [LEDGER_HEADER, ...data], widths: [16, 12, 6, 6, 40, 20, 6, 16, 16, 12, 12, 12, 14, 30, 24, 12, 12] }]),
    };
  }

  /** 答复函 (.docx) of one reply, for whoever may read the item. */
  async letter(user: AuthUser, id: string, replyId: string): Promise<FileAnswer> {
    const item = await this.queries.loadReadable(id, user);
    const reply = this.replyFor(user, item.state, replyId);
    const d = item.state.details!;
    const name = await this.unitName();
    const body = await replyLetterDocx(
      letterFor({
        number: d.number,
        kind: d.kind,
        sessionYear: d.sessionYear,
        title: d.title,
        proposers: d.proposers,
        unitName: name(reply.unitId),
        numberPrefix: letterPrefix(this.numbers, reply.unitId, name(reply.unitId)),
        reply,
      }),
    );
    return { filename: `${d.number}-答复函-第${reply.round}轮.docx`, contentType: DOCX_TYPE, body };
  }

  /** 征求意见表 (.docx) of one reply: blank for the proposer, or with the answer given online. */
  async feedbackForm(user: AuthUser, id: string, replyId: string): Promise<FileAnswer> {
    const item = await this.queries.loadReadable(id, user);
    const reply = this.replyFor(user, item.state, replyId);
    const d = item.state.details!;
    const name = await this.unitName();
    const body = await feedbackFormDocx({
      number: d.number,
      kind: d.kind,
      title: d.title,
      proposers: d.proposers.map((p) => p.name).join('、'),
      unitName: name(reply.unitId),
      category: reply.category,
      ...(reply.sentAt ? { sentAt: reply.sentAt } : {}),
      ...(reply.feedback
        ? { answer: { attitude: reply.feedback.attitude, result: reply.feedback.result, contact: reply.feedback.contact, comments: reply.feedback.comments, at: reply.feedback.at } }
        : {}),
      feedbackMissing: !!reply.feedbackMissingAt,
    });
    return { filename: `${d.number}-征求意见表-第${reply.round}轮.docx`, contentType: DOCX_TYPE, body };
  }

  /**
   * 市政府正式文件 (.docx, Art. 9, 10) of a provincial or national item: one round of the office's
   * compilation of a unit's opinion (the latest unless `round` is given). A proposer gets only a
   * document that was sent.
   */
  async governmentDocument(user: AuthUser, id: string, replyId: string, round?: number): Promise<FileAnswer> {
    const item = await this.queries.loadReadable(id, user);
    const reply = this.replyFor(user, item.state, replyId);
    const docs = (reply.documents ?? []).filter((doc) => user.role !== 'proposer' || doc.sentAt);
    const doc = round === undefined ? docs.at(-1) : docs.find((x) => x.round === round);
    if (!doc) throw documentNotFound(replyId, round);
    const d = item.state.details!;
    const body = await replyLetterDocx(
      governmentDocumentFor({
        governmentName: this.numbers.governmentName,
        numberPrefix: governmentPrefix(this.numbers),
        sessionYear: d.sessionYear,
        kind: d.kind,
        proposers: d.proposers,
        category: reply.category,
        document: doc,
        defaultCc: PROVINCIAL_CC,
      }),
    );
    return { filename: `${d.number}-市政府正式文件-第${doc.round}稿.docx`, contentType: DOCX_TYPE, body };
  }

  /**
   * The supervision findings (supervision.ts) of the year's items the caller may see, from the
   * events recorded before `at`: one query over the event store, joined to the list for the year
   * and the chamber.
   */
  private async findings(q: { year: number; kinds?: readonly string[]; unitId?: string; at: string }): Promise<UnitFindings[]> {
    const { rows } = await this.infra.pool.query<{ proposal_id: string; number: string; type: string; data: unknown; occurred_at: Date }>(
      `SELECT l.proposal_id, l.number, e.type, e.data, e.occurred_at
         FROM proposal_list l
         JOIN events e ON e.stream_id = 'proposal-' || l.proposal_id::text
        WHERE l.session_year = $1
          AND ($2::text[] IS NULL OR l.kind = ANY($2::text[]))
          AND e.type = ANY($3::text[])
          AND e.recorded_at < $4
        ORDER BY e.stream_id, e.version`,
      [q.year, q.kinds ? [...q.kinds] : null, [...SUPERVISION_EVENT_TYPES], q.at],
    );
    const events: SupervisionEvent[] = rows.map((r) => ({ proposalId: r.proposal_id, number: r.number, type: r.type, data: r.data, occurredAt: r.occurred_at.toISOString() }));
    const all = supervisionFindings(events);
    return q.unitId ? all.filter((f) => f.unitId === q.unitId) : all;
  }

  /** 年度办理工作总结报告 / 通报 (Art. 12) of a session year and chamber, as it stands now. */
  async annual(user: AuthUser, q: { year: number; chamber: Chamber }): Promise<AnnualReport> {
    const { cases, at, scope } = await this.stats.scopedCases(user, { year: q.year, chamber: q.chamber });
    const [findings, allYear, unitName] = await Promise.all([
      this.findings({ year: q.year, ...scope, at }),
      // Art. 12 counts a unit's items of the year over both chambers (only counts leave here).
      selectCases(this.infra.pool, { year: q.year }),
      this.unitName(),
    ]);
    const report = annualReport(cases, {
      year: q.year,
      chamber: q.chamber,
      at,
      unitName,
      findings,
      summariesOwed: summariesOwed(allYear, q.year, unitName),
      organ: this.numbers.governmentName,
      documentNumber: documentNumber(governmentPrefix(this.numbers), q.year),
    });
    // Typical results quote the reply that solved the item.
    if (report.typicalResults.length) {
      const { rows } = await this.infra.pool.query<{ proposal_id: string; state: ProposalState }>('SELECT proposal_id, state FROM proposal_list WHERE proposal_id = ANY($1::uuid[])', [
        report.typicalResults.map((t) => t.proposalId),
      ]);
      const states = new Map(rows.map((r) => [r.proposal_id, r.state]));
      for (const t of report.typicalResults) {
        const sent = (states.get(t.proposalId)?.replies ?? []).filter((r) => r.unitId === t.unitId && r.sentAt).at(-1);
        if (sent) t.excerpt = excerptOf(sent.body);
      }
    }
    return report;
  }

  async annualFile(user: AuthUser, q: { year: number; chamber: Chamber }): Promise<FileAnswer> {
    const report = await this.annual(user, q);
    return { filename: `${report.title}（代拟稿）.docx`, contentType: DOCX_TYPE, body: await annualDocx(report) };
  }

  /** The Art. 16 figures as a table (.xlsx): overall, per chamber, per unit, per vice mayor. */
  async kpiWorkbook(user: AuthUser, q: KpiQuery): Promise<FileAnswer> {
    const r = await this.stats.kpis(user, q);
    const name = await this.unitName();
    const header = ['范围', ...KPI_NAMES.flatMap((k) => [`${KPI_LABELS[k]}分子`, '分母', '比率', '目标', '达标'])];
    const line = (label: string, f: Figures) => [
      label,
      ...KPI_NAMES.flatMap((k) => [f[k].numerator, f[k].denominator, f[k].rate === null ? null : Number(f[k].rate!.toFixed(4)), f[k].target, f[k].met === null ? '' : f[k].met ? '是' : '否']),
    ];
    const rows = [
      header,
      line('总体', r.overall),
      ...r.byChamber.map((c) => line(c.chamber === 'npc' ? '人大代表建议' : '政协提案及建议案', c.figures)),
      ...r.byUnit.map((u) => line(name(u.unitId), u.figures)),
      ...r.byPortfolio.map((p) => line(`分管：${p.leaderInCharge ?? '未指定'}`, p.figures)),
    ];
    return { filename: `${q.year}年度建议提案办理考核指标${q.asOf ? `（截至${q.asOf.slice(0, 10)}）` : ''}.xlsx`, contentType: XLSX_TYPE, body: workbook([{ name: '考核指标', rows }]) };
  }

  /** 季度通报 (Art. 8) at the end of the quarter (or now, while it runs). */
  async quarterly(user: AuthUser, q: { year: number; quarter: number; chamber?: 'npc' | 'cppcc' }): Promise<QuarterlyReport> {
    const end = quarterEnd(q.year, q.quarter);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const { cases, at, scope } = await this.stats.scopedCases(user, { year: q.year, ...(q.chamber ? { chamber: q.chamber } : {}), ...(end < today ? { asOf: end } : {}) });
    const findings = await this.findings({ year: q.year, ...scope, at });
    return quarterlyReport(cases, { year: q.year, quarter: q.quarter, at, unitName: await this.unitName(), findings });
  }

  async quarterlyFile(user: AuthUser, q: { year: number; quarter: number; chamber?: 'npc' | 'cppcc' }): Promise<FileAnswer> {
    const report = await this.quarterly(user, q);
    return { filename: `建议提案办理情况通报-${q.year}年第${q.quarter}季度.docx`, contentType: DOCX_TYPE, body: await quarterlyDocx(report) };
  }

  /** 年终考核 (Art. 21): the units of a year ranked from their figures with the weights of the policy in force (default 30/20/15/25/10). */
  async evaluation(user: AuthUser, year: number): Promise<{ year: number; at: string; weights: EvaluationWeights; units: (UnitEvaluation & { unitName: string })[] }> {
    const r = await this.stats.kpis(user, { year });
    const weights = (await policyRecord(this.infra.pool))?.policy.evaluationWeights ?? DEFAULT_POLICY_EVALUATION_WEIGHTS;
    const name = await this.unitName();
    return {
      year,
      at: r.at,
      weights,
      units: evaluateUnits(r.byUnit, weights).map((u) => ({ ...u, unitName: name(u.unitId) })),
    };
  }

  async evaluationFile(user: AuthUser, year: number): Promise<FileAnswer> {
    const e = await this.evaluation(user, year);
    const header = ['名次', '单位', '得分', '表彰', '未达标指标', ...KPI_NAMES.map((k) => `${KPI_LABELS[k]}（权重${e.weights[k]}）`)];
    const rows = e.units.map((u) => [
      u.rank,
      u.unitName,
      u.score,
      u.commend ? '是' : '',
      u.missed.map((k) => KPI_LABELS[k]).join('、'),
      ...KPI_NAMES.map((k) => (u.figures[k].rate === null ? '—' : `${u.figures[k].numerator}/${u.figures[k].denominator}`)),
    ]);
    return { filename: `${year}年度建议提案办理考核排名.xlsx`, contentType: XLSX_TYPE, body: workbook([{ name: '考核排名', rows: [header, ...rows] }]) };
  }
}
