/** A small HTTP client for the API under test: JSON in, { status, body } out. */
export interface Reply<T = any> {
  status: number;
  body: T;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private token?: string,
  ) {}

  static async login(baseUrl: string, username: string, password = process.env.DEMO_PASSWORD ?? 'Demo#2026') {
    const res = await new ApiClient(baseUrl).post('/api/auth/login', { username, password });
    if (res.status !== 200 && res.status !== 201) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return new ApiClient(baseUrl, res.body.accessToken);
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request<T>('POST', path, body, headers);
  }

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    // A FormData body goes as multipart/form-data: fetch sets the content type with its boundary.
    const form = body instanceof FormData;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : form ? body : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  }
}

/** Polls until `check` returns a value (not undefined), or fails with the last value seen. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Today's calendar date in Asia/Shanghai, shifted by `days`. */
export function shanghaiDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
