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

  // TODO: push { field, message } for every rule that name, email and tickets break.

  return problems;
}
