import { defineChecks, type HttpStep } from '../../../src/checks/define.ts';

const INJECTION = "' OR '1'='1";

/** A log-in attempt that must be refused: 401 and no welcome page. */
function refused(name: string, username: string, password: string, message: string): HttpStep {
  return {
    name,
    request: { method: 'POST', path: '/login', form: { username, password } },
    expect: { status: 401, bodyNotContains: ['Welcome'] },
    message,
  };
}

export default defineChecks({
  checks: [
    {
      id: 'right-password',
      title: 'Staff log in with the right password',
      steps: [
        {
          name: 'alice / wonderland',
          request: { method: 'POST', path: '/login', form: { username: 'alice', password: 'wonderland' } },
          expect: { status: 200, bodyContains: ['Welcome, alice'] },
          message: 'alice with password "wonderland" must still log in (200, "Welcome, alice").',
        },
      ],
    },
    {
      id: 'wrong-password',
      title: 'A wrong password is refused',
      steps: [refused('alice / wrong', 'alice', 'not-it', 'A wrong password must answer 401 with the log-in page.')],
    },
    {
      id: 'injection-in-password',
      title: `The password ${INJECTION} does not log in`,
      hint: "With the value pasted into the SQL, the WHERE clause becomes … AND password = '' OR '1'='1' — true for every row. Use ? placeholders.",
      steps: [
        refused(
          `alice / ${INJECTION}`,
          'alice',
          INJECTION,
          `The password ${INJECTION} logged in: it is pasted into the SQL and rewrites the WHERE clause. Use placeholders: get('SELECT … WHERE username = ? AND password = ?', [username, password]).`,
        ),
      ],
    },
    {
      id: 'injection-everywhere',
      title: 'Injection in the username does not log in either',
      steps: [
        refused(
          `${INJECTION} / ${INJECTION}`,
          INJECTION,
          INJECTION,
          `The username and password ${INJECTION} logged in as the first staff member. Pass both values as parameters (?), never inside the SQL string.`,
        ),
        refused(
          "alice'-- / anything",
          "alice'--",
          'anything',
          "The username alice'-- logged in without her password: -- comments out the password test. Use ? placeholders for every value.",
        ),
      ],
    },
    {
      id: 'apostrophe-in-name',
      title: "A user called o'brien can log in",
      hint: "Escaping quotes by hand (replace ' with '') is how injection bugs come back. Placeholders handle any character.",
      steps: [
        {
          name: "o'brien / tea-at-four",
          request: { method: 'POST', path: '/login', form: { username: "o'brien", password: 'tea-at-four' } },
          expect: { status: 200, bodyContains: ['Welcome, o'] },
          message: "o'brien could not log in: the apostrophe in the name breaks the hand-built SQL (look at the error in the output panel). With ? placeholders quotes are just characters.",
        },
      ],
    },
    {
      id: 'no-sql-built-from-strings',
      title: 'server.js builds no SQL from ${…}',
      hint: 'Every value goes in the parameter array: get(sql, [value1, value2]).',
      file: {
        path: 'server.js',
        notContains: [/(SELECT|INSERT|UPDATE|DELETE)\b[^`]*\$\{/i],
        message: 'server.js still puts a value into SQL text with ${…}. Write ? in the SQL and pass the values in the array argument instead.',
      },
    },
  ],
});
