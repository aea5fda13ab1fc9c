/**
 * Returns the problems with a registration body, as [{ field, message }].
 * An empty array means the registration is valid.
 *
 * Rules:
 *   name     a string, 1–80 characters after trimming
 *   email    a string like name@example.com (no spaces, one @, a dot in the domain)
 *   tickets  a whole number from 1 to 4
 */
export function validateRegistration(body) {
  const problems = [];
  const { name, email, tickets } = body ?? {};

  if (typeof name !== 'string' || name.trim().length < 1 || name.trim().length > 80) {
    problems.push({ field: 'name', message: 'name must be a string of 1 to 80 characters' });
  }
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    problems.push({ field: 'email', message: 'email must look like name@example.com' });
  }
  if (typeof tickets !== 'number' || tickets < 1 || tickets > 4) {
    problems.push({ field: 'tickets', message: 'tickets must be a whole number from 1 to 4' });
  }

  return problems;
}
