/**
 * The typed client (openapi-fetch) takes `globalThis.fetch` once, when src/api/client.ts is first
 * imported; a test that replaces fetch afterwards is never called. Import this module before any
 * module of the portal: it installs a fetch that forwards to whatever `answer` the test sets.
 */
type Fetch = typeof fetch;

let current: Fetch = async () => new Response(JSON.stringify({ statusCode: 503, code: 'NO_STUB', message: '测试未设置应答' }), { status: 503 });

globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => current(input, init)) as Fetch;

/** From now on, every request of the portal goes to `fn`. */
export function answer(fn: Fetch): void {
  current = fn;
}
