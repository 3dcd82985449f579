// Reads back what each generated package holds, for the fuzz test to compare with its spec.
// Usage: node readback.mjs MODULE.js...; prints {module: {version, categories, errors, retired}} as JSON.
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
}
process.stdout.write(JSON.stringify(out));
