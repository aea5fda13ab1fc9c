/**
 * `virtual:webcontainer-deps`: where the build put the lesson template's dependency snapshot
 * for WebContainers, and its size (src/node/vite-plugin-webcontainer-deps.ts).
 */
declare module 'virtual:webcontainer-deps' {
  export const dependencySnapshot: import('./webcontainer-deps.ts').DependencySnapshotAsset;
}
