// Reads back what each generated package holds, for the fuzz test to compare with its spec.
// Usage: node readback.mjs MODULE.js...; prints {module: {version, categories, errors, retired}} as JSON.
// Each variant of each code is also built as a server's error, written with toPayload and read back:
// the same code, message, variant and params, or this exits with the difference.
import assert from "node:assert/strict";

const out = {};
for (const path of process.argv.slice(2)) {
  const pkg = await import(path);
  out[path] = {
    version: pkg.VERSION,
    categories: Object.values(pkg.Category).map((category) => pkg.categoryTitle(category)),
    // Each code once, by its identifier: an alias is one more key of ErrorCode for the same code.
    errors: Object.entries(pkg.ErrorCode).filter(([name, code]) => pkg.errorCodeName(code) === name).map(([name, code]) => {
      const info = pkg.errorInfo(code);
      return { name, code, messages: info.messages, description: info.description };
    }),
    retired: [...pkg.RETIRED_CODES],
  };
  for (const [name, code] of Object.entries(pkg.ErrorCode)) {
    const info = pkg.errorInfo(code);
    if (info.kind === "success") {
      continue;
    }
    info.messages.forEach((text, variant) => {
      const params = Array.from({ length: text.replaceAll("%%", "").split("%s").length - 1 }, () => "v");
      const built = pkg.buildError(code, variant, ...params);
      const read = pkg.fromPayload(JSON.stringify(built.toPayload()));
      const seen = (error) => [error.code, error.message, error.variant, [...error.params]];
      assert.deepEqual(seen(read), seen(built), `${path}: ${name} variant ${variant}`);
    });
  }
}
process.stdout.write(JSON.stringify(out));
