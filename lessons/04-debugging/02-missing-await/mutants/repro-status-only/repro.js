// The bug report as a program: it exits 0 when the bug is absent and 1 when it is present —
// what `git bisect run` needs. `node bisect-run.js` starts the server and runs this file with
// BASE_URL set to it; Check does the same.
const BASE_URL = process.env.BASE_URL;

const res = await fetch(`${BASE_URL}/users/1`);
const body = await res.json();
const good = res.status === 200;
console.log(good ? 'good:' : 'bad:', res.status, JSON.stringify(body));
process.exitCode = good ? 0 : 1;
