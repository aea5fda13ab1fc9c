// The bug report as a program: it exits 0 when the bug is absent and 1 when it is present —
// what `git bisect run` needs. `node bisect-run.js` starts the server and runs this file with
// BASE_URL set to it; Check does the same.
const BASE_URL = process.env.BASE_URL;

const res = await fetch(`${BASE_URL}/users/1`);
const body = await res.json();
console.log(res.status, JSON.stringify(body));

// TODO: compare the answer with user 1 in users.json, and exit with 1 (process.exitCode = 1)
// when it shows the bug.
