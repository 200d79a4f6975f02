/**
 * To whom a reply's feedback form (征求意见表) went (Art. 11, 14): a proposer's account, a message
 * by SMS or e-mail to a proposer without one (proposerIndex: their place in the item's list), or
 * nobody reachable. Never the token: that stays outside the events (docs/CONTRACTS.md "Secrets").
 */
export type FeedbackFormRecipient =
  | { channel: 'account'; username: string; proposerIndex?: number }
  | { channel: 'sms' | 'email'; proposerIndex: number }
  | { channel: 'none' };

/** The proposer the office designated to receive the forms when the lead has no account. */
export interface FeedbackDesignee {
  proposerIndex: number;
  at: string;
}
