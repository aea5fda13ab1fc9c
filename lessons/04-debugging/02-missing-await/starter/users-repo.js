// Reads users from users.json. This used to use readFileSync; it was made async last sprint
// so a slow disk no longer blocks every other request while the file is read.
import { readFile } from 'node:fs/promises';

/** The user with this id, or undefined. */
export async function findUser(id) {
  const users = JSON.parse(await readFile('users.json', 'utf8'));
  return users.find((user) => user.id === id);
}
