/** Server state through TanStack Query: one hook per read, one mutation helper for every command. */
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, call, idempotencyKey, session, type Detail, type Schemas } from './client';
import type { operations } from './schema';

export type ListQuery = NonNullable<operations['ProposalsController_list']['parameters']['query']>;
export type PublicQuery = NonNullable<operations['PublicController_replies']['parameters']['query']>;

export type PublicReply = Schemas['PublicReplyDto'];

export interface FeedbackForm {
  proposal: { id: string; number: string; title: string };
  reply: { id: string; unitId: string; round: number; category: string; body: string; sentAt: string | null };
  open: boolean;
  feedbackDueAt: string | null;
  answered: boolean;
}

export const keys = {
  me: ['me'] as const,
  units: ['units'] as const,
  items: (q: ListQuery) => ['items', q] as const,
  item: (id: string) => ['item', id] as const,
  events: (id: string) => ['item', id, 'events'] as const,
  inbox: ['inbox'] as const,
};

export function useMe(enabled = true) {
  return useQuery({
    queryKey: keys.me,
    enabled: enabled && !!session.token(),
    queryFn: () => call(api.GET('/api/me')),
    staleTime: 60_000,
  });
}

/** The directory of units (needs a login: the public site does without it). */
export function useUnits() {
  return useQuery({ queryKey: keys.units, enabled: !!session.token(), queryFn: () => call(api.GET('/api/units')), staleTime: 10 * 60_000 });
}

/** unit code → name, for tables that carry codes; null while unknown (never the code itself). */
export function useUnitNames(): (code: string) => string {
  const { data } = useUnits();
  return (code) => data?.find((u) => u.code === code)?.name ?? '承办单位';
}

/** 办理情况: the figures of everything a list with these filters would hold, counted by the API (not a page of items). */
export function useFigures(q: ListQuery, opts: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: ['figures', q],
    queryFn: () => call(api.GET('/api/proposals/figures', { params: { query: q } })),
    placeholderData: keepPreviousData,
    refetchInterval: opts.refetchInterval,
  });
}

export function useItems(q: ListQuery, opts: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: keys.items(q),
    queryFn: () => call(api.GET('/api/proposals', { params: { query: q } })),
    placeholderData: keepPreviousData,
    refetchInterval: opts.refetchInterval,
  });
}

export function useItem(id: string | undefined) {
  return useQuery({
    queryKey: keys.item(id ?? ''),
    enabled: !!id,
    queryFn: () => call(api.GET('/api/proposals/{id}', { params: { path: { id: id! } } })),
    retry: (n, e) => n < 2 && !(e as { status?: number }).status,
  });
}

export function useEvents(id: string | undefined) {
  return useQuery({
    queryKey: keys.events(id ?? ''),
    enabled: !!id,
    queryFn: () => call(api.GET('/api/proposals/{id}/events', { params: { path: { id: id! } } })),
  });
}

export function useInbox(enabled: boolean) {
  return useQuery({
    queryKey: keys.inbox,
    enabled,
    queryFn: () => call(api.GET('/api/me/inbox', { params: { query: { pageSize: 20 } } })),
    refetchInterval: 15_000,
  });
}

export function useDeadlinePreview(assignedOn: string | undefined, urgent: boolean) {
  return useQuery({
    queryKey: ['deadline-preview', assignedOn, urgent],
    enabled: !!assignedOn,
    queryFn: () => call(api.GET('/api/calendar/preview', { params: { query: { assignedOn: assignedOn!, urgent } } })),
  });
}

export function usePublicReplies(q: PublicQuery) {
  return useQuery({
    queryKey: ['public', q],
    queryFn: () => call(api.GET('/api/public/replies', { params: { query: q } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublicReply(replyId: string | undefined) {
  return useQuery({
    queryKey: ['public', 'reply', replyId],
    enabled: !!replyId,
    queryFn: () => call(api.GET('/api/public/replies/{replyId}', { params: { path: { replyId: replyId! } } })),
    retry: false,
  });
}

/** The units, for the public site's filter (no login). */
export function usePublicUnits() {
  return useQuery({ queryKey: ['public', 'units'], queryFn: () => call(api.GET('/api/public/units')), staleTime: 10 * 60_000 });
}

/** 分管市领导: the vice mayors (account → name), for pickers and wherever an item keeps the account. */
export function useLeaders() {
  return useQuery({ queryKey: ['leaders'], enabled: !!session.token(), queryFn: () => call(api.GET('/api/leaders')), staleTime: 10 * 60_000 });
}

/** account → the person's name; never the account code itself (「分管市领导」 while unknown). */
export function useLeaderName(): (username: string | null | undefined) => string {
  const { data } = useLeaders();
  return (username) => (username ? (data?.find((l) => l.username === username)?.name ?? '分管市领导') : '—');
}

export function useFeedbackForm(token: string | undefined) {
  return useQuery({
    queryKey: ['feedback', token],
    enabled: !!token,
    queryFn: async () => (await call(api.GET('/api/feedback/{token}', { params: { path: { token: token! } } }))) as unknown as FeedbackForm,
  });
}

/** After a command: the item, its history, lists and the inbox may all have changed. */
export function invalidateItem(qc: QueryClient, id?: string) {
  if (id) void qc.invalidateQueries({ queryKey: ['item', id] });
  void qc.invalidateQueries({ queryKey: ['items'] });
  void qc.invalidateQueries({ queryKey: ['queue'] });
  void qc.invalidateQueries({ queryKey: keys.inbox });
}

/**
 * A command on an item: `run(key)` calls the API with a fresh Idempotency-Key; afterwards the
 * item's queries refresh.
 */
export function useItemCommand<V>(id: string | undefined, run: (vars: V, headers: { 'Idempotency-Key': string }) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => run(vars, { 'Idempotency-Key': idempotencyKey() }),
    onSuccess: () => invalidateItem(qc, id),
  });
}

export type { Detail, Schemas };

/** The current details of the rows of a list page (each cached by its version). */
function useDetailsOfRows(rows: { id: string; version: number }[]) {
  return useQueries({
    queries: rows.map((i) => ({
      queryKey: ['item', i.id, 'v', i.version],
      queryFn: () => call(api.GET('/api/proposals/{id}', { params: { path: { id: i.id } } })),
      staleTime: 30_000,
    })),
  });
}

/**
 * The details of the items of a list page (at most 100), for queues that need per-unit and
 * per-reply state the list does not carry.
 */
export function useDetailsOf(q: ListQuery, enabled = true) {
  const list = useQuery({
    queryKey: ['queue', q],
    enabled,
    queryFn: () => call(api.GET('/api/proposals', { params: { query: { ...q, pageSize: 100 } } })),
  });
  const details = useDetailsOfRows(list.data?.items ?? []);
  return {
    isLoading: list.isLoading || details.some((d) => d.isLoading),
    error: list.error ?? details.find((d) => d.error)?.error ?? null,
    items: details.map((d) => d.data).filter((d): d is Detail => !!d),
  };
}

/**
 * One page of the list, filtered and paged on the server, with the details of just its rows (a
 * page at a time, however long the list): for pages that show per-reply state.
 */
export function usePagedDetails(q: ListQuery) {
  const list = useItems(q);
  const details = useDetailsOfRows(list.data?.items ?? []);
  return {
    isLoading: list.isLoading || list.isFetching || details.some((d) => d.isLoading),
    error: list.error ?? details.find((d) => d.error)?.error ?? null,
    total: list.data?.total ?? 0,
    /** the details in the order of the page */
    items: details.map((d) => d.data).filter((d): d is Detail => !!d),
  };
}
