/** Where an item stands with the 阅批 of Art. 6. */
export interface MajorItemApproval {
  /** The vice mayor (username) the office put it before. */
  viceMayor: string;
  submittedAt: string;
  note?: string;
  approvedAt?: string;
  /** 批示: the leader's instructions, passed on to the units at assignment. */
  instructions?: string;
}
