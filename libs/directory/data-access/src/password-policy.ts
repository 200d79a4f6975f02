/**
 * The password policy for passwords an administrator sets (create, reset). Pure; the messages are
 * shown to the administrator as they are.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** What is wrong with `password` for the account `username` (empty = acceptable). */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  // Counted in code points, as a person counts characters.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 个字符`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`);
  if (!/[A-Za-z]/.test(password)) problems.push('密码须包含字母');
  if (!/[0-9]/.test(password)) problems.push('密码须包含数字');
  if (/\s/.test(password)) problems.push('密码不能包含空白字符');
  const u = username.trim().toLowerCase();
  if (u && password.toLowerCase().includes(u)) problems.push('密码不能包含用户名');
  return problems;
}
