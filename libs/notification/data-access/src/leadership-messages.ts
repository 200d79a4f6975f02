/**
 * Notices of the vice mayor's two readings (SPEC §2, §4.7; domain: leadership.ts):
 * - 阅批 (Art. 6): a major item put before a vice mayor reaches that vice mayor only; their
 *   approval reaches the office, which may then assign it;
 * - 阅示 (Art. 9): a reply of a government department (政府组成部门) answered satisfied or basically
 *   satisfied, without a send-back, is put before the vice mayor in charge of the item (every vice
 *   mayor when none was named). A provincial/national opinion's feedback is not: it goes on to the
 *   government document (provincial-messages.ts).
 * Pure, like every rule (rules.ts).
 */
import { text, type Audience, type NoticeContext, type NoticeEvent, type NoticeRule } from './rules';

const SATISFIED: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意' };
/** A quoted note as a sentence: one full stop, whether or not the writer put one. */
const sentence = (s: string) => (/[。！？.!?]$/.test(s) ? s : `${s}。`);

/** Who reads a satisfied reply (阅示), or undefined when this feedback is not put before anyone. */
function readingAudience({ data: d }: NoticeEvent, { proposal, unitKind }: NoticeContext): Audience | undefined {
  if (typeof d.replyId !== 'string' || typeof d.unitId !== 'string') return undefined;
  if (d.awaitingDocument === true || d.sendBack === true || typeof d.result !== 'string' || !SATISFIED[d.result]) return undefined;
  if (unitKind(d.unitId) !== 'department') return undefined;
  const leader = text(proposal?.leaderInCharge);
  return leader ? { roles: ['vice_mayor'], username: leader } : { roles: ['vice_mayor'] };
}

export const leadershipRule: NoticeRule = {
  types: ['MajorItemSubmittedForApproval', 'MajorItemApproved', 'FeedbackReceived'],

  audience(e, ctx) {
    switch (e.type) {
      case 'MajorItemSubmittedForApproval': {
        const viceMayor = text(e.data.viceMayor);
        return viceMayor ? { roles: ['vice_mayor'], username: viceMayor } : undefined;
      }
      case 'MajorItemApproved':
        return text(e.data.viceMayor) ? { roles: ['office'] } : undefined;
      default:
        return readingAudience(e, ctx);
    }
  },

  message(e, ctx) {
    const { item, shortTitle, unitName } = ctx;
    const d = e.data;
    switch (e.type) {
      case 'MajorItemSubmittedForApproval': {
        const note = text(d.note);
        return {
          kind: 'major_approval_requested',
          title: `待阅批：${shortTitle}`,
          body:
            `市政府办公厅将${item}作为重大事项提请您阅批（第六条）。` +
            `${note ? `说明：${sentence(note)}` : ''}该件须经您阅批后方可交办，请登录系统阅批并作出批示。`,
        };
      }
      case 'MajorItemApproved': {
        const instructions = text(d.instructions);
        return {
          kind: 'major_item_approved',
          title: `已阅批，可交办：${shortTitle}`,
          body: `分管领导（${String(d.viceMayor)}）已阅批重大事项${item}。${instructions ? `批示：${sentence(instructions)}` : ''}该件现可交办。`,
        };
      }
      default: {
        if (!readingAudience(e, ctx)) return undefined;
        return {
          kind: 'reading_requested',
          title: `待阅示：${shortTitle}`,
          body:
            `代表委员对${unitName(d.unitId as string)}就${item}所作的答复表示${SATISFIED[d.result as string]}。` +
            '按规定，政府组成部门办结且代表委员满意的建议提案报分管副市长阅示（第九条），请登录系统阅示。',
        };
      }
    }
  },
};
