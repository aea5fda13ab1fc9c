/**
 * Returns the problems with a registration body, as [{ message, field, code }].
 * An empty array means the registration is valid.
 */
const RULES = {
  name: (value) => typeof value === 'string' && value.trim().length >= 1 && value.trim().length <= 80,
  email: (value) => typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
  tickets: (value) => Number.isInteger(value) && value >= 1 && value <= 4,
};

const MESSAGES = {
  name: 'Please give a name of at most 80 characters.',
  email: 'Please give an e-mail address such as ada@example.com.',
  tickets: 'You can book 1, 2, 3 or 4 tickets.',
};

export function validateRegistration(body) {
  const input = body && typeof body === 'object' ? body : {};
  return Object.entries(RULES)
    .filter(([field, isValid]) => !isValid(input[field]))
    .map(([field]) => ({ message: MESSAGES[field], field, code: 'invalid' }));
}
