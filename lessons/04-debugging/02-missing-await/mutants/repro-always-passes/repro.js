// The bug report as a program: it exits 0 when the bug is absent and 1 when it is present —
// what `git bisect run` needs. `node bisect-run.js` starts the server and runs this file with
// BASE_URL set to it; Check does the same.
const BASE_URL = process.env.BASE_URL;

const res = await fetch(`${BASE_URL}/users/1`);
const body = await res.json();
// Not just "200": the bug answers 200 too. The bug report is about the body.
const good = res.status === 200 && body.id === 1 && body.name === 'Ada Lovelace';
console.log(good ? 'good:' : 'bad:', res.status, JSON.stringify(body));
process.exitCode = 0;
