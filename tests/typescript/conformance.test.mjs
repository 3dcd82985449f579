// A generated TypeScript package against the shared conformance vectors (tests/vectors.py) and its spec.
//
// Run by tests/test_typescript_target.py as `node --test`, once per package and build:
//   ERRGEN_MODULE     the module to judge: a package's dist/index.js, or tsc's build of its src/index.ts
//   ERRGEN_VECTORS    the vectors file of the package's catalog (payload in, expected error out, and the
//                     catalog's codes, names, categories and matches by the reference rules)
//   ERRGEN_SPEC       optional: the spec's errors as JSON, read by PyYAML independently of errgen
//   ERRGEN_REFERENCE  the other build of the same package, whose exports must be the same
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

function env(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set; run this suite through tests/test_typescript_target.py`);
  }
  return value;
}

const load = (path) => import(pathToFileURL(path).href);
const pkg = await load(env("ERRGEN_MODULE"));
const reference = await load(env("ERRGEN_REFERENCE"));
const vectors = JSON.parse(readFileSync(env("ERRGEN_VECTORS"), "utf8"));
const spec = process.env.ERRGEN_SPEC ? JSON.parse(readFileSync(process.env.ERRGEN_SPEC, "utf8")) : null;

const utf8 = (text) => Buffer.from(text, "utf8");
// Values meant to trip a matcher or a formatter: regex syntax, placeholders, quotes, astral characters.
const hostile = (count) => Array.from({ length: count }, (_, i) => `v${i} \${x} %s {0} \\ "q" 。 🎉 $& $1 .*`);
const classOf = new Map(vectors.categories.categories.map((category) => [category.name, category.class]));
// A code with an error class and a message, for the tests that need one.
const sample = vectors.codes.find((entry) => entry.class !== null && entry.messages.length > 0);
const plain = (object) => ({ ...object }); // paramsByName has no prototype: compare its entries
/** What the package reports of an error, in the vectors' terms. */
const seen = (error) => ({
  code: error.code,
  name: pkg.errorCodeName(error.code),
  class: error.name,
  category: error.category,
  kind: error.kind,
  variant: error.variant,
  params: [...error.params],
  params_by_name: plain(error.paramsByName),
  matched: error.matched,
  detail: error.detail,
  mismatch: error.mismatch,
  message: error.message,
  retryable: error.retryable,
  http_status: error.httpStatus,
});

/** What classify() gives, in the terms of the error fromPayload() makes (its params and paramsByName plain). */
const classified = (found) => (found === null ? null : { ...found, params: [...found.params], paramsByName: plain(found.paramsByName) });
/** What classify() must give for the error fromPayload() makes of the same payload: the same, as data. */
const asData = (error) =>
  error === null
    ? null
    : {
        code: error.code,
        name: pkg.errorCodeName(error.code),
        message: error.message,
        kind: error.kind,
        category: error.category,
        variant: error.variant,
        params: [...error.params],
        paramsByName: plain(error.paramsByName),
        matched: error.matched,
        detail: error.detail,
        mismatch: error.mismatch,
        retryable: error.retryable,
        httpStatus: error.httpStatus,
        pointer: error.pointer,
      };

test("the module exports what the other build exports, class for class", () => {
  assert.deepEqual(Object.keys(pkg).sort(), Object.keys(reference).sort());
  for (const [name, value] of Object.entries(pkg)) {
    assert.equal(typeof value, typeof reference[name], name);
    if (typeof value === "function" && /^[A-Z]/.test(name)) {
      assert.equal(Object.getPrototypeOf(value).name, Object.getPrototypeOf(reference[name]).name, name);
    }
  }
});

test("every vector gives the expected error, from text, bytes and a parsed object", (t) => {
  assert.equal(vectors.catalog, pkg.CATALOG_NAME);
  assert.ok(vectors.cases.length > 10);
  t.diagnostic(`${vectors.cases.length} cases, ${vectors.cases.filter((item) => "all" in item).length} of them with every error`);
  for (const item of vectors.cases) {
    const { name, payload, payload_base64: base64, expect } = item;
    if (payload === null) {
      // Exact bytes, no text: as a Buffer, a Uint8Array and an ArrayBuffer.
      const bytes = Buffer.from(base64, "base64");
      const copy = new Uint8Array(bytes);
      assert.ok("error" in expect, name);
      for (const input of [bytes, copy, copy.buffer]) {
        assert.throws(() => pkg.fromPayload(input), pkg.PayloadError, name);
        assert.equal(pkg.classify(input), null, name);
      }
      continue;
    }
    if ("error" in expect) {
      for (const input of [payload, utf8(payload)]) {
        assert.throws(() => pkg.fromPayload(input), pkg.PayloadError, name);
        assert.equal(pkg.classify(input), null, name); // classify never throws
      }
      continue;
    }
    const inputs = [payload, utf8(payload), new Uint8Array(utf8(payload)), JSON.parse(payload)];
    if ("all" in item) {
      // Every error the payload holds, in order, each with the JSON Pointer of its code.
      for (const input of inputs) {
        assert.deepEqual(pkg.everyError(input).map((error) => ({ pointer: error.pointer, ...seen(error) })), item.all, name);
      }
    }
    if (expect.success) {
      // Only success codes: no error, and no class.
      for (const input of inputs) {
        assert.equal(pkg.fromPayload(input), null, name);
        assert.equal(pkg.classify(input), null, name);
      }
      if ("code" in expect) {
        assert.equal(pkg.errorInfo(expect.code).kind, "success", name);
        assert.equal(pkg.errorCodeName(expect.code), expect.name, name);
      }
      continue;
    }
    for (const input of inputs) {
      const error = pkg.fromPayload(input);
      assert.deepEqual(classified(pkg.classify(input)), asData(error), name); // the same, without the error
      assert.deepEqual(seen(error), expect, name);
      if ("all" in item) {
        assert.equal(error.pointer, item.all[0].pointer, name);
      }
      assert.equal(error.constructor, pkg[expect.class], name);
      assert.equal(error.constructor.name, expect.class, name);
      assert.ok(error instanceof pkg.ApiError && error instanceof Error, name);
      assert.ok(!(error instanceof pkg.PayloadError), name);
      if (expect.category !== null) {
        assert.ok(error instanceof pkg[classOf.get(expect.category)], name);
      }
      if (expect.name !== null) {
        assert.equal(pkg[expect.class].CODE, expect.code, name);
      }
    }
    if (expect.variant !== null && expect.matched === "exact") {
      assert.equal(pkg.format(expect.code, expect.variant, ...expect.params), expect.message, name);
      const found = pkg.match(expect.code, expect.message);
      assert.deepEqual([found.variant, [...found.params], plain(found.paramsByName)], [expect.variant, expect.params, expect.params_by_name], name);
    } else if (expect.name !== null) {
      assert.equal(pkg.match(expect.code, expect.message), null, name); // match() is exact only
    }
    if (expect.variant !== null) {
      // A server's error of the same code, variant and params, written and read back as such.
      const built = pkg.buildError(expect.code, expect.variant, ...expect.params);
      assert.deepEqual([built.code, built.variant, [...built.params], built.matched, built.pointer], [expect.code, expect.variant, expect.params, "exact", ""], name);
      const read = pkg.fromPayload(JSON.stringify(built.toPayload()));
      assert.deepEqual([read.code, read.variant, [...read.params], read.message], [built.code, built.variant, [...built.params], built.message], name);
      assert.equal(read.constructor, built.constructor, name);
    }
  }
});

test("every match vector: the variant in catalog order, its params in order and by name", () => {
  for (const { code, message, variant, params, params_by_name: byName } of vectors.matches) {
    const found = pkg.match(code, message);
    const what = JSON.stringify([code, message]);
    if (variant === null) {
      assert.equal(found, null, what);
      continue;
    }
    assert.deepEqual({ variant: found.variant, params: [...found.params], byName: plain(found.paramsByName) }, { variant, params, byName }, what);
    assert.ok(Object.isFrozen(found) && Object.isFrozen(found.params) && Object.isFrozen(found.paramsByName), what);
    assert.equal(Object.getPrototypeOf(found.paramsByName), null, what);
  }
});

test("every code reads back as the catalog says: names, aliases, kinds, categories, classes, messages", () => {
  const keys = vectors.codes.flatMap((entry) => [[entry.name, entry.code], ...entry.aliases.map((alias) => [alias.name, entry.code])]);
  assert.deepEqual(Object.entries(pkg.ErrorCode), keys);
  for (const entry of vectors.codes) {
    const code = pkg.ErrorCode[entry.name];
    assert.equal(code, entry.code);
    assert.equal(pkg.errorCodeName(code), entry.name);
    assert.equal(pkg.isErrorCode(code), true);
    const messages = pkg.messages(code);
    assert.deepEqual([...messages], entry.messages);
    assert.deepEqual(messages.map(utf8), entry.messages.map(utf8));
    assert.deepEqual(
      { ...pkg.errorInfo(code), messages: [...messages], aliases: pkg.errorInfo(code).aliases.map(plain) },
      {
        code: entry.code,
        name: entry.name,
        title: entry.title,
        aliases: entry.aliases,
        kind: entry.kind,
        category: entry.category,
        messages: entry.messages,
        retryable: entry.retryable,
        httpStatus: entry.http_status,
        deprecated: entry.deprecated,
        description: entry.description,
      },
    );
    if (entry.class === null) {
      // A success code: a constant, and no class anywhere.
      assert.equal(entry.kind, "success");
      assert.ok(!Object.values(pkg).some((value) => typeof value === "function" && value.CODE === code), entry.name);
      continue;
    }
    const cls = pkg[entry.class];
    assert.equal(cls.name, entry.class, "a class is named as it is exported");
    assert.equal(cls.CODE, code);
    assert.equal(Object.getPrototypeOf(cls), pkg[entry.parent]);
    const made = new cls();
    const first = entry.messages[0] ?? "";
    assert.equal(made.message, first);
    assert.equal(made.code, code);
    assert.equal(made.kind, entry.kind);
    assert.equal(made.name, cls.name);
    assert.equal(made.category, entry.category);
    assert.equal(String(made), first === "" ? cls.name : `${cls.name}: ${first}`);
  }
  const classes = Object.entries(pkg).filter(([, value]) => typeof value === "function" && value.CODE !== undefined);
  assert.equal(classes.length, vectors.codes.filter((entry) => entry.class !== null).length);
});

test("every template formats its values between its literal parts, and what it formats matches", () => {
  for (const entry of vectors.codes) {
    entry.parts.forEach((parts, index) => {
      const values = hostile(parts.length - 1);
      const message = pkg.format(entry.code, index, ...values);
      assert.equal(message, parts.reduce((out, part, i) => out + values[i - 1] + part));
      const found = pkg.match(entry.code, message);
      if (found !== null) {
        assert.equal(pkg.format(entry.code, found.variant, ...found.params), message);
      }
    });
  }
});

test("the spec's messages read back verbatim, byte for byte", { skip: spec === null && "no spec" }, () => {
  const sets = spec.message_sets ?? {};
  const texts = (items) =>
    (items ?? []).flatMap((item) => (typeof item === "string" ? [item] : "include" in item ? texts(sets[item.include]) : [item.text]));
  for (const entry of spec.errors) {
    if (entry.retired) {
      assert.equal(pkg.isErrorCode(entry.code), false);
      assert.ok(pkg.RETIRED_CODES.has(entry.code));
      continue;
    }
    const messages = pkg.messages(entry.code);
    assert.deepEqual(messages.map(utf8), texts(entry.messages).map(utf8), String(entry.code));
    if (entry.name !== undefined) {
      assert.equal(pkg.errorInfo(entry.code).title, entry.name);
    }
  }
});

test("lookups by name: identifiers, aliases and upstream names, and nothing else", () => {
  assert.ok(vectors.lookups.length > vectors.codes.length);
  for (const [name, code] of vectors.lookups) {
    assert.equal(pkg.errorCodeByName(name), code, JSON.stringify(name));
  }
});

test("retired codes: their former names, and nothing else", () => {
  assert.deepEqual([...pkg.RETIRED_CODES], vectors.retired);
  for (const [code, name] of vectors.retired) {
    assert.equal(pkg.isErrorCode(code), false);
    assert.equal(pkg.errorInfo(code), null);
    assert.equal(pkg[name], undefined);
  }
});

test("categories: names, titles, and the category of every code by its value", () => {
  const { categories, codes } = vectors.categories;
  assert.deepEqual(Object.entries(pkg.Category), categories.map((c) => [c.name, c.name]));
  for (const category of categories) {
    assert.equal(pkg.categoryTitle(category.name), category.title);
    assert.equal(Object.getPrototypeOf(pkg[category.class]), pkg.ApiError);
  }
  assert.ok(codes.length > categories.length);
  for (const { code, category, in: within } of codes) {
    assert.equal(pkg.categoryOf(code), category, String(code));
    for (const { name } of categories) {
      assert.equal(pkg.categoryContains(name, code), within.includes(name), `${name} ${code}`);
    }
    // A code of the other type lies in no category.
    assert.equal(pkg.categoryOf(typeof code === "number" ? String(code) : 1), null);
  }
  assert.throws(() => pkg.categoryTitle("toString"), RangeError);
});

test("the API refuses what it cannot answer", () => {
  const { code } = sample;
  const unknown = typeof code === "number" ? 987654321 : "ZZZZZZZZZ";
  for (const call of [() => pkg.messages(unknown), () => pkg.match(unknown, "x"), () => pkg.format(unknown, 0)]) {
    assert.throws(call, RangeError);
  }
  const arity = sample.parts[0].length - 1;
  assert.throws(() => pkg.format(code, 0, ...hostile(arity + 1)), { name: "RangeError", message: /takes \d+ value\(s\), got \d+/ });
  for (const variant of [-1, 1.5, pkg.messages(code).length, "length", NaN]) {
    assert.throws(() => pkg.format(code, variant, ...hostile(arity)), RangeError, String(variant));
  }
  assert.equal(pkg.errorCodeName(unknown), null);
  assert.equal(pkg.errorInfo(unknown), null);
  for (const key of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
    assert.equal(pkg.errorCodeByName(key), null, key);
  }
  assert.equal(pkg.isErrorCode(typeof code === "number" ? String(code) : Number(code)), false);
});

test("payloads that are not error payloads throw PayloadError", () => {
  const { CODE_FIELD: c, MESSAGE_FIELD: m } = pkg;
  const { code } = sample;
  // A catalog that reads numeric strings still refuses one JSON would not write as an integer.
  const text = pkg.NUMERIC_STRINGS ? [` ${code}`, `0${code}`, `${code}.0`] : [String(code)];
  const wrongCode = typeof code === "number" ? [...text, 1.5, 2 ** 53, -(2 ** 60), Infinity, NaN, true, null] : [12345, null, true];
  const bad = [
    undefined,
    null,
    42,
    [],
    [[c, code]],
    new Map([[c, code], [m, "x"]]),
    Object.create({ [c]: code, [m]: "x" }), // inherited fields are not the payload's own
    { [c]: code },
    { [m]: "x" },
    { [c]: code, [m]: null },
    { [c]: code, [m]: 5 },
    ...wrongCode.map((value) => ({ [c]: value, [m]: "x" })),
    "",
    "not json",
    "[1, 2]",
    '"text"',
    "\ufeff{}",
    "[".repeat(100_000),
    "[".repeat(100_000) + "]".repeat(100_000),
    "{".repeat(100_000),
    Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
    new Uint8Array([0xc3]),
    new ArrayBuffer(0),
  ];
  for (const payload of bad) {
    assert.equal(pkg.classify(payload), null, String(payload).slice(0, 40));
    assert.throws(
      () => pkg.fromPayload(payload),
      (error) => error instanceof pkg.PayloadError && error.name === "PayloadError" && error.message.startsWith("payload "),
      String(payload).slice(0, 40),
    );
  }
});

test("accepted payload shapes keep the raw code and message", () => {
  const { CODE_FIELD: c, MESSAGE_FIELD: m } = pkg;
  const { code } = sample;
  const text = JSON.stringify({ [c]: code, [m]: "raw ✓", extra: [1, { deep: true }] });
  const bytes = utf8(text);
  const shapes = [
    text,
    bytes,
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    new DataView(bytes.buffer, bytes.byteOffset, bytes.length),
    JSON.parse(text),
  ];
  const matched = pkg.match(code, "raw ✓"); // null, unless a template is as loose as "%s"
  for (const payload of shapes) {
    const error = pkg.fromPayload(payload);
    assert.equal(error.code, code);
    assert.equal(error.message, "raw ✓");
    assert.equal(error.variant, matched?.variant ?? null);
    assert.deepEqual(error.params, matched?.params ?? []);
  }
});

test("errors are well-formed JavaScript errors with frozen data", () => {
  assert.ok(Object.isFrozen(pkg.ErrorCode) && Object.isFrozen(pkg.Category));
  const { code } = sample;
  const error = pkg.fromPayload({ [pkg.CODE_FIELD]: code, [pkg.MESSAGE_FIELD]: pkg.messages(code)[0] });
  assert.ok(Object.isFrozen(error.params));
  assert.ok(Object.isFrozen(pkg.errorInfo(code)) && Object.isFrozen(pkg.errorInfo(code).messages));
  assert.ok(Object.isFrozen(pkg.messages(code)));
  assert.ok(error.stack.startsWith(`${error.name}: `));
  // Own properties in this order, as JSON.stringify shows them; `message` and `stack` are not enumerable.
  assert.deepEqual(Object.keys(error), [
    ...["name", "code", "kind", "category", "variant", "params", "paramsByName", "retryable", "httpStatus"],
    ...["matched", "detail", "mismatch", "pointer"],
  ]);
  assert.ok(Object.isFrozen(error.paramsByName));
  const plain = new pkg.ApiError(code, "x");
  assert.equal(plain.name, "ApiError");
  assert.equal(plain.constructor, pkg.ApiError);
  const payloadError = new pkg.PayloadError("payload test");
  assert.ok(payloadError instanceof Error && !(payloadError instanceof pkg.ApiError));
});

test("JSON text nests up to MAX_DEPTH levels and no deeper, wherever the depth is", () => {
  assert.equal(pkg.MAX_DEPTH, 128);
  const { CODE_FIELD: c, MESSAGE_FIELD: m, MAX_DEPTH: limit } = pkg;
  const { code } = sample;
  const key = JSON.stringify;
  // `levels` arrays and objects, alternating, around a value: always valid JSON (unlike `{"a":}`).
  const nested = (levels, inner = "0") => {
    let text = inner;
    for (let level = levels - 1; level >= 0; level--) {
      text = level % 2 ? `{"a":${text}}` : `[${text}]`;
    }
    return text;
  };
  const payload = (fields) => `{${fields.map(([name, value]) => `${key(name)}:${value}`).join(",")}}`;
  const message = key(pkg.messages(code)[0]);
  const refused = { name: "PayloadError", message: `payload nests deeper than ${limit} levels` };
  for (const levels of [limit - 1, limit]) {
    const depth = levels + 1; // the top-level object is one level
    const inExtra = payload([[c, key(code)], [m, message], ["extra", nested(levels)]]);
    const inCode = payload([[c, nested(levels)], [m, message]]);
    const inMessage = payload([[c, key(code)], [m, nested(levels, message)]]);
    if (depth <= limit) {
      assert.equal(pkg.fromPayload(inExtra).code, code, `${depth} levels`);
      assert.equal(pkg.fromPayload(utf8(inExtra)).code, code, `${depth} levels, bytes`);
      for (const text of [inCode, inMessage]) {
        assert.throws(() => pkg.fromPayload(text), (error) => error instanceof pkg.PayloadError && !/nests/.test(error.message));
      }
    } else {
      for (const text of [inExtra, inCode, inMessage]) {
        JSON.parse(text); // valid JSON: only the depth is wrong
        assert.throws(() => pkg.fromPayload(text), refused, `${depth} levels`);
        assert.throws(() => pkg.fromPayload(utf8(text)), refused, `${depth} levels, bytes`);
      }
    }
  }
  for (const levels of [10_000, 200_000]) {
    assert.throws(() => pkg.fromPayload(payload([[c, nested(levels)], [m, message]])), refused);
  }
  // Brackets in strings do not nest, whatever escaped quotes and backslashes come before them.
  const brackets = "[{".repeat(limit) + '\\"[{\\\\' + '\\\\"[{'.repeat(limit);
  for (const text of [brackets, `\\${brackets}`, `${brackets}\\`]) {
    const inStrings = payload([[c, key(code)], [m, key(text)], [text, key(text)], ["x", `[${key(text)}]`]]);
    assert.equal(pkg.fromPayload(inStrings).message, text);
  }
  const closed = payload([[c, key(code)], [m, key("\\")], ["x", nested(limit)]]);
  assert.throws(() => pkg.fromPayload(closed), refused, "a string ending in an escaped backslash closes");
  // An object already parsed is not walked: the limit is the JSON text's.
  let deep = {};
  for (let level = 0; level < 10_000; level++) {
    deep = { a: [deep] };
  }
  assert.equal(pkg.fromPayload({ [c]: code, [m]: "x", extra: deep }).code, code);
});

test("the stack of an error the API makes starts at its caller, not in the package", () => {
  const { code } = sample;
  const arity = sample.parts[0].length - 1;
  const top = (error) => error.stack.split("\n")[1] ?? "";
  const built = pkg.buildError(code, 0, ...hostile(arity));
  const text = JSON.stringify(built.toPayload());
  const made = [built, pkg.fromPayload(text), pkg.fromPayload(JSON.parse(text)), pkg.everyError(text)[0], new pkg[sample.class]()];
  try {
    pkg.fromPayload("not json");
  } catch (error) {
    made.push(error);
  }
  assert.equal(made.length, 6);
  for (const error of made) {
    assert.ok(error.stack.startsWith(`${error.name}: `), error.stack);
    assert.ok(top(error).includes(import.meta.url), `${error.name}: ${top(error)}`);
  }
});
