/**
 * The rules for a file name a learner types (New file, Rename). Pure, so each rule is tested;
 * the answer is the sentence to show, or undefined when the name is fine.
 */
export function newFilePathProblem(path: string, existing: Record<string, string>, canChangeFiles: boolean): string | undefined {
  if (!canChangeFiles) return 'This lesson does not let you add, rename or delete files.';
  if (!/^[\w.-]+(\/[\w.-]+)*$/.test(path) || path.split('/').some((part) => part === '..' || part === '.')) {
    return 'Use letters, digits, dots, dashes and slashes, like "routes/users.js".';
  }
  // The agent, the lesson's package.json and the dependency snapshot are mounted beside the learner's files.
  if (path.startsWith('.agent/') || path === 'package.json' || path.startsWith('node_modules/')) return `"${path}" belongs to the playground; pick another name.`;
  if (path in existing) return `"${path}" already exists.`;
  return undefined;
}
