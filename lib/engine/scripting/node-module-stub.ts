/**
 * Stands in for Node's `module` in browser bundles. wasmoon (the Lua VM)
 * imports it on a branch that only runs under Node; the bundler still has to
 * resolve the import, and next.config.mjs points it here for the browser.
 */
export {};
