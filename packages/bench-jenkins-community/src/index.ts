/**
 * The side-by-side benchmark of the build list: the Delivery backend against the community
 * Jenkins backend on the sandbox (#13). Nothing to import: run `yarn bench:jenkins` from the
 * repository root (the script is `src/sideBySide.ts`).
 *
 * @packageDocumentation
 */
export {};
