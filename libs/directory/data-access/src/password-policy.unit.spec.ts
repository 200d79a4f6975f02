import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('accepts a long password with letters and digits that does not contain the username', () => {
    expect(passwordProblems('Chengban2026x', 'rsj-handler')).toEqual([]);
    expect(passwordProblems('长城长城长城ab12', 'office')).toEqual([]); // 10 characters, counted as a person counts
  });

  it.each([
    ['short1abc', ['密码至少 10 个字符']],
    ['abcdefghijk', ['密码须包含数字']],
    ['12345678901', ['密码须包含字母']],
    ['abc 1234567', ['密码不能包含空白字符']],
    ['xRSJ-Handler9', ['密码不能包含用户名']],
    ['a1'.repeat(101), ['密码不能超过 200 个字符']],
  ])('refuses %j with a Chinese reason', (password, problems) => {
    expect(passwordProblems(password, 'rsj-handler')).toEqual(problems);
  });

  it('names every problem at once', () => {
    expect(passwordProblems('', 'x')).toEqual(['密码至少 10 个字符', '密码须包含字母', '密码须包含数字']);
  });
});
