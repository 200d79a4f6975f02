/** 阅示 of a satisfied reply (Art. 9). */
export interface ReplyReading {
  by: string;
  comment?: string;
  at: string;
}
