import { Injectable } from '@nestjs/common';
import { feedbackTokenKeyFromEnv, type FeedbackTokenKey } from '@jyta/proposal-registry';

/**
 * The server key that opens the sealed feedback tokens for their holder's own views
 * (FEEDBACK_TOKEN_KEY, docs/CONTRACTS.md "Secrets"). Read once at start, so a production API
 * without the key refuses to start rather than failing on the first proposer's page.
 */
@Injectable()
export class FeedbackSecrets {
  readonly key: FeedbackTokenKey = feedbackTokenKeyFromEnv(process.env);
}
