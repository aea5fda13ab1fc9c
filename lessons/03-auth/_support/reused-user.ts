/**
 * One signed-up user per Check run, for auth checks that only need *a* user to log in as.
 * Every sign-up costs a full scrypt at OWASP's cost (seconds in a busy browser tab), so checks
 * that test cookies or tokens share one account and each log in for their own session. Module
 * state lives as long as one Check (a fresh checks worker serves every Check), and the account
 * lives in the learner's database file, which survives server restarts.
 */
import type { CheckContext } from '../../../src/checks/define.ts';
import { signUp, uniqueName } from '../../_support/checks.ts';

const created = new Map<string, string>();

/** The username of an account with `password`, signed up by the first check that asks. */
export async function reusedUser(t: CheckContext, prefix: string, password: string): Promise<string> {
  const key = `${prefix}\n${password}`;
  const known = created.get(key);
  if (known !== undefined) return known;
  const username = uniqueName(prefix);
  await signUp(t, username, password);
  created.set(key, username);
  return username;
}
