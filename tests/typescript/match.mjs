// Runs a generated package's match() on given messages, for tests/test_typescript_target.py.
// Usage: node match.mjs MODULE.js CASES.json, where CASES.json is [[code, message], ...]; prints
// [{variant, params} or null, ...] as JSON (lone surrogates come and go as JSON escapes).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const pkg = await import(pathToFileURL(process.argv[2]).href);
const cases = JSON.parse(readFileSync(process.argv[3], "utf8"));
process.stdout.write(JSON.stringify(cases.map(([code, message]) => pkg.match(code, message))));
