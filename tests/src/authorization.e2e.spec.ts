/**
 * The authorization matrix (SPEC §1, §10): every endpoint of the API × every kind of account (and a
 * wrong unit, a wrong unit leader, a vice mayor not in charge, another proposer, nobody) → allowed or
 * refused, end to end through HTTP on the real stack.
 *
 * "Allowed" rows state the exact status of the step (200 / 201); refused rows state the status and
 * its machine code (see the outcomes below). Bodies are valid throughout, so that a wrongly allowed
 * call would show as 2xx rather than hide behind a 400. Rows that change state each act on an item
 * of their own, prepared in beforeAll (ITEMS), so the rows do not depend on each other's order and
 * one caller per row succeeds; where a role may take the step but the item's state or stage refuses
 * it, the outcome is PAST (409, refused by the domain after authorization). The columns of a row run
 * left to right; the review rows send the reply back (approve: false), so whichever reviewer comes
 * after the one that succeeded finds nothing in review (409) whatever the order.
 */
import { ApiClient, eventually, shanghaiDay, type Reply } from './http';
import { registration } from './fixtures';
import { startStack, type Stack } from './stack';

const ACCOUNTS = [
  'admin',
  'office',
  'office-reviewer',
  'npc-liaison',
  'cppcc-liaison',
  'vice-mayor-1', // the leader in charge (分管副市长) wherever an item names one
  'vice-mayor-2', // a vice mayor not in charge of anything here
  'rsj-handler', // the assigned (lead) unit of `npc` and of the items the unit rows act on
  'jyj-handler', // a wrong unit for them (but the unit of `cppcc`)
  'rsj-leader',
  'jyj-leader', // a wrong unit's leader
  'deputy-1', // the proposer of `npc` and of the other NPC items
  'deputy-2', // not the proposer of anything here
  'member-1', // the proposer of `cppcc`
] as const;
type Account = (typeof ACCOUNTS)[number] | 'anonymous';
const CALLERS: Account[] = [...ACCOUNTS, 'anonymous'];

// ── the expected outcomes ────────────────────────────────────────────────────────────────────
const OK = 200;
const CREATED = 201;
/** 401: no (valid) access token */
const ANON = 'UNAUTHENTICATED';
/** 403: the role may never call this */
const ROLE = 'FORBIDDEN_ROLE';
/** 403: the caller's unit / chamber / person has nothing to do with this item */
const ITEM = 'NOT_YOUR_ITEM';
/** 403: a unit handler or leader acting in another unit's name */
const UNIT = 'NOT_YOUR_UNIT';
/** 403: a vice mayor who is not the leader in charge of the item (nor the one it was put before) */
const CHARGE = 'NOT_IN_CHARGE';
/** 403: a liaison asking for the other chamber's figures */
const CHAMBER = 'NOT_YOUR_CHAMBER';
/** 409 with a domain code (any code but the ones above): the role may take the step, the item's state or review stage refuses it now */
const PAST = 'PAST';
/** 404: the feedback link does not exist — for everybody, logged in or not */
const NO_TOKEN = 'FEEDBACK_TOKEN_NOT_FOUND';
/** 404: another user's notice answers as one that does not exist */
const NOT_MINE = 'NOTIFICATION_NOT_FOUND';
/** 404: the operation / projection asked for does not exist (past the role check: the role may ask) */
const NO_OP = 'OPERATION_NOT_FOUND';
const NO_PROJECTION = 'PROJECTION_NOT_FOUND';
/** 404: no published reply with this id — for everybody, logged in or not */
const NO_PUBLIC_REPLY = 'PUBLIC_REPLY_NOT_FOUND';
/** A government document a proposer may not have yet: only a sent one is theirs (Art. 10). */
const NO_DOC = 'DOCUMENT_NOT_FOUND';
type Outcome =
  | typeof OK
  | typeof CREATED
  | typeof ANON
  | typeof ROLE
  | typeof ITEM
  | typeof UNIT
  | typeof CHARGE
  | typeof CHAMBER
  | typeof PAST
  | typeof NO_TOKEN
  | typeof NOT_MINE
  | typeof NO_OP
  | typeof NO_PROJECTION
  | typeof NO_PUBLIC_REPLY
  | typeof NO_DOC;

const STATUS_OF: Record<string, number> = { [ANON]: 401, [ROLE]: 403, [ITEM]: 403, [UNIT]: 403, [CHARGE]: 403, [CHAMBER]: 403, [PAST]: 409, [NO_TOKEN]: 404, [NOT_MINE]: 404, [NO_OP]: 404, [NO_PROJECTION]: 404, [NO_PUBLIC_REPLY]: 404, [NO_DOC]: 404 };
const AUTH_CODES = [ANON, ROLE, ITEM, UNIT, CHARGE, CHAMBER];

// prettier-ignore
const MATRIX: Record<string, Outcome[]> = {
  //                                             admin    office   office-  npc-     cppcc-   vice-    vice-    rsj-     jyj-     rsj-     jyj-     deputy-1 deputy-2 member-1 anonymous
  //                                                               reviewer liaison  liaison  mayor-1  mayor-2  handler  handler  leader   leader
  // ── public, and one's own ──
  'GET health':                                 [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK],
  'POST auth/login':                            [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK],
  'GET me':                                     [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ANON],
  'GET units':                                  [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ANON],
  // 分管市领导 by name (public officials): every logged-in user
  'GET leaders':                                [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ANON],
  'GET units/{unitId}/contacts':                [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ROLE,    ROLE,    ROLE,    ANON],
  'PUT units/{unitId}/contacts':                [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'GET me/inbox':                               [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ANON],
  'POST me/inbox/read-all':                     [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ANON],
  'POST me/inbox/{rsj-handler notice}/read':    [NOT_MINE,NOT_MINE,NOT_MINE,NOT_MINE,NOT_MINE,NOT_MINE,NOT_MINE,OK,      NOT_MINE,NOT_MINE,NOT_MINE,NOT_MINE,NOT_MINE,NOT_MINE,ANON],
  'GET public/replies':                         [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK],
  'GET public/stats':                           [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK],
  'GET public/units':                           [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK],
  'GET public/replies/{not published}':         [NO_PUBLIC_REPLY,NO_PUBLIC_REPLY,NO_PUBLIC_REPLY,NO_PUBLIC_REPLY,NO_PUBLIC_REPLY,NO_PUBLIC_REPLY,NO_PUBLIC_REPLY,NO_PUBLIC_REPLY,NO_PUBLIC_REPLY,NO_PUBLIC_REPLY,NO_PUBLIC_REPLY,NO_PUBLIC_REPLY,NO_PUBLIC_REPLY,NO_PUBLIC_REPLY,NO_PUBLIC_REPLY],
  // the 征求意见表: the link is the proof (Art. 14), so no role is refused; a form answers once —
  // the first caller answers it (satisfied: the item is archived), every later one is refused by
  // the domain (409 ARCHIVED); the answer is recorded as the proposer's, whoever posted it
  'GET feedback (open form)':                   [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK],
  'POST feedback (open form)':                  [OK,      PAST,    PAST,    PAST,    PAST,    PAST,    PAST,    PAST,    PAST,    PAST,    PAST,    PAST,    PAST,    PAST,    PAST],
  'GET feedback (invalid token)':               [NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN],
  'POST feedback (invalid token)':              [NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN,NO_TOKEN],
  // ── reading items ──
  'GET list':                                   [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ANON],
  'GET detail (npc)':                           [OK,      OK,      OK,      OK,      ITEM,    OK,      OK,      OK,      ITEM,    OK,      ITEM,    OK,      ITEM,    ITEM,    ANON],
  'GET events (npc)':                           [OK,      OK,      OK,      OK,      ITEM,    OK,      OK,      OK,      ITEM,    OK,      ITEM,    OK,      ITEM,    ITEM,    ANON],
  'GET detail (cppcc)':                         [OK,      OK,      OK,      ITEM,    OK,      OK,      OK,      ITEM,    OK,      ITEM,    OK,      ITEM,    ITEM,    OK,      ANON],
  'GET events (cppcc)':                         [OK,      OK,      OK,      ITEM,    OK,      OK,      OK,      ITEM,    OK,      ITEM,    OK,      ITEM,    ITEM,    OK,      ANON],
  // ── Art. 16 figures: the office all, a liaison its chamber, a unit its own, a vice mayor the portfolio ──
  'GET stats/kpis':                             [ROLE,    OK,      ROLE,    OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ROLE,    ROLE,    ROLE,    ANON],
  'GET stats/kpis (rsj, npc)':                  [ROLE,    OK,      ROLE,    OK,      CHAMBER, OK,      OK,      OK,      UNIT,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ANON],
  'GET stats/kpis/items':                       [ROLE,    OK,      ROLE,    OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ROLE,    ROLE,    ROLE,    ANON],
  'GET reports/kpis (xlsx)':                    [ROLE,    OK,      ROLE,    OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ROLE,    ROLE,    ROLE,    ANON],
  'GET reports/quarterly':                      [ROLE,    OK,      ROLE,    OK,      OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'GET reports/annual (npc)':                   [ROLE,    OK,      ROLE,    OK,      CHAMBER, ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'GET reports/evaluation':                     [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  // ── documents: the 台账 within the list's scope; a letter for whoever may read its item ──
  'GET proposals/export (xlsx)':                [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ANON],
  'GET proposals/figures':                      [OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      OK,      ANON],
  'GET letter (toDisclose)':                    [OK,      OK,      OK,      OK,      ITEM,    OK,      OK,      OK,      ITEM,    OK,      ITEM,    OK,      ITEM,    ITEM,    ANON],
  'GET government-document (signed, not sent)': [OK,     OK,      OK,      OK,      ITEM,    OK,      OK,      OK,      ITEM,    OK,      ITEM,    NO_DOC,  ITEM,    ITEM,    ANON],
  'GET feedback form (toDisclose)':             [OK,      OK,      OK,      OK,      ITEM,    OK,      OK,      OK,      ITEM,    OK,      ITEM,    OK,      ITEM,    ITEM,    ANON],
  // ── registration and assignment: the office; 阅批 (Art. 6): the vice mayor it was put before ──
  'POST register':                              [ROLE,    CREATED, ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST import':                                [ROLE,    CREATED, ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'GET import progress':                        [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST merge':                                 [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST split':                                 [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST major-approval/submission':             [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST major-approval (put before vm-1)':      [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      CHARGE,  ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST assignment':                            [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST assignments (bulk)':                    [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST return-decision (unit rsj)':            [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST reassignment (part of rsj)':            [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  // 指定征求意见表填写人 (Art. 11, 14): the office only — never a unit, never a proposer for themselves
  'POST feedback-recipient':                    [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  // ── the unit's handling: its own handlers only; "unit jyj" = the wrong unit in its own name on an item of rsj ──
  'POST receipt (npc, unit rsj)':               [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST receipt (npc, unit jyj)':               [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    UNIT,    ITEM,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST return-request (unit rsj)':             [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST return-request (unit jyj)':             [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    UNIT,    ITEM,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST contacts (unit rsj)':                   [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST contacts (unit jyj)':                   [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    UNIT,    ITEM,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST explanation (unit rsj)':                [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST explanation (unit jyj)':                [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    UNIT,    ITEM,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST co-opinion (co-unit rsj)':              [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST co-opinion (unit jyj)':                 [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    UNIT,    ITEM,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST instructions (unit rsj)':               [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    CREATED, UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST instructions (unit jyj)':               [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    UNIT,    ITEM,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST instructions answer (unit rsj)':        [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST instructions answer (unit jyj)':        [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    UNIT,    ITEM,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST progress-reports (unit rsj)':           [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST progress-reports (unit jyj)':           [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    UNIT,    ITEM,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  // ── replies (Art. 9, 10, 18, 20): the unit drafts and sends; leader → (vice mayor in charge) → office review ──
  'POST reply draft (unit rsj)':                [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    CREATED, UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST reply draft (unit jyj)':                [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    UNIT,    ITEM,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST review (awaiting unit leader)':         [ROLE,    PAST,    PAST,    ROLE,    ROLE,    PAST,    CHARGE,  ROLE,    ROLE,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ANON],
  'POST review (awaiting vice mayor)':          [ROLE,    PAST,    PAST,    ROLE,    ROLE,    OK,      CHARGE,  ROLE,    ROLE,    PAST,    UNIT,    ROLE,    ROLE,    ROLE,    ANON],
  'POST review (awaiting office)':              [ROLE,    OK,      PAST,    ROLE,    ROLE,    PAST,    CHARGE,  ROLE,    ROLE,    PAST,    UNIT,    ROLE,    ROLE,    ROLE,    ANON],
  'POST send (approved reply of rsj)':          [ROLE,    PAST,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST disclosure (sent reply of rsj)':        [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST reading (satisfied reply)':             [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      CHARGE,  ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  // ── provincial items (Art. 9, 10): the office compiles, an office division reviews, the vice mayor signs, the office sends ──
  'POST government-document':                   [ROLE,    CREATED, ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST review (document awaiting reviewer)':   [ROLE,    PAST,    OK,      ROLE,    ROLE,    PAST,    CHARGE,  ROLE,    ROLE,    PAST,    UNIT,    ROLE,    ROLE,    ROLE,    ANON],
  'POST review (document awaiting signature)':  [ROLE,    PAST,    PAST,    ROLE,    ROLE,    OK,      CHARGE,  ROLE,    ROLE,    PAST,    UNIT,    ROLE,    ROLE,    ROLE,    ANON],
  'POST send (signed document)':                [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    PAST,    UNIT,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  // ── system administration: the administrator only ──
  'GET admin/policy':                           [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'GET admin/policy/versions':                  [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'PUT admin/policy':                           [CREATED, ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'GET admin/calendar':                         [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'GET admin/calendar/{year}':                  [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'PUT admin/calendar/{year}':                  [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  // ── durable operations (admin: all; office: merging) and read models (admin); unknown ids, so nothing is rebuilt mid-matrix ──
  'GET operations/{id}':                        [NO_OP,   NO_OP,   ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'GET admin/projections':                      [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST admin/projections/{name}/rebuild':      [NO_PROJECTION, ROLE, ROLE,   ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  // ── user administration (each change an event; old tokens end at once): the administrator only ──
  'GET admin/users':                            [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST admin/users':                           [CREATED, ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'GET admin/users/{id}':                       [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST admin/users/{id}/disable':              [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST admin/users/{id}/enable':               [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST admin/users/{id}/password':             [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'PUT admin/users/{id}/role':                  [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  'POST admin/users/{id}/unlock':               [OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  // ── the deadline preview before an assignment: the office (and the administrator) ──
  'GET calendar/preview':                       [OK,      OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
  // ── obligations (issue 9): a B reply's promise (the reply's unit), the unit's yearly summary (Art. 12: its leader submits) ──
  'POST promise-progress (B reply of rsj)':     [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      UNIT,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ANON],
  'POST units/rsj/summaries/2026 (not owed)':   [ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    PAST,    UNIT,    ROLE,    ROLE,    ROLE,    ANON],
  'GET units/rsj/summaries':                    [ROLE,    OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    OK,      UNIT,    OK,      UNIT,    ROLE,    ROLE,    ROLE,    ANON],
  'GET unit-summaries':                         [ROLE,    OK,      ROLE,    OK,      OK,      ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ROLE,    ANON],
};

// ── the items ────────────────────────────────────────────────────────────────────────────────
interface Prepared {
  id: string;
  replyId?: string;
  requestId?: string;
  token?: string;
  /** how many events it had at the end of beforeAll */
  prepared: number;
}
type Step = (item: Prepared) => Promise<void>;
interface Recipe {
  /** registration fields besides the proposer */
  register?: Record<string, unknown>;
  /** the proposer's account (default deputy-1) */
  proposer?: string;
  assign?: { mode: string; leadUnitIds: string[]; coUnitIds?: string[]; leaderInCharge?: string };
  /** after registration (of all items) and assignment, in order */
  steps?: Step[];
}

const RSJ_WJW = { mode: 'lead', leadUnitIds: ['rsj'], coUnitIds: ['wjw'] };
const RSJ_VM1 = { mode: 'single', leadUnitIds: ['rsj'], leaderInCharge: 'vice-mayor-1' };
const RSJ_WJW_VM1 = { ...RSJ_WJW, leaderInCharge: 'vice-mayor-1' };
const PROVINCIAL = { level: 'provincial' };

let stack: Stack;
const clients = {} as Record<Account, ApiClient>;
const items = {} as Record<ItemName, Prepared>;
const ids = {} as Record<ItemName, string>;

async function call(who: Account, what: string, res: Promise<Reply>, expected = [200, 201]) {
  const r = await res;
  if (!expected.includes(r.status)) throw new Error(`${what} as ${who}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
const post = (who: Account, path: string, body?: unknown) => call(who, `POST ${path}`, clients[who].post(path, body));

// the steps beforeAll takes on an item, as the role whose step it is
const sign: Step = async (it) => void (await post('rsj-handler', `/api/proposals/${it.id}/units/rsj/receipt`));
const askReturn: Step = async (it) => void (await post('rsj-handler', `/api/proposals/${it.id}/units/rsj/return-request`, { reason: '不属于本单位职责。' }));
const approveReturn: Step = async (it) => void (await post('office', `/api/proposals/${it.id}/units/rsj/return-decision`, { approve: true }));
const askInstructions: Step = async (it) => {
  it.requestId = (await post('rsj-handler', `/api/proposals/${it.id}/units/rsj/instructions`, { authority: '省人力资源和社会保障厅', matter: '补贴标准是否可突破省定上限' })).requestId;
};
const draft: Step = async (it) => {
  it.replyId = (await post('rsj-handler', `/api/proposals/${it.id}/replies`, { unitId: 'rsj', category: 'B', body: '关于您提出的建议，答复如下：……' })).replyId;
};
const approveAs =
  (who: Account): Step =>
  async (it) =>
    void (await post(who, `/api/proposals/${it.id}/replies/${it.replyId}/review`, { approve: true }));
const send: Step = async (it) => void (await post('rsj-handler', `/api/proposals/${it.id}/replies/${it.replyId}/send`));
const tokenOf: Step = async (it) => {
  it.token = await eventually(`the feedback token of ${it.id}`, async () => {
    const mine = await clients['deputy-1'].get(`/api/proposals/${it.id}`);
    return mine.body.replies?.find((r: any) => r.id === it.replyId)?.feedbackToken as string | undefined;
  });
};
const satisfied: Step = async (it) => {
  await call('anonymous', 'feedback', clients.anonymous.post(`/api/feedback/${it.token}`, { attitude: 'satisfied', result: 'satisfied', contact: 'face_to_face' }));
};
const compile: Step = async (it) =>
  void (await post('office', `/api/proposals/${it.id}/replies/${it.replyId}/government-document`, { body: '市政府关于……的答复（正式文件）', documentNumber: '郑政文〔2026〕1号' }));
const submitMajor: Step = async (it) => void (await post('office', `/api/proposals/${it.id}/major-approval/submission`, { viceMayor: 'vice-mayor-1' }));
const mergeIn =
  (other: string): Step =>
  async (it) =>
    void (await post('office', `/api/proposals/${it.id}/merge`, { itemIds: [(ids as Record<string, string>)[other]] }));

const REPLIED = [sign, draft, approveAs('rsj-leader'), approveAs('office'), send, tokenOf];
const OPINION_ACCEPTED = [sign, draft, approveAs('rsj-leader'), send, tokenOf, satisfied];

/** Every item beforeAll prepares (all NPC suggestions of deputy-1, except where said). */
const ITEMS = {
  npc: { assign: RSJ_WJW },
  cppcc: { proposer: 'member-1', register: { kind: 'cppcc_proposal', title: '关于加强中小学生心理健康教育的提案', topic: '教育' }, assign: { mode: 'single', leadUnitIds: ['jyj'] } },
  toAssign: { proposer: 'deputy-3' },
  toReturn: { assign: RSJ_WJW },
  toDecide: { assign: RSJ_WJW, steps: [askReturn] },
  toReassign: { assign: { mode: 'separate', leadUnitIds: ['rsj', 'wjw'] }, steps: [askReturn, approveReturn] },
  // the lead has no account (deputy-1 co-signs): the office may designate who gets the form (Art. 11, 14)
  toDesignate: { assign: RSJ_WJW, register: { proposers: [{ name: '测试代表丙', phone: '13800000009' }, { name: '测试代表甲', username: 'deputy-1' }] } },
  toContact: { assign: RSJ_WJW },
  toExplain: { assign: RSJ_WJW },
  toCoOpine: { assign: { mode: 'lead', leadUnitIds: ['wjw'], coUnitIds: ['rsj'] }, steps: [sign] },
  toInstruct: { assign: RSJ_WJW },
  instructed: { assign: RSJ_WJW, steps: [askInstructions] },
  toReport: { assign: RSJ_WJW, steps: [sign] },
  toDraft: { assign: RSJ_VM1, steps: [sign] },
  atLeader: { assign: RSJ_VM1, steps: [sign, draft] },
  atViceMayor: { assign: RSJ_WJW_VM1, steps: [sign, draft, approveAs('rsj-leader')] },
  atOffice: { assign: RSJ_VM1, steps: [sign, draft, approveAs('rsj-leader')] },
  toSend: { assign: RSJ_VM1, steps: [sign, draft, approveAs('rsj-leader'), approveAs('office')] },
  toDisclose: { assign: RSJ_VM1, steps: REPLIED },
  toAnswer: { assign: RSJ_VM1, steps: REPLIED },
  toRead: { assign: RSJ_VM1, steps: [...REPLIED, satisfied] },
  major: { register: { major: true } },
  majorSubmitted: { register: { major: true }, steps: [submitMajor] },
  toMerge: {},
  mergeItem: {},
  merged: { steps: [mergeIn('mergedItem')] },
  mergedItem: {},
  toBulkAssign: {},
  provToCompile: { register: PROVINCIAL, assign: RSJ_VM1, steps: OPINION_ACCEPTED },
  provAtReviewer: { register: PROVINCIAL, assign: RSJ_VM1, steps: [...OPINION_ACCEPTED, compile] },
  provAtSignature: { register: PROVINCIAL, assign: RSJ_VM1, steps: [...OPINION_ACCEPTED, compile, approveAs('office-reviewer')] },
  provToSend: { register: PROVINCIAL, assign: RSJ_VM1, steps: [...OPINION_ACCEPTED, compile, approveAs('office-reviewer'), approveAs('vice-mayor-1')] },
} satisfies Record<string, Recipe>;
type ItemName = keyof typeof ITEMS;
const ITEM_NAMES = Object.keys(ITEMS) as ItemName[];
const recipe = (n: ItemName): Recipe => ITEMS[n];
const nameOfId = (id: string) => ITEM_NAMES.find((n) => ids[n] === id) ?? `unknown item ${id}`;

/** What each account's `GET /api/proposals` holds (SPEC §1), from the recipes: units see what they were assigned, liaisons their chamber, proposers their own. */
const READ_ALL: Account[] = ['admin', 'office', 'office-reviewer', 'vice-mayor-1', 'vice-mayor-2'];
function listable(account: Account, n: ItemName): boolean {
  const r = recipe(n);
  const proposer = r.proposer ?? 'deputy-1';
  const unit = /^(\w+)-(handler|leader)$/.exec(account)?.[1];
  if (READ_ALL.includes(account)) return true;
  if (account === 'npc-liaison') return !proposer.startsWith('member-');
  if (account === 'cppcc-liaison') return proposer.startsWith('member-');
  if (unit) return [...(r.assign?.leadUnitIds ?? []), ...(r.assign?.coUnitIds ?? [])].includes(unit);
  return proposer === account;
}

/** The month a progress report may be filed for now: the next one (the first after assignment). */
function nextMonth(): string {
  const [y, m] = shanghaiDay().split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
function importFile(): FormData {
  const csv = ['类别,级别,届次年份,提出时间,标题,内容,提出人,账号', '人大代表建议,本级,2026,会议期间,关于矩阵测试导入的建议,建议完善导入流程。,测试代表戊,deputy-5'].join('\r\n');
  const form = new FormData();
  form.append('file', new Blob([csv]), 'matrix.csv');
  return form;
}
let rsjNotice: string;
/** The account the user-administration rows act on (made in beforeAll, used by nobody else). */
let targetUserId: string;
const CALENDAR_YEAR = 2030; // far enough that no running item's deadline is recomputed

type Request = [method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown];
const p = (n: ItemName) => `/api/proposals/${ids[n]}`;
const r = (n: ItemName) => `${p(n)}/replies/${items[n].replyId}`;
const FEEDBACK = { attitude: 'satisfied', result: 'basically_satisfied', contact: 'phone' };
const REVIEW_BACK = { approve: false, comment: '请补充具体办理措施和时限' };
const REQUESTS: Record<keyof typeof MATRIX, () => Request> = {
  'GET health': () => ['GET', '/api/health'],
  'POST auth/login': () => ['POST', '/api/auth/login', { username: 'deputy-5', password: process.env.DEMO_PASSWORD ?? 'Demo#2026' }],
  'GET me': () => ['GET', '/api/me'],
  'GET units': () => ['GET', '/api/units'],
  'GET leaders': () => ['GET', '/api/leaders'],
  'GET units/{unitId}/contacts': () => ['GET', '/api/units/rsj/contacts'],
  'PUT units/{unitId}/contacts': () => ['PUT', '/api/units/rsj/contacts', { contacts: [{ kind: 'main_leader', name: '矩阵测试', phone: '13800009999', position: '局长' }] }],
  'GET me/inbox': () => ['GET', '/api/me/inbox'],
  'POST me/inbox/read-all': () => ['POST', '/api/me/inbox/read-all'],
  'POST me/inbox/{rsj-handler notice}/read': () => ['POST', `/api/me/inbox/${rsjNotice}/read`],
  'GET public/replies': () => ['GET', '/api/public/replies'],
  'GET feedback (open form)': () => ['GET', `/api/feedback/${items.toAnswer.token}`],
  'POST feedback (open form)': () => ['POST', `/api/feedback/${items.toAnswer.token}`, FEEDBACK],
  'GET feedback (invalid token)': () => ['GET', `/api/feedback/${items.toAnswer.token!.split('').reverse().join('')}x`],
  'POST feedback (invalid token)': () => ['POST', `/api/feedback/${items.toAnswer.token!.split('').reverse().join('')}x`, FEEDBACK],
  'GET public/stats': () => ['GET', '/api/public/stats?year=2026'],
  'GET public/units': () => ['GET', '/api/public/units'],
  'GET public/replies/{not published}': () => ['GET', '/api/public/replies/00000000-0000-4000-8000-000000000000'],
  'GET stats/kpis': () => ['GET', '/api/stats/kpis?year=2026'],
  'GET stats/kpis (rsj, npc)': () => ['GET', '/api/stats/kpis?year=2026&unitId=rsj&chamber=npc'],
  'GET stats/kpis/items': () => ['GET', '/api/stats/kpis/items?year=2026&kpi=on_time'],
  'GET reports/kpis (xlsx)': () => ['GET', '/api/reports/kpis?year=2026'],
  'GET reports/quarterly': () => ['GET', '/api/reports/quarterly?year=2026&quarter=1'],
  'GET reports/annual (npc)': () => ['GET', '/api/reports/annual?year=2026&chamber=npc'],
  'GET reports/evaluation': () => ['GET', '/api/reports/evaluation?year=2026'],
  'GET proposals/export (xlsx)': () => ['GET', '/api/proposals/export?year=2026'],
  'GET proposals/figures': () => ['GET', '/api/proposals/figures?year=2026'],
  'GET letter (toDisclose)': () => ['GET', `${r('toDisclose')}/letter`],
  'GET government-document (signed, not sent)': () => ['GET', `${r('provToSend')}/government-document`],
  'GET feedback form (toDisclose)': () => ['GET', `${r('toDisclose')}/feedback-form`],
  'GET list': () => ['GET', '/api/proposals'],
  'GET detail (npc)': () => ['GET', p('npc')],
  'GET events (npc)': () => ['GET', `${p('npc')}/events`],
  'GET detail (cppcc)': () => ['GET', p('cppcc')],
  'GET events (cppcc)': () => ['GET', `${p('cppcc')}/events`],
  'POST register': () => ['POST', '/api/proposals', registration({ title: '关于矩阵测试登记的建议', proposers: [{ name: '测试代表戊', username: 'deputy-5' }] })],
  'POST import': () => ['POST', '/api/proposals/import', importFile()],
  'GET import progress': () => ['GET', '/api/proposals/import/progress/upload-matrix-0001'],
  'POST merge': () => ['POST', `${p('toMerge')}/merge`, { itemIds: [ids.mergeItem] }],
  'POST split': () => ['POST', `${p('merged')}/split`, { itemId: ids.mergedItem }],
  'POST major-approval/submission': () => ['POST', `${p('major')}/major-approval/submission`, { viceMayor: 'vice-mayor-1', note: '涉及全市发展全局' }],
  'POST major-approval (put before vm-1)': () => ['POST', `${p('majorSubmitted')}/major-approval`, { instructions: '请相关部门认真研究办理' }],
  'POST assignment': () => ['POST', `${p('toAssign')}/assignment`, { mode: 'single', leadUnitIds: ['mzj'], assignedOn: shanghaiDay() }],
  'POST assignments (bulk)': () => ['POST', '/api/proposals/assignments', { assignedOn: shanghaiDay(), items: [{ proposalId: ids.toBulkAssign, mode: 'single', leadUnitIds: ['mzj'] }] }],
  'POST return-decision (unit rsj)': () => ['POST', `${p('toDecide')}/units/rsj/return-decision`, { approve: true, comment: '同意退转' }],
  'POST reassignment (part of rsj)': () => ['POST', `${p('toReassign')}/units/rsj/reassignment`, { toUnitId: 'mzj', assignedOn: shanghaiDay() }],
  'POST feedback-recipient': () => ['POST', `${p('toDesignate')}/feedback-recipient`, { proposerIndex: 1 }],
  'POST receipt (npc, unit rsj)': () => ['POST', `${p('npc')}/units/rsj/receipt`],
  'POST receipt (npc, unit jyj)': () => ['POST', `${p('npc')}/units/jyj/receipt`],
  'POST return-request (unit rsj)': () => ['POST', `${p('toReturn')}/units/rsj/return-request`, { reason: '该事项不属于本单位职责。' }],
  'POST return-request (unit jyj)': () => ['POST', `${p('toReturn')}/units/jyj/return-request`, { reason: '该事项不属于本单位职责。' }],
  'POST contacts (unit rsj)': () => ['POST', `${p('toContact')}/units/rsj/contacts`, { method: 'phone', on: shanghaiDay(), summary: '电话沟通办理思路' }],
  'POST contacts (unit jyj)': () => ['POST', `${p('toContact')}/units/jyj/contacts`, { method: 'phone', on: shanghaiDay(), summary: '电话沟通办理思路' }],
  'POST explanation (unit rsj)': () => ['POST', `${p('toExplain')}/units/rsj/explanation`, { reasons: '涉及多部门协调', measures: '正在协调资金', expectedOn: shanghaiDay(60) }],
  'POST explanation (unit jyj)': () => ['POST', `${p('toExplain')}/units/jyj/explanation`, { reasons: '涉及多部门协调', measures: '正在协调资金', expectedOn: shanghaiDay(60) }],
  'POST co-opinion (co-unit rsj)': () => ['POST', `${p('toCoOpine')}/units/rsj/co-opinion`, { opinion: '同意主办单位的办理意见，补充如下：……' }],
  'POST co-opinion (unit jyj)': () => ['POST', `${p('toCoOpine')}/units/jyj/co-opinion`, { opinion: '同意主办单位的办理意见，补充如下：……' }],
  'POST instructions (unit rsj)': () => ['POST', `${p('toInstruct')}/units/rsj/instructions`, { authority: '省人力资源和社会保障厅', matter: '补贴标准是否可突破省定上限' }],
  'POST instructions (unit jyj)': () => ['POST', `${p('toInstruct')}/units/jyj/instructions`, { authority: '省人力资源和社会保障厅', matter: '补贴标准是否可突破省定上限' }],
  'POST instructions answer (unit rsj)': () => ['POST', `${p('instructed')}/units/rsj/instructions/${items.instructed.requestId}/answer`, { answer: '可按省定上限执行', on: shanghaiDay() }],
  'POST instructions answer (unit jyj)': () => ['POST', `${p('instructed')}/units/jyj/instructions/${items.instructed.requestId}/answer`, { answer: '可按省定上限执行', on: shanghaiDay() }],
  'POST progress-reports (unit rsj)': () => ['POST', `${p('toReport')}/units/rsj/progress-reports`, { month: nextMonth(), progress: '已完成调研，正在起草方案' }],
  'POST progress-reports (unit jyj)': () => ['POST', `${p('toReport')}/units/jyj/progress-reports`, { month: nextMonth(), progress: '已完成调研，正在起草方案' }],
  'POST reply draft (unit rsj)': () => ['POST', `${p('toDraft')}/replies`, { unitId: 'rsj', category: 'B', body: '关于您提出的建议，答复如下：……' }],
  'POST reply draft (unit jyj)': () => ['POST', `${p('toDraft')}/replies`, { unitId: 'jyj', category: 'B', body: '关于您提出的建议，答复如下：……' }],
  'POST review (awaiting unit leader)': () => ['POST', `${r('atLeader')}/review`, REVIEW_BACK],
  'POST review (awaiting vice mayor)': () => ['POST', `${r('atViceMayor')}/review`, REVIEW_BACK],
  'POST review (awaiting office)': () => ['POST', `${r('atOffice')}/review`, REVIEW_BACK],
  'POST send (approved reply of rsj)': () => ['POST', `${r('toSend')}/send`, {}],
  'POST disclosure (sent reply of rsj)': () => ['POST', `${r('toDisclose')}/disclosure`, { mode: 'full' }],
  'POST reading (satisfied reply)': () => ['POST', `${r('toRead')}/reading`, { comment: '已阅，继续跟踪落实' }],
  'POST government-document': () => ['POST', `${r('provToCompile')}/government-document`, { body: '市政府关于……的答复（正式文件）' }],
  'POST review (document awaiting reviewer)': () => ['POST', `${r('provAtReviewer')}/review`, REVIEW_BACK],
  'POST review (document awaiting signature)': () => ['POST', `${r('provAtSignature')}/review`, REVIEW_BACK],
  'POST send (signed document)': () => ['POST', `${r('provToSend')}/send`, {}],
  'GET admin/policy': () => ['GET', '/api/admin/policy'],
  'GET admin/policy/versions': () => ['GET', '/api/admin/policy/versions'],
  // the default return window again: a new version that changes nothing for the items registered after it
  'PUT admin/policy': () => ['PUT', '/api/admin/policy', { returnWindow: 'P15D' }],
  'GET admin/calendar': () => ['GET', '/api/admin/calendar'],
  'GET admin/calendar/{year}': () => ['GET', `/api/admin/calendar/${CALENDAR_YEAR}`],
  'PUT admin/calendar/{year}': () => ['PUT', `/api/admin/calendar/${CALENDAR_YEAR}`, { days: [{ date: `${CALENDAR_YEAR}-01-01`, kind: 'holiday', name: '元旦' }] }],
  'GET operations/{id}': () => ['GET', '/api/operations/merge-items-00000000-0000-4000-8000-000000000000'],
  'GET admin/projections': () => ['GET', '/api/admin/projections'],
  'POST admin/projections/{name}/rebuild': () => ['POST', '/api/admin/projections/no_such_projection/rebuild'],
  'GET admin/users': () => ['GET', '/api/admin/users'],
  'POST admin/users': () => ['POST', '/api/admin/users', { username: 'matrix-new', displayName: '矩阵测试', role: 'office', password: 'Juzhen2026abc' }],
  'GET admin/users/{id}': () => ['GET', `/api/admin/users/${targetUserId}`],
  // each answers 200 for the administrator whatever the order (disabling a disabled account, enabling an enabled one: no-ops)
  'POST admin/users/{id}/disable': () => ['POST', `/api/admin/users/${targetUserId}/disable`, { reason: '矩阵测试' }],
  'POST admin/users/{id}/enable': () => ['POST', `/api/admin/users/${targetUserId}/enable`],
  'POST admin/users/{id}/password': () => ['POST', `/api/admin/users/${targetUserId}/password`, { password: 'Juzhen2026xyz' }],
  'PUT admin/users/{id}/role': () => ['PUT', `/api/admin/users/${targetUserId}/role`, { role: 'unit_handler', unitId: 'mzj' }],
  'POST admin/users/{id}/unlock': () => ['POST', `/api/admin/users/${targetUserId}/unlock`],
  'GET calendar/preview': () => ['GET', '/api/calendar/preview?assignedOn=2026-03-01&urgent=false'],
  'POST promise-progress (B reply of rsj)': () => ['POST', `${r('toDisclose')}/promise-progress`, { text: '已列入计划，正在推进', done: false }],
  'POST units/rsj/summaries/2026 (not owed)': () => ['POST', '/api/units/rsj/summaries/2026', { text: '年度办理工作总结' }],
  'GET units/rsj/summaries': () => ['GET', '/api/units/rsj/summaries?year=2026'],
  'GET unit-summaries': () => ['GET', '/api/unit-summaries?year=2026'],
};

beforeAll(async () => {
  // Every role calls the feedback form from one address here: the form's rate limit (20 a minute,
  // tested in feedback-integrity.e2e.spec.ts) would answer 429 instead of what is checked.
  stack = await startStack({ env: { FEEDBACK_RATE_LIMIT: '10000' } });
  const logged = await Promise.all(ACCOUNTS.map((u) => ApiClient.login(stack.baseUrl, u)));
  ACCOUNTS.forEach((u, i) => (clients[u] = logged[i]));
  clients.anonymous = new ApiClient(stack.baseUrl);
  targetUserId = (await post('admin', '/api/admin/users', { username: 'matrix-target', displayName: '矩阵账号', role: 'office', password: 'Juzhen2026abc' })).id;

  // all registered first (the steps may name other items), then each assigned and taken through its steps
  const registered = await Promise.all(
    ITEM_NAMES.map((n) => {
      const proposer = recipe(n).proposer ?? 'deputy-1';
      const name = proposer.startsWith('member-') ? '测试委员甲' : '测试代表甲';
      // the proposer's account is the lead's, unless the recipe names the proposers itself
      return post('office', '/api/proposals', registration({ title: `关于${n}的建议`, proposers: [{ name, delegation: '金水区代表团', username: proposer }], ...recipe(n).register }));
    }),
  );
  ITEM_NAMES.forEach((n, i) => {
    ids[n] = registered[i].id;
    items[n] = { id: registered[i].id, prepared: 0 };
  });
  await Promise.all(
    ITEM_NAMES.map(async (n) => {
      const { assign, steps = [] } = recipe(n);
      if (assign) await post('office', `${p(n)}/assignment`, { assignedOn: shanghaiDay(), ...assign });
      for (const step of steps) await step(items[n]);
    }),
  );
  // counted once every item is ready: a step on one item (a merge) may add events to another
  await Promise.all(ITEM_NAMES.map(async (n) => (items[n].prepared = (await clients.office.get(`${p(n)}/events`)).body.length)));
  rsjNotice = await eventually('the 交办 notice of rsj-handler', async () => {
    const inbox = await clients['rsj-handler'].get('/api/me/inbox?pageSize=100');
    return (inbox.body.items as any[]).find((x) => x.proposalId === ids.npc && x.kind === 'assigned')?.id as string | undefined;
  });
}, 110_000);
afterAll(() => stack?.stop());

// ── list scoping first: the matrix below adds items (POST register, import) ───────────────────
describe('GET /api/proposals holds exactly the items the caller may see', () => {
  it.each(ACCOUNTS.map((u) => [u] as const))('%s', async (user) => {
    const expected = ITEM_NAMES.filter((n) => listable(user, n)).sort();
    const res = await clients[user].get('/api/proposals?pageSize=100');
    expect(res.status).toBe(200);
    const seen = (res.body.items as { id: string }[]).map((i) => nameOfId(i.id)).sort();
    expect(seen).toEqual(expected);
    expect(res.body.total).toBe(expected.length);
  });

  it('anonymous: 401', async () => {
    const res = await clients.anonymous.get('/api/proposals');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe(ANON);
  });

  it('filters never widen the scope', async () => {
    const ofIds = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => nameOfId(i.id)).sort();
    // a unit asking for another unit's items gets an empty page
    expect(ofIds(await clients['jyj-handler'].get('/api/proposals?unitId=rsj&pageSize=100'))).toEqual([]);
    expect(ofIds(await clients['rsj-leader'].get('/api/proposals?unitId=jyj&pageSize=100'))).toEqual([]);
    // a liaison asking for the other chamber's kind gets nothing
    expect(ofIds(await clients['npc-liaison'].get('/api/proposals?kind=cppcc_proposal&pageSize=100'))).toEqual([]);
    expect(ofIds(await clients['cppcc-liaison'].get('/api/proposals?kind=npc_suggestion&pageSize=100'))).toEqual([]);
    // a proposer's filters only narrow their own items
    expect(ofIds(await clients['deputy-2'].get('/api/proposals?unitId=rsj&pageSize=100'))).toEqual([]);
    const ownOfRsj = ITEM_NAMES.filter((n) => listable('deputy-1', n) && listable('rsj-handler', n)).sort();
    expect(ofIds(await clients['deputy-1'].get('/api/proposals?unitId=rsj&pageSize=100'))).toEqual(ownOfRsj);
    // the scope's own filter names are no query parameters: refused with 400, not a way round it
    const sneaky = await clients['deputy-2'].get('/api/proposals?proposerUsername=deputy-1&kinds=npc_suggestion');
    expect({ status: sneaky.status, code: sneaky.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });
});

// ── the matrix ───────────────────────────────────────────────────────────────────────────────
const ROWS = Object.entries(MATRIX).flatMap(([endpoint, outcomes]) => {
  if (outcomes.length !== CALLERS.length) throw new Error(`MATRIX row "${endpoint}" has ${outcomes.length} columns, not ${CALLERS.length}`);
  return outcomes.map((o, i) => [endpoint, CALLERS[i], o] as const);
});

describe('authorization matrix', () => {
  it.each(ROWS)('%s as %s → %s', async (endpoint, caller, outcome) => {
    const [method, path, body] = REQUESTS[endpoint]();
    const res = await clients[caller].request<any>(method, path, body);
    // on a mismatch, show what came back
    const seen = { status: res.status, code: res.body?.code };
    if (outcome === PAST) {
      expect(seen).toEqual({ status: 409, code: expect.stringMatching(/^[A-Z_]+$/) });
      expect(AUTH_CODES).not.toContain(seen.code);
    } else if (typeof outcome === 'number') {
      expect(seen).toEqual({ status: outcome, code: undefined });
    } else {
      expect(seen).toEqual({ status: STATUS_OF[outcome], code: outcome });
    }
    if (endpoint === 'GET me' && caller !== 'anonymous') expect(res.body.username).toBe(caller);
    if (endpoint.startsWith('GET detail') && outcome === OK) expect(res.body.id).toBe(endpoint.includes('cppcc') ? ids.cppcc : ids.npc);
    if (endpoint === 'POST me/inbox/{rsj-handler notice}/read' && outcome === OK) expect(res.body.id).toBe(rsjNotice);
  });

  it('every endpoint the API serves has a row (OpenAPI paths × methods)', async () => {
    const doc = await clients.anonymous.get('/api/docs-json');
    expect(doc.status).toBe(200);
    const served = Object.entries(doc.body.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set(Object.values(REQUESTS).map((req) => endpointOf(req())));
    expect(served.filter((e) => !covered.has(e)).sort()).toEqual([]);
  });

  // PostgreSQL stores no U+0000: unrefused, it was a 500 here — and in a command, events the workflow could never append
  it('U+0000 in a feedback link, a query or a command body is 400, never a 500', async () => {
    const refused = (res: Reply) => ({ status: res.status, code: res.body?.code });
    const bad = { status: 400, code: 'VALIDATION_FAILED' };
    expect(refused(await clients.anonymous.get('/api/feedback/a%00b'))).toEqual(bad);
    expect(refused(await clients.anonymous.post('/api/feedback/a%00b', FEEDBACK))).toEqual(bad);
    expect(refused(await clients.anonymous.get('/api/public/replies?q=%00'))).toEqual(bad);
    expect(refused(await clients.office.get('/api/proposals?q=a%00'))).toEqual(bad);
    expect(refused(await clients.anonymous.post('/api/auth/login', { username: 'office\u0000', password: 'x' }))).toEqual(bad);
    const contact = { method: 'phone', on: shanghaiDay(), summary: '电话\u0000沟通' };
    const res = await clients['rsj-handler'].post(`${p('toContact')}/units/rsj/contacts`, contact);
    expect(refused(res)).toEqual(bad);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['summary']);
  });

  it('a forged or malformed token is 401, never a guest pass', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const claims = { sub: '00000000-0000-4000-8000-000000000000', username: 'office', role: 'office', unitId: null, name: 'x' };
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    const wrongKey = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.${'A'.repeat(43)}`;
    for (const token of [unsigned, wrongKey, 'not-a-token']) {
      const res = await new ApiClient(stack.baseUrl, token).get('/api/proposals');
      expect({ token, status: res.status, code: res.body?.code }).toEqual({ token, status: 401, code: ANON });
    }
  });
});

/** `POST /api/proposals/{id}/units/{unitId}/receipt` for a request of the matrix: its OpenAPI path. */
function endpointOf([method, path]: Request): string {
  const template = path
    .replace(/\?.*$/, '')
    .replace(/^\/api\/proposals\/[0-9a-f-]{36}/, '/api/proposals/{id}')
    .replace(/^\/api\/proposals\/import\/progress\/[\w-]+$/, '/api/proposals/import/progress/{progressId}')
    .replace(/\/units\/\w+/, '/units/{unitId}')
    .replace(/\/replies\/[0-9a-f-]{36}/, '/replies/{replyId}')
    .replace(/\/instructions\/[0-9a-f-]{36}/, '/instructions/{requestId}')
    .replace(/^\/api\/feedback\/.+$/, '/api/feedback/{token}')
    .replace(/^\/api\/me\/inbox\/[0-9a-f-]{36}/, '/api/me/inbox/{id}')
    .replace(/^\/api\/admin\/calendar\/\d{4}$/, '/api/admin/calendar/{year}')
    .replace(/^\/api\/operations\/[\w-]+$/, '/api/operations/{id}')
    .replace(/^\/api\/admin\/projections\/\w+\/rebuild$/, '/api/admin/projections/{name}/rebuild')
    .replace(/^\/api\/admin\/users\/[0-9a-f-]{36}/, '/api/admin/users/{id}')
    .replace(/^\/api\/units\/\{unitId\}\/summaries\/\d{4}$/, '/api/units/{unitId}/summaries/{year}');
  return `${method} ${template}`;
}

// ── after the matrix: what the allowed rows did, and reads that outlive a return ───────────────
describe('after the allowed steps', () => {
  it('a unit keeps reading an item it has returned, but can act on it no more (409, past authorization)', async () => {
    const rsj = clients['rsj-handler'];
    const detail = await rsj.get(`/api/proposals/${ids.toDecide}`);
    expect(detail.status).toBe(200);
    expect(detail.body.assignments.find((a: any) => a.unitId === 'rsj').status).toBe('returned');
    const list = await rsj.get('/api/proposals?pageSize=100');
    expect(list.body.items.map((i: any) => i.id)).toContain(ids.toDecide);
    const again = await rsj.post(`/api/proposals/${ids.toDecide}/units/rsj/receipt`);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'NOT_ASSIGNED_TO_UNIT' });
  });

  /** The events each item gained during the matrix: [type, actor username] — each step once, by the caller the matrix allowed. */
  const STEPS_TAKEN: Partial<Record<ItemName, [string, string][]>> = {
    toAssign: [['ProposalAssigned', 'office']],
    npc: [['ReceiptSigned', 'rsj-handler']],
    toReturn: [['ReturnRequested', 'rsj-handler']],
    toDecide: [['ReturnApproved', 'office']],
    toReassign: [['PartReassigned', 'office']],
    toDesignate: [['FeedbackRecipientDesignated', 'office']],
    toContact: [['ContactRecorded', 'rsj-handler']],
    toExplain: [['ExplanationFiled', 'rsj-handler']],
    toCoOpine: [['CoUnitOpinionSubmitted', 'rsj-handler']],
    toInstruct: [['InstructionsRequested', 'rsj-handler']],
    instructed: [['InstructionsReceived', 'rsj-handler']],
    toReport: [['ProgressReportSubmitted', 'rsj-handler']],
    toDraft: [['ReplyDrafted', 'rsj-handler']],
    atLeader: [['ReplyReviewed', 'rsj-leader']],
    atViceMayor: [['ReplyReviewed', 'vice-mayor-1']],
    atOffice: [['ReplyReviewed', 'office']],
    // the form's recipient is recorded by the item's workflow right after (never the token)
    toSend: [
      ['ReplySent', 'rsj-handler'],
      ['FeedbackFormIssued', 'system'],
    ],
    toDisclose: [
      ['DisclosureChosen', 'office'],
      ['DisclosureChosen', 'rsj-handler'],
      // a B reply's promise: its unit's handler and leader report progress (issue 9)
      ['PromiseProgressReported', 'rsj-handler'],
      ['PromiseProgressReported', 'rsj-leader'],
    ],
    // answered through the link by whoever held it: recorded as the proposer's answer
    toAnswer: [
      ['FeedbackReceived', 'deputy-1'],
      ['ProposalArchived', 'deputy-1'],
    ],
    toRead: [['SatisfiedReplyRead', 'vice-mayor-1']],
    major: [['MajorItemSubmittedForApproval', 'office']],
    majorSubmitted: [['MajorItemApproved', 'vice-mayor-1']],
    toMerge: [['ProposalsMerged', 'office']],
    mergeItem: [['MergedIntoProposal', 'office']],
    merged: [['MergedProposalSplit', 'office']],
    mergedItem: [['ProposalSplitOff', 'office']],
    toBulkAssign: [['ProposalAssigned', 'office']],
    provToCompile: [['GovernmentDocumentCompiled', 'office']],
    provAtReviewer: [['GovernmentDocumentReviewed', 'office-reviewer']],
    provAtSignature: [['GovernmentDocumentReviewed', 'vice-mayor-1']],
    provToSend: [
      ['GovernmentDocumentSent', 'office'],
      ['ProposalArchived', 'office'],
    ],
  };

  it('the allowed steps happened once, by the caller the matrix allowed; the refused ones left no trace', async () => {
    const taken = Object.fromEntries(
      await Promise.all(
        ITEM_NAMES.map(async (n) => {
          const events = (await clients.office.get(`${p(n)}/events`)).body as any[];
          return [n, events.slice(items[n].prepared).map((e) => [e.type, e.actor?.username])] as const;
        }),
      ),
    );
    expect(taken).toEqual(Object.fromEntries(ITEM_NAMES.map((n) => [n, STEPS_TAKEN[n] ?? []])));
    // registration and import: one item each, by the office
    const list = (await clients.office.get('/api/proposals?pageSize=100')).body.items as any[];
    const added = list.filter((i) => !ITEM_NAMES.some((n) => ids[n] === i.id));
    expect(added.map((i) => i.title).sort()).toEqual(['关于矩阵测试导入的建议', '关于矩阵测试登记的建议']);
  });

  it('the review rows sent the reply back, at the stage of the reviewer the matrix allowed', async () => {
    const reviews = async (n: ItemName) => ((await clients.office.get(`${p(n)}/events`)).body as any[]).slice(items[n].prepared).map((e) => [e.data.stage, e.data.approve]);
    expect(await reviews('atLeader')).toEqual([['unit_leader', false]]);
    expect(await reviews('atViceMayor')).toEqual([['vice_mayor', false]]);
    expect(await reviews('atOffice')).toEqual([['office', false]]);
    expect(await reviews('provAtReviewer')).toEqual([['office_reviewer', false]]);
    expect(await reviews('provAtSignature')).toEqual([['vice_mayor_signature', false]]);
  });
});
