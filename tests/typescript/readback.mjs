// Reads back what each generated package holds, for the fuzz test to compare with its spec.
// Usage: node readback.mjs MODULE.js...; prints {module: {version, categories, errors, retired}} as JSON.
const out = {};
for (const path of process.argv.slice(2)) {
  const pkg = await import(path);
  out[path] = {
    version: pkg.VERSION,
    categories: Object.values(pkg.Category).map((category) => pkg.categoryTitle(category)),
    errors: Object.entries(pkg.ErrorCode).map(([name, code]) => {
      const info = pkg.errorInfo(code);
      return { name, code, messages: info.messages, description: info.description };
    }),
    retired: [...pkg.RETIRED_CODES],
  };
}
process.stdout.write(JSON.stringify(out));
