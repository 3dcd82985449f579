// Reads payloads with a generated package, for tests/test_typescript_payloads.py to compare with Python's.
// Usage: node payloads.mjs MODULE.js PAYLOADS.json; PAYLOADS.json is a list of JSON texts. Prints, for
// each, {first, every} (each error as its code, pointer, class, variant, params, matched, detail and
// mismatch; first null for a success) or {refused: message} for a PayloadError, as JSON.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const pkg = await import(pathToFileURL(process.argv[2]).href);
const payloads = JSON.parse(readFileSync(process.argv[3], "utf8"));
const shown = (error) => ({
  code: error.code,
  pointer: error.pointer,
  class: error.name,
  variant: error.variant,
  params: [...error.params],
  matched: error.matched,
  detail: error.detail,
  mismatch: error.mismatch,
});
const out = payloads.map((payload) => {
  try {
    const first = pkg.fromPayload(payload);
    return { first: first === null ? null : shown(first), every: pkg.everyError(payload).map(shown) };
  } catch (error) {
    if (!(error instanceof pkg.PayloadError)) {
      throw error;
    }
    return { refused: error.message };
  }
});
process.stdout.write(JSON.stringify(out));
