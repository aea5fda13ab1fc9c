// Reads users from users.json.
import { readFileSync } from 'node:fs';

/** The user with this id, or undefined. */
export function findUser(id) {
  const users = JSON.parse(readFileSync('users.json', 'utf8'));
  return users.find((user) => user.id === id);
}
