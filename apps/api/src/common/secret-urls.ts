/**
 * URLs that carry a secret in their path: the feedback form's token (/api/feedback/{token}).
 * Whatever logs a request URL (the access log, the error filter) logs it through this.
 */
const FEEDBACK_PATH = /(\/api\/feedback\/)[^/?#]*/gi;

export function redactSecretsInUrl(url: string | undefined): string | undefined {
  return url === undefined ? undefined : url.replace(FEEDBACK_PATH, '$1[redacted]');
}
