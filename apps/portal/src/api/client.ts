/**
 * The typed client of the API: paths and bodies come from schema.d.ts, generated from the API's own
 * OpenAPI document (tools/gen-api-types.mjs). Every answer goes through `call`, which turns an
 * error answer into an ApiError carrying the API's Chinese message, its code and the fields it names.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Me = Schemas['MeDto'];
export type Detail = Schemas['ProposalDetailDto'];
export type ListItem = Schemas['ProposalListItemDto'];
export type UnitAssignment = Schemas['UnitAssignmentDto'];
export type Reply = Schemas['ReplyViewDto'];
export type InboxItem = Schemas['InboxItemDto'];

const TOKEN_KEY = 'jyta.accessToken';

export const session = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

export interface FieldError {
  field: string;
  errors: string[];
}

/** An API error answer: {statusCode, code, message, details}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** VALIDATION_FAILED names the fields: details.fields = [{field, errors}]. */
  get fields(): FieldError[] {
    const d = this.details as { fields?: FieldError[] } | undefined;
    return Array.isArray(d?.fields) ? d.fields : [];
  }
}

/** Called when the API says the token is missing or expired (the app sends the user to the login page). */
let onUnauthenticated: () => void = () => undefined;
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && request.headers.has('Authorization')) {
      session.clear();
      onUnauthenticated();
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin });
api.use(auth);

/** A fresh Idempotency-Key per user action, so a retried click runs the command once. */
export function idempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function toApiError(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as { code?: string; message?: string; details?: unknown };
  const message = typeof b.message === 'string' && b.message ? b.message : status >= 500 ? '服务暂时不可用，请稍后重试' : '请求未成功';
  return new ApiError(status, b.code ?? `HTTP_${status}`, message, b.details);
}

/** Unwraps an openapi-fetch answer: the data, or an ApiError thrown. */
export async function call<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: { data?: T; error?: unknown; response: Response };
  try {
    r = await p;
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!r.response.ok) throw toApiError(r.response.status, r.error);
  return r.data as T;
}
