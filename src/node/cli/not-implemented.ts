/** Placeholder for a script whose issue has not landed yet: fails loudly, never passes silently. */
const scriptName = process.argv[2] ?? 'this command';
console.error(`${scriptName}: not implemented yet`);
process.exit(1);
export {};
