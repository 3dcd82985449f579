// The TypeScript runtime (generator/runtime/typescript/runtime.js, tsc's build of runtime.ts), tested
// directly, without a generated package: small catalogs of both code types are made here.
//
// Run by tests/test_typescript_runtime.py as `node --test`; ERRGEN_RUNTIME may name another build.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const where = process.env.ERRGEN_RUNTIME
  ? pathToFileURL(process.env.ERRGEN_RUNTIME).href
  : new URL("../../generator/runtime/typescript/runtime.js", import.meta.url).href;
const {
  ApiErrorBase,
  Catalog,
  MAX_DEPTH,
  PayloadError,
  fit,
  fits,
  spelled,
  looseParts,
  normalized,
  numberText,
  numberTexts,
  payloadText,
  tooDeep,
  wellFormed,
} = await import(where);

/** A printf template as the generator lists it: its text, its literal parts, and its placeholders' types. */
const template = (text) => {
  const types = [...text.replaceAll("%%", "").matchAll(/%([sdifb])/g)].map((found) => found[1]);
  const parts = text
    .replaceAll("%%", "\0")
    .split(/%[sdifb]/)
    .map((part) => part.replaceAll("\0", "%"));
  return types.some((type) => type !== "s") ? { text, parts, types } : { text, parts };
};

/**
 * A catalog's codes as rows (the runtime's ErrorRow), from an object of them by identifier: the class named
 * after the identifier, none for a success code.
 */
const rows = (errors) =>
  Object.entries(errors).map(([name, { title, category, templates, ...data }]) => [
    name,
    data.kind === "success" ? null : `${name}Error`,
    category ?? null,
    title ?? null,
    Object.keys(data).length > 0 ? data : null,
    ...(templates ?? []),
  ]);

const INTEGER = {
  codeType: "integer",
  locations: [{ code: ["code"], message: ["msg"] }],
  codes: { FIRST: -1, PRIMUS: -1, LIMIT: -2, PERCENT: 5, TYPED: 6, NAMED: 7, EMPTY: 8, DONE: 0 },
  categories: { LOW: { title: "Low codes" }, HIGH: { title: "High codes" }, INNER: { title: "Inner codes" } },
  // Narrowest first, as the generator sorts them: INNER lies inside LOW, and LOW has two ranges.
  ranges: [
    [-20, -10, "INNER"],
    [-99, -1, "LOW"],
    [1, 99, "HIGH"],
    [-1099, -1000, "LOW"],
  ],
  errors: rows({
    FIRST: { title: "First one", aliases: [{ name: "PRIMUS", title: "primus" }], category: "LOW", templates: [template("first")] },
    LIMIT: {
      category: "LOW",
      retryable: true,
      httpStatus: 429,
      deprecated: true,
      description: "Slow *down*.",
      order: [1, 0, 2],
      templates: [template("Too many."), template("Too many: %s per %s."), template("%s")],
    },
    PERCENT: { category: "HIGH", templates: [template("100%% of %s")] },
    TYPED: {
      kind: "warning",
      category: "HIGH",
      // The generator's order: most literal text, then most typed placeholders, then fewest placeholders.
      order: [1, 2, 3, 0],
      templates: [template("n=%s"), template("n=%d"), template("n=%f"), template("n=%b")],
    },
    NAMED: {
      templates: [
        {
          text: "{a} and {b} and {a} and {} and {__proto__}",
          parts: ["", " and ", " and ", " and ", " and ", ""],
          names: ["a", "b", "a", null, "__proto__"],
        },
      ],
    },
    EMPTY: {},
    DONE: { kind: "success", templates: [template("Done.")] },
  }),
};

const STRING = {
  codeType: "string",
  locations: [{ code: ["sqlstate"], message: ["message"] }],
  codes: { DIVISION_BY_ZERO: "22012" },
  categories: { SUCCESS: { title: "Successful Completion" }, DATA: { title: "Data Exception" }, TEXT: { title: "Invalid text" } },
  prefixes: [
    ["22P", "TEXT"],
    ["00", "SUCCESS"],
    ["22", "DATA"],
    ["2F", "DATA"],
  ],
  errors: rows({
    DIVISION_BY_ZERO: { title: "division_by_zero", category: "DATA", templates: [template("division by zero")] },
  }),
};

/** A package's classes, as its index declares them, around a catalog. */
function classes(catalog, known) {
  class ApiError extends ApiErrorBase {
    constructor(code, message) {
      super(catalog, code, message);
      this.name = "ApiError";
    }
  }
  const categories = {};
  for (const name of ["LOW", "HIGH", "INNER", "SUCCESS", "DATA", "TEXT"]) {
    categories[name] = class extends ApiError {
      constructor(code, message) {
        super(code, message);
        this.name = `${name}Error`;
      }
    };
  }
  const codes = {};
  for (const [name, code, category] of known) {
    codes[name] = class extends (category === null ? ApiError : categories[category]) {
      static CODE = code;
      constructor(message = "default") {
        super(code, message);
        this.name = `Code${code}Error`;
      }
    };
  }
  return { base: ApiError, categories, codes };
}

const integers = new Catalog(INTEGER);
const integerCodes = [
  ["FIRST", -1, "LOW"],
  ["LIMIT", -2, "LOW"],
  ["PERCENT", 5, "HIGH"],
  ["TYPED", 6, "HIGH"],
  ["NAMED", 7, null],
  ["EMPTY", 8, null],
];
const integerClasses = classes(integers, integerCodes);
const readInteger = integers.reader(integerClasses);
const strings = new Catalog(STRING);
const stringClasses = classes(strings, [["DIVISION_BY_ZERO", "22012", "DATA"]]);
const readString = strings.errorReader(stringClasses);

test("fit: literal parts exact, each placeholder the shortest run that lets the whole message match", () => {
  const cases = [
    // [parts, message, expected values or null]
    [["abc"], "abc", []],
    [["abc"], "abcd", null],
    [["abc"], "", null],
    [[""], "", []],
    [["", ""], "", [""]],
    [["", ""], "anything", ["anything"]],
    [["a", "b"], "ab", [""]],
    [["a", "b"], "axyb", ["xy"]],
    [["a", "b"], "ba", null],
    [["ab", "ba"], "aba", null], // the literals may not overlap
    [["ab", "ba"], "abba", [""]],
    [["x", "-", "y"], "x1-2-3y", ["1", "2-3"]], // the first placeholder is the shortest
    [["x", "-", "y"], "x-y", ["", ""]],
    [["x", "-", "y"], "xy", null],
    [["", " ", ""], "a b c", ["a", "b c"]],
    [["", "", ""], "abc", ["", "abc"]],
    [["<", ">", ">"], "<a>>", ["a", ""]],
    [["<", ">", ">"], "<a>b>", ["a", "b"]],
    [["<", ">", ">"], "<a>", null], // the middle literal runs into the last one
    [["%", "%"], "%50%", ["50"]],
    [["\ud83c\udf89", ""], "\ud83c\udf89\ud83c\udf89", ["\ud83c\udf89"]],
    [["a", "\udf89"], "a\ud83c\udf89", ["\ud83c"]], // code units: a lone surrogate is a literal like any other
  ];
  for (const [parts, message, expected] of cases) {
    const found = fit(parts, message);
    assert.deepEqual(found === null ? null : [...found], expected, JSON.stringify([parts, message]));
    if (found !== null) {
      assert.ok(Object.isFrozen(found));
      assert.equal(parts.reduce((out, part, i) => out + found[i - 1] + part), message);
    }
  }
});

test("fit agrees with a lazy regular expression, the rule it replaces, on every small case", () => {
  const escape = (text) => text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
  const reference = (parts, message) => {
    const found = new RegExp(`^${parts.map(escape).join("([\\s\\S]*?)")}$`).exec(message);
    return found === null ? null : found.slice(1);
  };
  const alphabet = ["", "a", "b", "ab", "ba", "aa"];
  const messages = [""];
  for (let length = 1; length <= 6; length++) {
    for (const prefix of messages.filter((message) => message.length === length - 1)) {
      messages.push(`${prefix}a`, `${prefix}b`);
    }
  }
  let fitted = 0;
  let total = 0;
  for (const first of alphabet) {
    for (const middle of alphabet) {
      for (const last of alphabet) {
        for (const parts of [[first, last], [first, middle, last], [first, middle, middle, last]]) {
          for (const message of messages) {
            const found = fit(parts, message);
            assert.deepEqual(found === null ? null : [...found], reference(parts, message), JSON.stringify([parts, message]));
            fitted += found === null ? 0 : 1;
            total += 1;
          }
        }
      }
    }
  }
  assert.ok(fitted > total / 20, `${fitted} of ${total}`);
});

// How long these take on 1 MB inputs (linear: a backtracking matcher takes minutes) is measured by
// bench/bench_typescript.mjs; the tests hold the answers only.
test("fit on a 1 MB message, whatever its text", () => {
  const message = `x${"-".repeat(1 << 20)}`;
  assert.equal(fit(["x", "-", "-", "-", "+"], message), null);
  assert.equal(fit(["x", "", "", "y"], message), null);
});

test("fits: each placeholder type's values, in one pass", () => {
  const accepted = {
    s: ["", "x", "1", " ", "🎉"],
    d: ["0", "7", "-7", "007", "-0"],
    f: ["0", "-7", "1.5", "-1.5", "1e3", "1E+3", "1e-3", "1.5e3", "007.50"],
    b: ["true", "false"],
  };
  const refused = {
    d: ["", "-", "+7", "--7", "1.5", "1e3", " 1", "1 ", "\u0661", "\uff17", "0x1F", "1_000", "NaN", "Infinity", "true"],
    f: ["", "-", "+1", "1.", ".5", "1e", "1e+", "1.e3", "1e3.5", "1.5.5", " 1", "1,5", "NaN", "Infinity", "-Infinity"],
    b: ["", "True", "FALSE", "truex", " true", "1", "0"],
  };
  accepted.i = accepted.d;
  refused.i = refused.d;
  for (const [type, values] of Object.entries(accepted)) {
    for (const value of values) {
      assert.equal(fits(type, value), true, `${type} ${JSON.stringify(value)}`);
    }
  }
  for (const [type, values] of Object.entries(refused)) {
    for (const value of values) {
      assert.equal(fits(type, value), false, `${type} ${JSON.stringify(value)}`);
    }
  }
  if (process.env.ERRGEN_FITS) {
    // The reference rule's answers (generator.model.fits), written by tests/test_typescript_runtime.py.
    const table = JSON.parse(readFileSync(process.env.ERRGEN_FITS, "utf8"));
    assert.ok(table.length > 100);
    for (const [type, value, expected] of table) {
      assert.equal(fits(type, value), expected, `${type} ${JSON.stringify(value)}`);
    }
  }
});

test("fits on 1 MB values", () => {
  const digits = "1".repeat(1 << 20);
  assert.equal(fits("f", `${digits}.${digits}e-${digits}`), true);
  assert.equal(fits("f", `${digits}.${digits}e-${digits}x`), false);
  assert.equal(fits("d", `-${digits}`), true);
});

test("match and format, through the catalog's templates in their order", () => {
  const none = Object.create(null);
  assert.deepEqual(integers.match(-2, "Too many."), { variant: 0, params: [], paramsByName: none });
  assert.deepEqual(integers.match(-2, "Too many: 5 per 1 s."), { variant: 1, params: ["5", "1 s"], paramsByName: none });
  assert.deepEqual(integers.match(-2, "anything else"), { variant: 2, params: ["anything else"], paramsByName: none });
  assert.deepEqual(integers.match(5, "100% of it"), { variant: 0, params: ["it"], paramsByName: none });
  assert.equal(integers.match(5, "100%% of it"), null);
  assert.equal(integers.match(-1, "First"), null);
  assert.ok(Object.isFrozen(integers.match(-2, "Too many.")));
  assert.ok(Object.isFrozen(integers.match(-2, "Too many.").paramsByName));
  assert.equal(integers.format(-2, 1, [5, "1 s"]), "Too many: 5 per 1 s.");
  assert.equal(integers.format(5, 0, ["$& %s ${x}"]), "100% of $& %s ${x}");
  assert.equal(integers.format(-1, 0, []), "first");
  for (const [code, variant, params] of [
    [-2, 1, [5]],
    [-2, 1, [5, 6, 7]],
    [-2, 3, []],
    [-2, -1, []],
    [-2, 0.5, []],
    [-2, Number.NaN, []],
    [-2, "length", []],
    [-3, 0, []],
    [8, 0, []],
  ]) {
    assert.throws(() => integers.format(code, variant, params), RangeError, JSON.stringify([code, variant, params]));
  }
  assert.throws(() => integers.format(-2, 1, [5]), { message: '"Too many: %s per %s." takes 2 value(s), got 1' });
  assert.throws(() => integers.match(-3, "x"), { name: "RangeError", message: "not a code of this catalog: -3" });
  assert.throws(() => integers.messages("x".repeat(41)), { message: "not a code of this catalog: a string" });
});

test("match: typed placeholders, tried in the generator's order, report the variant in catalog order", () => {
  // [message, variant, params]: %d is tried before %f, %f before %b, and %s last.
  const cases = [
    ["n=42", 1, ["42"]],
    ["n=-42", 1, ["-42"]],
    ["n=4.2", 2, ["4.2"]],
    ["n=1e3", 2, ["1e3"]],
    ["n=true", 3, ["true"]],
    ["n=", 0, [""]],
    ["n=4.", 0, ["4."]],
    ["n=+4", 0, ["+4"]],
    ["n=TRUE", 0, ["TRUE"]],
  ];
  for (const [message, variant, params] of cases) {
    const found = integers.match(6, message);
    assert.deepEqual([found.variant, [...found.params]], [variant, params], message);
  }
  // The literal variant equal to the message wins by one lookup, whatever the order says.
  assert.deepEqual(integers.match(-2, "Too many.").variant, 0);
  assert.equal(integers.match(8, ""), null, "a code without templates matches nothing");
  assert.deepEqual(integers.messages(8), []);
});

test("match: named placeholders by name, the first of a name winning, on an object without a prototype", () => {
  const found = integers.match(7, "1 and 2 and 3 and 4 and 5");
  assert.deepEqual([...found.params], ["1", "2", "3", "4", "5"]);
  assert.equal(Object.getPrototypeOf(found.paramsByName), null);
  assert.deepEqual({ ...found.paramsByName }, { a: "1", b: "2", ["__proto__"]: "5" });
  assert.deepEqual(Object.keys(found.paramsByName), ["a", "b", "__proto__"]);
  assert.ok(Object.isFrozen(found.paramsByName));
  assert.equal(JSON.stringify(found.paramsByName), '{"a":"1","b":"2","__proto__":"5"}');
});

test("lookups: codes, names, aliases, information and categories", () => {
  assert.equal(integers.isCode(-2), true);
  for (const value of ["-2", -3, null, undefined, {}, "FIRST"]) {
    assert.equal(integers.isCode(value), false, String(value));
  }
  assert.equal(integers.name(-2), "LIMIT");
  assert.equal(integers.name(-3), null);
  for (const [name, code] of [["LIMIT", -2], ["FIRST", -1], ["First one", -1], ["PRIMUS", -1], ["primus", -1], ["DONE", 0]]) {
    assert.equal(integers.byName(name), code, name);
  }
  for (const key of ["toString", "constructor", "__proto__", "hasOwnProperty", "limit", "first one", ""]) {
    assert.equal(integers.byName(key), null, key);
  }
  const info = integers.info(-2);
  assert.deepEqual(info, {
    code: -2,
    name: "LIMIT",
    title: "LIMIT",
    aliases: [],
    kind: "error",
    category: "LOW",
    messages: ["Too many.", "Too many: %s per %s.", "%s"],
    retryable: true,
    httpStatus: 429,
    deprecated: true,
    description: "Slow *down*.",
  });
  assert.ok(Object.isFrozen(info) && Object.isFrozen(info.messages) && Object.isFrozen(info.aliases));
  assert.equal(integers.messages(-2), info.messages);
  assert.deepEqual(integers.info(-1), {
    code: -1,
    name: "FIRST",
    title: "First one",
    aliases: [{ name: "PRIMUS", title: "primus" }],
    kind: "error",
    category: "LOW",
    messages: ["first"],
    retryable: false,
    httpStatus: null,
    deprecated: false,
    description: null,
  });
  assert.deepEqual([integers.info(8).category, integers.info(8).messages, integers.info(6).kind, integers.info(0).kind], [null, [], "warning", "success"]);
  assert.equal(integers.info(-3), null);

  assert.equal(integers.categoryTitle("HIGH"), "High codes");
  assert.throws(() => integers.categoryTitle("toString"), { name: "RangeError", message: 'not a category of this catalog: "toString"' });
  assert.throws(() => integers.categoryContains("toString", 1), RangeError);
  const integerCases = [
    [-99, "LOW"], [-1, "LOW"], [-9, "LOW"], [-10, "INNER"], [-20, "INNER"], [-21, "LOW"], [-1000, "LOW"], [-1099, "LOW"],
    [-1100, null], [1, "HIGH"], [99, "HIGH"], [0, null], [-100, null], [100, null], ["-1", null],
  ];
  for (const [code, category] of integerCases) {
    assert.equal(integers.categoryOf(code), category, String(code));
    // A nested range's codes lie in both categories; only the narrowest is theirs.
    const inLow = typeof code === "number" && ((-99 <= code && code <= -1) || (-1099 <= code && code <= -1000));
    assert.equal(integers.categoryContains("LOW", code), inLow, String(code));
    assert.equal(integers.categoryContains("INNER", code), category === "INNER", String(code));
  }
  for (const [code, category] of [["00000", "SUCCESS"], ["00", "SUCCESS"], ["22P02", "TEXT"], ["22P", "TEXT"], ["22012", "DATA"], ["2F005", "DATA"], ["2", null], ["X22", null], [22, null]]) {
    assert.equal(strings.categoryOf(code), category, String(code));
  }
  assert.equal(strings.categoryContains("DATA", "22P02"), true);
  assert.equal(strings.categoryContains("DATA", "2F1"), true);
  assert.equal(strings.categoryContains("TEXT", "22012"), false);
});

test("errors: fields read through the catalog, known or not", () => {
  const { base: ApiError, categories } = integerClasses;
  const known = new ApiError(-2, "Too many: 5 per 1 s.");
  assert.deepEqual(
    { ...known },
    {
      name: "ApiError",
      code: -2,
      kind: "error",
      category: "LOW",
      variant: 1,
      params: ["5", "1 s"],
      paramsByName: Object.create(null),
      retryable: true,
      httpStatus: 429,
      matched: "exact",
      detail: null,
      mismatch: null,
      pointer: "",
    },
  );
  assert.deepEqual(Object.keys(known), [
    ...["name", "code", "kind", "category", "variant", "params", "paramsByName", "retryable", "httpStatus"],
    ...["matched", "detail", "mismatch", "pointer"],
  ]);
  assert.ok(known instanceof ApiErrorBase && known instanceof Error);
  assert.equal(known.message, "Too many: 5 per 1 s.");
  assert.equal(String(known), "ApiError: Too many: 5 per 1 s.");
  assert.ok(Object.isFrozen(known.params));
  const unmatched = new ApiError(-1, "not first");
  assert.deepEqual([unmatched.variant, unmatched.params, unmatched.category], [null, [], "LOW"]);
  assert.deepEqual([unmatched.matched, unmatched.detail, unmatched.mismatch], ["none", null, "unmatched"]);
  assert.deepEqual([new ApiError(-1, "").mismatch, new ApiError(8, "x").mismatch, new ApiError(42, "x").mismatch], ["empty", "undocumented", "unknown_code"]);
  const unknown = new categories.HIGH(42, "new");
  assert.deepEqual(
    [unknown.code, unknown.kind, unknown.category, unknown.variant, unknown.params, unknown.retryable, unknown.httpStatus],
    [42, "error", "HIGH", null, [], false, null],
  );
  assert.equal(new ApiError(1000, "x").category, null);
  assert.deepEqual({ ...new ApiError(7, "a and b and c and d and e").paramsByName }, { a: "a", b: "b", ["__proto__"]: "e" });
  assert.equal(new ApiError(6, "n=1").kind, "warning");
  assert.equal(new ApiError(0, "Done.").kind, "success");
});

test("fromPayload: a known code gives its class, an unknown one its category's, or the base class", () => {
  const known = readInteger('{"code": -2, "msg": "Too many."}');
  assert.equal(known.constructor, integerClasses.codes.LIMIT);
  assert.equal(known.name, "Code-2Error");
  assert.deepEqual([known.code, known.variant, known.category], [-2, 0, "LOW"]);
  const unknown = readInteger({ code: 42, msg: "new" });
  assert.equal(unknown.constructor, integerClasses.categories.HIGH);
  assert.equal(unknown.name, "HIGHError");
  assert.equal(readInteger({ code: -15, msg: "new" }).constructor, integerClasses.categories.INNER);
  assert.equal(readInteger({ code: -1050, msg: "new" }).constructor, integerClasses.categories.LOW);
  const outside = readInteger({ code: 1000, msg: "none" });
  assert.equal(outside.constructor, integerClasses.base);
  assert.deepEqual([outside.code, outside.message, outside.category], [1000, "none", null]);
  const uncategorized = readInteger({ code: 8, msg: "" });
  assert.equal(uncategorized.constructor, integerClasses.codes.EMPTY);
  assert.deepEqual([uncategorized.category, uncategorized.variant], [null, null]);
  const text = readString('{"sqlstate": "22012", "message": "division by zero"}');
  assert.equal(text.constructor, stringClasses.codes.DIVISION_BY_ZERO);
  assert.equal(readString({ sqlstate: "22P02", message: "x" }).constructor, stringClasses.categories.TEXT);
  assert.equal(readString({ sqlstate: "22999", message: "x" }).constructor, stringClasses.categories.DATA);
  assert.equal(readString({ sqlstate: "99999", message: "x" }).constructor, stringClasses.base);
});

test("fromPayload: a success code reads as no error", () => {
  assert.equal(readInteger({ code: 0, msg: "Done." }), null);
  assert.equal(readInteger('{"code": 0, "msg": "anything"}'), null);
  assert.throws(() => readInteger('{"code": 0}'), PayloadError, "a success payload must still be a payload");
});

test("a catalog's every entry needs its code", () => {
  assert.throws(() => new Catalog({ ...INTEGER, codes: { ...INTEGER.codes, EMPTY: undefined } }), {
    name: "RangeError",
    message: 'no code for the identifier "EMPTY"',
  });
});

test("reader: the classes must be the catalog's, every code but the success ones with its own", () => {
  const missing = classes(integers, integerCodes.slice(1));
  assert.throws(() => integers.reader(missing), { message: /^code -1: every code but the success ones needs a class/ });
  const success = classes(integers, [...integerCodes, ["DONE", 0, null]]);
  assert.throws(() => integers.reader(success), { message: /^code 0: / });
  assert.throws(() => integers.errorReader(integerClasses), { name: "RangeError", message: "code 0 is a success, which reads as no error: use reader" });
});

/** The PayloadError a payload gives, or a failure when it gives none. */
function refusal(read, payload) {
  try {
    read(payload);
  } catch (error) {
    assert.ok(error instanceof PayloadError && error.name === "PayloadError", String(error));
    return error.message;
  }
  assert.fail(`accepted: ${String(payload).slice(0, 60)}`);
}

test("fields: what the code and the message must be", () => {
  const refusals = [
    [readInteger, "[1]", "payload must be a JSON object, got an array"],
    [readInteger, "null", "payload must be a JSON object, got null"],
    [readInteger, '"x"', 'payload must be a JSON object, got "x"'],
    [readInteger, 42, "payload must be a JSON object, got 42"],
    [readInteger, undefined, "payload must be a JSON object, got a value of type undefined"],
    [readInteger, '{"msg": "x"}', 'payload has no "code" field'],
    [readInteger, '{"code": 1}', 'payload has no "msg" field'],
    [readInteger, Object.create({ code: 1, msg: "x" }), 'payload has no "code" field'],
    [readInteger, '{"code": 1, "msg": 2}', 'payload field "msg" must be a string, got 2'],
    [readInteger, '{"code": "1", "msg": "x"}', 'payload field "code" must be an integer within ±(2**53 - 1), got "1"'],
    [readInteger, '{"code": -2.0, "msg": "x"}', 'payload field "code" must be an integer within ±(2**53 - 1), got -2'],
    [readInteger, '{"code": 1e3, "msg": "x"}', 'payload field "code" must be an integer within ±(2**53 - 1), got 1000'],
    [readInteger, '{"code": 1E3, "msg": "x"}', 'payload field "code" must be an integer within ±(2**53 - 1), got 1000'],
    [readInteger, '{"code": 9007199254740992, "msg": "x"}', 'payload field "code" must be an integer within ±(2**53 - 1), got 9007199254740992'],
    [readInteger, { code: 1.5, msg: "x" }, 'payload field "code" must be an integer within ±(2**53 - 1), got 1.5'],
    [readInteger, { code: true, msg: "x" }, 'payload field "code" must be an integer within ±(2**53 - 1), got true'],
    [readString, '{"sqlstate": 22012, "message": "x"}', 'payload field "sqlstate" must be a string, got 22012'],
    [readString, '{"code": "22012", "message": "x"}', 'payload has no "sqlstate" field'],
  ];
  for (const [read, payload, message] of refusals) {
    assert.equal(refusal(read, payload), message, String(payload));
  }
  // The last of duplicate fields counts, in the text as JSON.parse reads it.
  assert.equal(readInteger('{"code": 1.5, "code": 1, "msg": "x"}').code, 1);
  assert.match(refusal(readInteger, '{"code": 1, "code": 1.0, "msg": "x"}'), /must be an integer/);
  // An object already parsed cannot say how its number was written: 2.0 is 2.
  assert.equal(readInteger({ code: 2.0, msg: "x" }).code, 2);
});

test("payloadText: strings as they are, UTF-8 bytes decoded strictly, objects left to the caller", () => {
  const bytes = new TextEncoder().encode('{"a": "é🎉"}');
  assert.equal(payloadText("text"), "text");
  for (const input of [bytes, bytes.buffer, new DataView(bytes.buffer), Buffer.from(bytes), new Uint8Array(bytes.buffer, 0)]) {
    assert.equal(payloadText(input), '{"a": "é🎉"}', input.constructor.name);
  }
  const window = new Uint8Array([0x20, ...bytes, 0x20]).subarray(1, bytes.length + 1);
  assert.equal(payloadText(window), '{"a": "é🎉"}', "a view reads its own bytes only");
  assert.equal(payloadText(new Uint8Array(0)), "");
  assert.equal(payloadText(new Uint16Array([0x6968])), "hi"); // any view: its bytes, as UTF-8
  assert.equal(payloadText(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d])), "\ufeff{}", "a byte order mark is kept");
  for (const input of [{}, [], null, undefined, 42, [0x7b, 0x7d]]) {
    assert.equal(payloadText(input), null, String(input));
  }
  for (const bad of [[0xff], [0xc3], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf]]) {
    assert.throws(() => payloadText(new Uint8Array(bad)), (error) => error instanceof PayloadError && error.message.startsWith("payload is not valid UTF-8: "), String(bad));
  }
  assert.equal(refusal(readInteger, new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d])).startsWith("payload is not valid JSON: "), true);
});

test("wellFormed: each lone surrogate becomes U+FFFD, pairs stay", () => {
  const cases = [
    ["", ""],
    ["plain é", "plain é"],
    ["\ud83c\udf89", "\ud83c\udf89"],
    ["\ud83c", "\ufffd"],
    ["\udf89", "\ufffd"],
    ["a\udf89\ud83cb", "a\ufffd\ufffdb"],
    ["\ud83c\ud83c\udf89", "\ufffd\ud83c\udf89"],
    ["\ud83c\udf89\udf89", "\ud83c\udf89\ufffd"],
  ];
  for (const [input, expected] of cases) {
    assert.equal(wellFormed(input), expected, JSON.stringify(input));
  }
  assert.equal(readInteger('{"code": 1000, "msg": "x\\ud800y"}').message, "x\ufffdy");
});

test("tooDeep: arrays and objects nested past MAX_DEPTH, strings skipped whole", () => {
  assert.equal(MAX_DEPTH, 128);
  const nested = (levels, inner = "0") => {
    let text = inner;
    for (let level = levels - 1; level >= 0; level--) {
      text = level % 2 ? `{"a":${text}}` : `[${text}]`;
    }
    return text;
  };
  assert.equal(tooDeep(nested(MAX_DEPTH)), false);
  assert.equal(tooDeep(nested(MAX_DEPTH + 1)), true);
  assert.equal(tooDeep("[".repeat(MAX_DEPTH + 1)), true, "unclosed");
  assert.equal(tooDeep("[]".repeat(10_000)), false, "many brackets, none deep");
  assert.equal(tooDeep(`[${"[]".repeat(10_000)}]`), false);
  const inString = JSON.stringify({ a: "[{".repeat(MAX_DEPTH) });
  assert.equal(tooDeep(inString), false);
  // Each inside an array: one level more. A string ending in an escaped backslash closes there.
  assert.equal(tooDeep(`["\\\\", ${nested(MAX_DEPTH - 1)}]`), false);
  assert.equal(tooDeep(`["\\\\", ${nested(MAX_DEPTH)}]`), true, "a string ending in a backslash closes");
  assert.equal(tooDeep(`["\\"]", ${nested(MAX_DEPTH)}]`), true, "an escaped quote does not close");
  assert.equal(tooDeep(`["\\"${"[".repeat(MAX_DEPTH)}"]`), false, "brackets after an escaped quote are in the string");
  assert.equal(tooDeep(`"${"[".repeat(MAX_DEPTH + 1)}`), false, "an unclosed string runs to the end");
  assert.equal(tooDeep("]".repeat(MAX_DEPTH + 1) + "[".repeat(MAX_DEPTH)), false, "closing first never nests");

  const refused = `payload nests deeper than ${MAX_DEPTH} levels`;
  const deep = `{"code": 1, "msg": "x", "extra": ${nested(MAX_DEPTH)}}`; // 129 with the payload itself
  assert.equal(refusal(readInteger, deep), refused);
  assert.equal(refusal(readInteger, new TextEncoder().encode(deep)), refused);
  assert.equal(readInteger(`{"code": 1, "msg": "x", "extra": ${nested(MAX_DEPTH - 1)}}`).code, 1);
  assert.equal(refusal(readInteger, "[".repeat(200_000)), refused);
  let object = {};
  for (let level = 0; level < 10_000; level++) {
    object = { a: [object] };
  }
  assert.equal(readInteger({ code: 1, msg: "x", extra: object }).code, 1, "an object is not walked");
});

test("numberText: how the last top-level member writes its number", () => {
  const cases = [
    ['{"code": -1121}', "-1121"],
    ['{"code":-1121.0,"msg":"x"}', "-1121.0"],
    ['{"code": 1e3}', "1e3"],
    ['{"code": 1E+3}', "1E+3"],
    ['{"code": 1, "code": 2.5}', "2.5"],
    ['{"code": 1.5, "code": 2}', "2"],
    ['{"msg": "x"}', null],
    ['{"code": "12"}', null],
    ['{"a": {"code": 1.5}, "code": 2}', "2"],
    ['{"a": [{"code": 1.5}], "code": 2}', "2"],
    ['{"a": {"code": 1.5}}', null],
    ['{"msg": "\\"code\\": 1.5", "code": 2}', "2"],
    ['{"co\\u0064e": 1.5}', "1.5"],
    ['{"code" : \n -0 }', "-0"],
    ['{"x": 1.5, "code": 3, "y": 4.5}', "3"],
  ];
  for (const [json, expected] of cases) {
    assert.equal(numberText(json, "code"), expected, json);
  }
});

// Issue 11: several payload locations, numeric-string codes, drifted messages, errors a server builds.
const LOCATED = {
  codeType: "integer",
  // The envelope, a nested error, a batch's items; a server writes at the first.
  locations: [
    { code: ["code"], message: ["msg"] },
    { code: ["error", "code"], message: ["error", "msg"] },
    { code: ["data", "*", "sCode"], message: ["data", "*", "sMsg"] },
  ],
  numericStrings: true,
  tolerate: ["whitespace", "punctuation", "backticks", "detail"],
  codes: { OK: 0, FAILED: 1, SYMBOL: -1121, LIMIT: -2, BRACES: 51008 },
  categories: { LOW: { title: "Low codes" } },
  ranges: [[-9999, -1, "LOW"]],
  errors: rows({
    OK: { kind: "success" },
    FAILED: { templates: [template("Operation failed.")] },
    SYMBOL: { category: "LOW", templates: [template("Invalid symbol.")] },
    // Most literal text first: the literal variant before "%s.", whatever catalog order says.
    LIMIT: { category: "LOW", order: [1, 2, 0], templates: [template("%s."), template("Too many `%s` requests; limit %d."), template("Rate limited.")] },
    BRACES: {
      templates: [{ text: "Insufficient {ccy} balance for {ccy}, {amount} more", parts: ["Insufficient ", " balance for ", ", ", " more"], names: ["ccy", "ccy", "amount"] }],
    },
  }),
};
const located = new Catalog(LOCATED);
const locatedClasses = classes(located, [
  ["FAILED", 1, null],
  ["SYMBOL", -1121, "LOW"],
  ["LIMIT", -2, "LOW"],
  ["BRACES", 51008, null],
]);
const readLocated = located.reader(locatedClasses);
const everyLocated = located.everyReader(locatedClasses);
const buildLocated = located.builder(locatedClasses);

test("found: every location in order, array items in order, each code with its message and pointer", () => {
  const payload = {
    code: "1",
    msg: "Operation failed",
    error: { code: -1121, msg: "Invalid symbol." },
    data: [{ sCode: "0", sMsg: "" }, { x: 1 }, { sCode: "51008", sMsg: "Insufficient BTC balance for BTC, 5 more" }],
  };
  for (const input of [payload, JSON.stringify(payload), new TextEncoder().encode(JSON.stringify(payload))]) {
    assert.deepEqual(located.found(input), [
      { pointer: "/code", code: 1, message: "Operation failed" },
      { pointer: "/error/code", code: -1121, message: "Invalid symbol." },
      { pointer: "/data/0/sCode", code: 0, message: "" },
      { pointer: "/data/2/sCode", code: 51008, message: "Insufficient BTC balance for BTC, 5 more" },
    ]);
  }
  // A "*" on an object names its member "*"; pointers escape "~" and "/".
  const odd = new Catalog({ ...LOCATED, locations: [{ code: ["a/b", "~"], message: ["m"] }, { code: ["x", "*", "c"], message: ["x", "*", "m"] }] });
  assert.deepEqual(odd.found({ "a/b": { "~": 1 }, m: "x", x: { "*": { c: 2, m: "y" } } }), [
    { pointer: "/a~1b/~0", code: 1, message: "x" },
    { pointer: "/x/*/c", code: 2, message: "y" },
  ]);
  // Array indexes as RFC 6901 writes them; inherited members are not the payload's own.
  const indexed = new Catalog({ ...LOCATED, locations: [{ code: ["d", "1", "c"], message: ["d", "1", "m"] }] });
  assert.deepEqual(indexed.found('{"d": [0, {"c": 5, "m": "z"}]}'), [{ pointer: "/d/1/c", code: 5, message: "z" }]);
  const proto = new Catalog({ ...LOCATED, locations: [{ code: ["__proto__", "c"], message: ["m"] }] });
  assert.deepEqual(proto.found('{"__proto__": {"c": 3}, "m": "own"}'), [{ pointer: "/__proto__/c", code: 3, message: "own" }]);
  assert.match(refusal((p) => proto.found(p), Object.create({ m: "x" })), /^payload holds no code at /);
});

test("fromPayload over locations: the first error, with its pointer; a payload of successes only is no error", () => {
  const batch = '{"code": "0", "msg": "", "data": [{"sCode": "0", "sMsg": ""}, {"sCode": "-1121", "sMsg": "Invalid symbol."}]}';
  const first = readLocated(batch);
  assert.equal(first.constructor, locatedClasses.codes.SYMBOL);
  assert.deepEqual([first.code, first.pointer, first.variant, first.matched], [-1121, "/data/1/sCode", 0, "exact"]);
  assert.equal(readLocated('{"code": 0, "msg": "", "data": [{"sCode": 0, "sMsg": ""}]}'), null);
  const every = everyLocated('{"code": 1, "msg": "Operation failed", "error": {"code": 777, "msg": "?"}, "data": [{"sCode": "0", "sMsg": ""}, {"sCode": 51008, "sMsg": "x"}]}');
  assert.deepEqual(
    every.map((error) => [error.name, error.code, error.pointer, error.matched, error.mismatch]),
    [
      ["Code1Error", 1, "/code", "tolerant", null],
      ["ApiError", 777, "/error/code", "none", "unknown_code"],
      ["Code51008Error", 51008, "/data/1/sCode", "none", "unmatched"],
    ],
  );
  assert.deepEqual(everyLocated('{"code": 0, "msg": ""}'), []);
  // The fast path (one top-level location) says where the code was too.
  assert.equal(readInteger('{"code": -2, "msg": "Too many."}').pointer, "/code");
  assert.equal(integers.everyReader(integerClasses)('{"code": 0, "msg": "x"}').length, 0);
});

test("payloads the locations refuse: no code anywhere, a code without its message, the wrong types", () => {
  const refusals = [
    ["{}", "payload holds no code at /code, /error/code, /data/*/sCode"],
    ['{"error": {}, "data": [{}, 1, "x"]}', "payload holds no code at /code, /error/code, /data/*/sCode"],
    ['{"data": {"0": {"sCode": 1, "sMsg": "x"}}}', "payload holds no code at /code, /error/code, /data/*/sCode"],
    ['{"error": {"code": 1}}', "payload has a code at /error/code but no message at /error/msg"],
    ['{"data": [{"sCode": 1, "sMsg": "x"}, {"sCode": 1}]}', "payload has a code at /data/1/sCode but no message at /data/1/sMsg"],
    ['{"error": {"code": 1, "msg": 5}}', "payload field /error/msg must be a string, got 5"],
    ['{"error": {"code": true, "msg": "x"}}', "payload field /error/code must be an integer within ±(2**53 - 1), got true"],
    ['{"error": {"code": -2.0, "msg": "x"}}', "payload field /error/code must be an integer within ±(2**53 - 1), got -2"],
    ['{"data": [{"sCode": 1e0, "sMsg": "x"}]}', "payload field /data/0/sCode must be an integer within ±(2**53 - 1), got 1"],
    ['{"error": {"code": 1, "code": 1.0, "msg": "x"}}', "payload field /error/code must be an integer within ±(2**53 - 1), got 1"],
    ['{"code": 9007199254740992, "msg": "x"}', "payload field /code must be an integer within ±(2**53 - 1), got 9007199254740992"],
    ['{"code": "9007199254740992", "msg": "x"}', 'payload field /code must be an integer within ±(2**53 - 1), got "9007199254740992"'],
    ['{"code": "01", "msg": "x"}', 'payload field /code must be an integer within ±(2**53 - 1), got "01"'],
    ['{"code": " 1", "msg": "x"}', 'payload field /code must be an integer within ±(2**53 - 1), got " 1"'],
    ['{"code": "+1", "msg": "x"}', 'payload field /code must be an integer within ±(2**53 - 1), got "+1"'],
    ['{"code": "1.0", "msg": "x"}', 'payload field /code must be an integer within ±(2**53 - 1), got "1.0"'],
    ['{"code": "", "msg": "x"}', 'payload field /code must be an integer within ±(2**53 - 1), got ""'],
    ['{"code": "\\uff11", "msg": "x"}', 'payload field /code must be an integer within ±(2**53 - 1), got "１"'],
    // One bad hit anywhere refuses the payload, though an earlier location held a good one.
    ['{"code": 1, "msg": "x", "data": [{"sCode": null, "sMsg": "x"}]}', "payload field /data/0/sCode must be an integer within ±(2**53 - 1), got null"],
    ["[]", "payload must be a JSON object, got an array"],
  ];
  for (const [payload, message] of refusals) {
    assert.equal(refusal(readLocated, payload), message, payload);
    assert.equal(refusal(everyLocated, payload), message, payload);
  }
  // The last of duplicate members counts, at any depth; "-0" is 0; an object already parsed says no text.
  assert.equal(readLocated('{"error": {"code": 1.5, "code": 1, "msg": "x"}}').code, 1);
  assert.equal(readLocated('{"error": {"code": 1.5, "msg": "x"}, "error": {"code": 1, "msg": "x"}}').code, 1);
  assert.ok(Object.is(readLocated('{"code": "-0", "msg": "x"}'), null), "-0 is 0, a success");
  assert.equal(readLocated({ error: { code: 2.0, msg: "x" } }).code, 2);
  const strict = new Catalog({ ...LOCATED, numericStrings: false });
  const readStrict = strict.reader(classes(strict, [["FAILED", 1, null], ["SYMBOL", -1121, "LOW"], ["LIMIT", -2, "LOW"], ["BRACES", 51008, null]]));
  assert.equal(refusal(readStrict, '{"code": "1", "msg": "x"}'), 'payload field /code must be an integer within ±(2**53 - 1), got "1"');
  const strings = new Catalog({ ...STRING, locations: [{ code: ["e", "state"], message: ["e", "text"] }], numericStrings: true });
  const readStrings = strings.errorReader(stringClasses);
  assert.equal(refusal(readStrings, '{"e": {"state": 22012, "text": "x"}}'), "payload field /e/state must be a string, got 22012");
  assert.equal(readStrings('{"e": {"state": "22012", "text": "division by zero"}}').variant, 0);
  // The depth limit is the JSON text's, whatever the locations.
  assert.equal(refusal(readLocated, `{"data": ${"[".repeat(MAX_DEPTH)}${"]".repeat(MAX_DEPTH)}}`), `payload nests deeper than ${MAX_DEPTH} levels`);
});

test("numberTexts: how the text writes each number the pointers reach, the last of duplicates", () => {
  const pointers = [["code"], ["error", "code"], ["data", "*", "sCode"]];
  const cases = [
    ['{"code": -1121}', [["/code", "-1121"]]],
    ['{"code": 1.0, "code": 2}', [["/code", "2"]]],
    ['{"error": {"code": 1e3, "x": [1.5, {"code": 2.5}]}, "code": 7}', [["/error/code", "1e3"], ["/code", "7"]]],
    ['{"data": [{"sCode": 1}, [], {"sCode": 2.0}, {"y": {"sCode": 3.5}}]}', [["/data/0/sCode", "1"], ["/data/2/sCode", "2.0"]]],
    ['{"data": {"*": {"sCode": 4}}, "x": "\\"code\\": 1.5"}', [["/data/*/sCode", "4"]]],
    ['{"err\\u006fr": {"code": -0}}', [["/error/code", "-0"]]],
    ['{"a": [{}, "k", 1.5], "code" : \n 3 }', [["/code", "3"]]],
  ];
  for (const [json, expected] of cases) {
    assert.deepEqual([...numberTexts(json, pointers)], expected, json);
  }
});

// Its time (linear: a quadratic reader takes minutes here) is measured by bench/bench_typescript.mjs,
// never asserted by a test.
test("reading every location of a payload of 50,000 items and of a 1 MB key", () => {
  const items = Array.from({ length: 50_000 }, (_, index) => ({ sCode: index % 2 ? "51008" : 0, sMsg: "", pad: [1.5, { sCode: 2.5 }] }));
  const text = JSON.stringify({ code: 0, msg: "", data: items });
  assert.equal(located.found(text).length, 50_001);
  assert.equal(everyLocated(text).length, 25_000);
  assert.equal(readLocated(text).pointer, "/data/1/sCode");
  const longKey = JSON.stringify({ ["k".repeat(1 << 20)]: Array.from({ length: 50_000 }, () => 1.5), code: 1, msg: "x" });
  assert.equal(readLocated(longKey).code, 1);
});

test("drifted messages: exact first, then the catalog's tolerances, reported as tolerant, or why none matched", () => {
  const ApiError = locatedClasses.base;
  const seen = (code, message) => {
    const error = new ApiError(code, message);
    return [error.variant, [...error.params], error.matched, error.detail, error.mismatch];
  };
  const cases = [
    [-1121, "Invalid symbol.", [0, [], "exact", null, null]],
    [-1121, "Invalid symbol", [0, [], "tolerant", null, null]],
    [-1121, " \tInvalid symbol. \r\n", [0, [], "tolerant", null, null]],
    [-1121, "Invalid symbol。", [0, [], "tolerant", null, null]],
    [-1121, "Invalid symbol..", [0, [], "tolerant", ".", null]], // one final period, then detail
    [-1121, "Invalid symbol.\u00a0", [0, [], "tolerant", "\u00a0", null]], // ASCII whitespace only
    [-1121, "Invalid symbol. (BTCUSDT)", [0, [], "tolerant", " (BTCUSDT)", null]],
    [-1121, "Invalid symbol (BTCUSDT)", [null, [], "none", null, "unmatched"]], // detail follows the whole text
    [-1121, "", [null, [], "none", null, "empty"]],
    [1, "Operation failed", [0, [], "tolerant", null, null]],
    // The literal variant is tried before "%s." (most literal text first), though catalog order has "%s." first.
    [-2, "Rate limited", [2, [], "tolerant", null, null]],
    [-2, "Too many `7` requests; limit 5.", [1, ["7", "5"], "exact", null, null]],
    [-2, "Too many 7 requests; limit 5", [1, ["7", "5"], "tolerant", null, null]],
    // A typed placeholder still takes only its type: "x" is no %d, so "%s." takes the whole message.
    [-2, "Too many 7 requests; limit x", [0, ["Too many 7 requests; limit x"], "tolerant", null, null]],
    [-2, "Too many 7 requests; limit x.", [0, ["Too many 7 requests; limit x"], "exact", null, null]],
    [51008, "Insufficient BTC balance for ETH, 5 more.", [0, ["BTC", "ETH", "5"], "tolerant", null, null]],
    [51008, "Insufficient BTC balance for ETH, 5 more; see docs", [0, ["BTC", "ETH", "5"], "tolerant", "; see docs", null]],
    [51008, "Insufficient BTC", [null, [], "none", null, "unmatched"]],
    [777, "Invalid symbol.", [null, [], "none", null, "unknown_code"]],
  ];
  for (const [code, message, expected] of cases) {
    assert.deepEqual(seen(code, message), expected, JSON.stringify(message));
  }
  const named = new ApiError(51008, "Insufficient BTC balance for ETH, 5 more.");
  assert.deepEqual({ ...named.paramsByName }, { ccy: "BTC", amount: "5" });
  // Without tolerances, a drifted message matches nothing.
  assert.deepEqual(
    [new integerClasses.base(-1, "first.").matched, new integerClasses.base(-1, "first.").mismatch],
    ["none", "unmatched"],
  );
  const big = `Invalid symbol. ${"x ".repeat(1 << 19)}`;
  assert.equal(new ApiError(-1121, big).detail, big.slice("Invalid symbol.".length));
  assert.equal(new ApiError(-2, `Too many \`${"`".repeat(1 << 20)}`).variant, 0);
});

test("normalized and looseParts: the reference rule's normalization", () => {
  const all = new Set(["whitespace", "punctuation", "backticks", "detail"]);
  assert.equal(normalized(" \t a. \n", all), "a");
  assert.equal(normalized("a 。 ", all), "a");
  assert.equal(normalized("a..", all), "a.");
  assert.equal(normalized(" a. ", new Set(["punctuation"])), " a. ");
  assert.equal(normalized(" a. ", new Set(["whitespace"])), "a.");
  assert.deepEqual(looseParts(["Use `", "` or `", "`."], all), ["Use ", " or ", ""]);
  assert.deepEqual(looseParts(["Use `", "`."], new Set(["backticks"])), ["Use ", "."]);
  assert.deepEqual(looseParts([" x. "], all), ["x"]);
});

test("format by name, and errors a server builds: toPayload at the first location without *, read back alike", () => {
  assert.equal(located.format(51008, 0, [{ ccy: "BTC", amount: 5 }]), "Insufficient BTC balance for BTC, 5 more");
  assert.equal(located.format(51008, 0, ["A", "B", 1]), "Insufficient A balance for B, 1 more");
  const refusals = [
    [[{ ccy: "BTC" }], '"Insufficient {ccy} balance for {ccy}, {amount} more" needs a value for amount'],
    [[{ ccy: "BTC", amount: 1, extra: 2, more: 3 }], '"Insufficient {ccy} balance for {ccy}, {amount} more" takes no value named extra, more'],
    [[{}], '"Insufficient {ccy} balance for {ccy}, {amount} more" needs a value for ccy'],
  ];
  for (const [params, message] of refusals) {
    assert.throws(() => located.format(51008, 0, params), { name: "RangeError", message });
  }
  assert.throws(() => integers.format(7, 0, [{ a: 1, b: 2, __proto__: null }]), { message: /needs a value for its unnamed placeholder/ });
  assert.throws(() => integers.format(-2, 1, [{ a: 1 }]), { message: '"Too many: %s per %s." takes no value named a' });

  const built = buildLocated(51008, 0, [{ ccy: "BTC", amount: 5 }]);
  assert.equal(built.constructor, locatedClasses.codes.BRACES);
  assert.deepEqual([built.code, built.message, built.variant, [...built.params], built.matched, built.pointer], [51008, "Insufficient BTC balance for BTC, 5 more", 0, ["BTC", "BTC", "5"], "exact", ""]);
  assert.deepEqual(built.toPayload(), { code: 51008, msg: "Insufficient BTC balance for BTC, 5 more" });
  const read = readLocated(JSON.stringify(built.toPayload()));
  assert.deepEqual([read.code, read.variant, [...read.params], read.pointer], [51008, 0, ["BTC", "BTC", "5"], "/code"]);
  assert.throws(() => buildLocated(0, 0, []), { name: "RangeError", message: "OK is a success code, not an error" });
  assert.throws(() => buildLocated(-2, 1, ["1"]), RangeError);
  assert.throws(() => buildLocated(12345, 0, []), { message: "not a code of this catalog: 12345" });

  // The written location is the first without "*", nested objects for its pointers.
  const nested = new Catalog({ ...LOCATED, locations: [LOCATED.locations[2], { code: ["error", "code"], message: ["error", "msg"] }, { code: ["__proto__"], message: ["m"] }] });
  const nestedClasses = classes(nested, [["FAILED", 1, null], ["SYMBOL", -1121, "LOW"], ["LIMIT", -2, "LOW"], ["BRACES", 51008, null]]);
  const error = nested.builder(nestedClasses)(-2, 1, ["7", 5]);
  assert.deepEqual(error.toPayload(), { error: { code: -2, msg: "Too many `7` requests; limit 5." } });
  const back = nested.reader(nestedClasses)(JSON.stringify(error.toPayload()));
  assert.deepEqual([back.code, back.variant, [...back.params], back.pointer], [-2, 1, ["7", "5"], "/error/code"]);
  const odd = new Catalog({ ...LOCATED, locations: [{ code: ["__proto__", "c"], message: ["__proto__", "m"] }] });
  const payload = new integerClasses.base(-2, "x").toPayload.call(new (classes(odd, [["FAILED", 1, null], ["SYMBOL", -1121, "LOW"], ["LIMIT", -2, "LOW"], ["BRACES", 51008, null]]).base)(1, "y"));
  assert.equal(JSON.stringify(payload), '{"__proto__":{"c":1,"m":"y"}}');
  assert.equal(Object.getPrototypeOf(payload), Object.prototype);
  assert.throws(() => new Catalog({ ...LOCATED, locations: [LOCATED.locations[2]] }), RangeError);
});

test("a catalog of heads, class names and rows as JSON text parses a code's row only when the code is first looked up", () => {
  const lazy = new Catalog({
    codeType: "integer",
    locations: [{ code: ["code"], message: ["msg"] }],
    categories: { LOW: { title: "Low", className: "LowError" } },
    ranges: [[1, 9, "LOW"]],
    codes: { A: 1, ALPHA: 1, B: 2, C: 3, OK: 0 },
    heads: ["LOW 1", "", "LOW", ""],
    classNames: "AError\nBError\nC2Error\n-\n",
    // C's row is no JSON: looking C up throws, and nothing else reads it.
    rows: '["a title",{"aliases":[{"name":"ALPHA","title":"Alpha"}]},"Alpha."]\n[null,{"retryable":true},[null,"b ",""]]\nnot JSON\n[null,{"kind":"success"},"Fine."]\n',
  });
  assert.deepEqual(Object.entries(lazy.codes), [["A", 1], ["ALPHA", 1], ["B", 2], ["C", 3], ["OK", 0]]);
  assert.equal(lazy.codes.ALPHA, 1);
  const { base, categories, list } = lazy.classes;
  assert.deepEqual(list.map((made) => [made.name, made.CODE]), [["AError", 1], ["BError", 2], ["C2Error", 3]]);
  assert.equal(Object.getPrototypeOf(list[0]), categories.LOW);
  assert.equal(Object.getPrototypeOf(list[1]), base);
  assert.equal(categories.LOW.name, "LowError");
  assert.throws(() => list[0](), TypeError, "a class is called with new only");
  assert.throws(() => {
    list[0].CODE = 5;
  }, TypeError);
  assert.equal(lazy.name(3), "C");
  assert.equal(lazy.isCode(3), true);
  assert.deepEqual(lazy.messages(2), ["b %s"], "a text left out is spelled from its parts");
  assert.deepEqual({ ...lazy.classify({ code: 2, msg: "b x" }), params: ["x"], paramsByName: {} }, {
    ...{ code: 2, name: "B", message: "b x", kind: "error", category: null, variant: 0, params: ["x"], paramsByName: {} },
    ...{ matched: "exact", detail: null, mismatch: null, retryable: true, httpStatus: null, pointer: "/code" },
  });
  assert.equal(list[0].prototype instanceof categories.LOW, false, "no error of A's class yet");
  const error = new list[0]();
  assert.deepEqual([error.name, error.message, error.code, error.category, error instanceof categories.LOW], ["AError", "Alpha.", 1, "LOW", true]);
  assert.ok(error instanceof list[0] && error instanceof base && error instanceof Error && !(error instanceof list[2]));
  assert.equal(error.constructor, list[0]);
  class Mine extends list[1] {}
  assert.deepEqual([Mine.CODE, categories.LOW.CODE, base.CODE], [2, undefined, undefined], "a class extending a code's class has its code");
  const mine = new Mine("b y");
  assert.ok(mine instanceof Mine && mine instanceof list[1] && mine instanceof base);
  assert.deepEqual([mine.name, mine.code, mine.params], ["BError", 2, ["y"]]);
  assert.equal(lazy.classify({ code: 0, msg: "Fine." }), null, "a success is no error: the heads say so");
  assert.equal(lazy.classify({ code: 7, msg: "?" }).category, "LOW");
  assert.equal(lazy.classify('{"code": 1.5, "msg": "x"}'), null);
  assert.throws(() => lazy.info(3), SyntaxError, "C's row is read when C is first looked up");
  const entry = function fromPayload(payload) {
    return lazy.fromPayload(payload, fromPayload);
  };
  assert.equal(entry({ code: 1, msg: "Alpha." }).constructor, list[0]);
  assert.ok(entry({ code: 1, msg: "Alpha." }).stack.split("\n")[1].includes(import.meta.url));
  assert.throws(() => entry("[]"), PayloadError);
  const data = { codeType: "integer", locations: [{ code: ["code"], message: ["msg"] }], categories: {}, codes: { A: 1, B: 2 }, heads: ["", ""] };
  assert.throws(() => new Catalog({ ...data, classNames: "AError\n" }), /1 class names for the 2 lines/);
  assert.throws(() => new Catalog({ ...data, classNames: "AError\nBError" }), /last has no line feed/);
  const unfed = new Catalog({ ...data, classNames: "AError\nBError\n", rows: "[null,null]\n[null,null]" });
  assert.equal(unfed.name(2), "B", "the rows are not read to load the catalog");
  assert.throws(() => unfed.info(1), /last has no line feed/);
});

test("spelled: a template's text from its parts, as the catalog leaves it out", () => {
  assert.equal(spelled(["Too many for ", "; limit is ", " per ", "."], ["s", "d", "s"], null), "Too many for %s; limit is %d per %s.");
  assert.equal(spelled(["100% of ", ""], null, null), "100%% of %s");
  assert.equal(spelled(["only 100%"], null, null), "only 100%%");
  assert.equal(spelled(["Parameter ", " of ", " %"], null, ["param", null]), "Parameter {param} of {} %");
});
