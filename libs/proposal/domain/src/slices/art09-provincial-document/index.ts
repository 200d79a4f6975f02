/**
 * 省政府办公厅交办件的正式文件 (Art. 9, 10): once the proposer accepts a provincial or national
 * item's opinion, the office compiles it into a government document, the office division reviews
 * it, the vice mayor signs it, and the office sends it. The rules are in government-document.ts.
 */
import type { Slice } from '../../slice';
import { withArchive } from '../../shared/archive';
import { findReply } from '../../shared/queries';
import { assertDocumentAllowed, decideDocument, decideDocumentReview, evolveDocument } from './government-document';

export * from './government-document';
export * from './types';

export const governmentDocumentSlice: Slice = {
  name: 'art09-provincial-document',
  articles: ['第九条', '第十条'],
  commands: ['CompileGovernmentDocument', 'SendGovernmentDocument'],
  events: ['GovernmentDocumentCompiled', 'GovernmentDocumentReviewed', 'GovernmentDocumentSigned', 'GovernmentDocumentSent'],
  assert(command, state) {
    if (command.type === 'CompileGovernmentDocument' || command.type === 'SendGovernmentDocument') assertDocumentAllowed(command, state);
  },
  // A reply whose government document is in review is reviewed here (the review stages of Art. 9).
  claims: (command, state) => command.type === 'ReviewReply' && findReply(state, command.data.replyId)?.status === 'document_in_review',
  decide(command, state, ctx) {
    const at = ctx.now;
    switch (command.type) {
      case 'ReviewReply':
        return decideDocumentReview(command, findReply(state, command.data.replyId)!, state, at);
      case 'CompileGovernmentDocument':
        return decideDocument(command, state, at);
      case 'SendGovernmentDocument':
        return withArchive(state, decideDocument(command, state, at), findReply(state, command.data.replyId)!.unitId, at);
      default:
        return [];
    }
  },
  evolve: (state, event) => evolveDocument(state, event) ?? state,
};
