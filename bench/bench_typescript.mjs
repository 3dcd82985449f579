// Classifying error payloads with the generated TypeScript package (out/typescript/dist/index.js).
//
// Run by `make bench` as `node bench/bench_typescript.mjs`. Two parts:
//   (a) ordinary payloads: fromPayload and match per call, as an application sees them;
//   (b) hostile 1 MB messages for every variant shape of the catalog, built to defeat a backtracking
//       matcher (each template's prefix, then its middle literals repeated, without and with the final
//       literal; literal-only variants get a 1 MB near miss), and 1 MB payload texts for the nesting
//       pre-scan. Each is timed through match() and through fromPayload() of its JSON text, in ms per MB.
// Target: every hostile shape under 50 ms per MB.
//
// Options: --module PATH (another build of the package), --bytes N (the hostile size, 1 MB by default),
// --only TEXT (only the shapes whose label contains TEXT).
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const options = {
  module: fileURLToPath(new URL("../out/typescript/dist/index.js", import.meta.url)),
  bytes: 1 << 20,
  only: "",
};
for (let i = 2; i < process.argv.length; i += 2) {
  const [flag, value] = [process.argv[i], process.argv[i + 1]];
  if (!(flag.slice(2) in options) || value === undefined) {
    throw new Error(`usage: node bench/bench_typescript.mjs [--module PATH] [--bytes N] [--only TEXT]`);
  }
  options[flag.slice(2)] = flag === "--bytes" ? Number(value) : value;
}
const pkg = await import(pathToFileURL(options.module).href);
const TARGET_MS_PER_MB = 50;
const MB = 1 << 20;

let sink = 0;

/** Best of `repeat` runs of `calls` calls, in nanoseconds per call (the least disturbed run). */
function best(fn, calls, repeat = 7) {
  let least = Infinity;
  for (let r = 0; r < repeat; r++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) {
      sink += fn() === null ? 0 : 1;
    }
    least = Math.min(least, (performance.now() - start) / calls);
  }
  return least * 1e6;
}

/** Milliseconds per call on a big input: one run to warm up (and to size), then the best of a few. */
function slow(fn) {
  const start = performance.now();
  fn();
  const first = performance.now() - start;
  if (first > 1000) {
    return first; // a backtracking matcher: one run says enough
  }
  return best(fn, 1, first > 100 ? 2 : 5) / 1e6;
}

// (a) Ordinary payloads.
const { CODE_FIELD: c, MESSAGE_FIELD: m, ErrorCode } = pkg;
const placeholder = {
  [c]: ErrorCode.TOO_MANY_ORDERS,
  [m]: "Too many new orders; current limit is 100 orders per 10 SECOND.",
};
const literal = { [c]: ErrorCode.BAD_SYMBOL, [m]: "Invalid symbol." };
const placeholderText = JSON.stringify(placeholder);
const literalBytes = Buffer.from(JSON.stringify(literal));
const rows = [
  ["fromPayload, placeholder message (object)", () => pkg.fromPayload(placeholder).params],
  ["fromPayload, literal message (object)", () => pkg.fromPayload(literal).variant],
  ["fromPayload, placeholder message (JSON text)", () => pkg.fromPayload(placeholderText).params],
  ["fromPayload, literal message (JSON bytes)", () => pkg.fromPayload(literalBytes).variant],
  ["match, placeholder message", () => pkg.match(placeholder[c], placeholder[m])],
  ["match, literal message", () => pkg.match(literal[c], literal[m])],
];
console.log("(a) ordinary payloads");
for (const [label, fn] of rows) {
  best(fn, 20_000, 2); // warm up
  console.log(`  ${label.padEnd(48)} ${best(fn, 100_000).toFixed(0).padStart(8)} ns`);
}

// (b) Hostile inputs, each about options.bytes long.
/** The literal parts of a template around its %s (%% is a literal %), as the catalog defines them. */
function partsOf(template) {
  return template.replaceAll("%%", "\0").split("%s").map((part) => part.replaceAll("\0", "%"));
}

/** `head`, then `unit` repeated, then `tail`: about `size` characters in all. */
function filled(head, unit, tail, size) {
  const count = Math.max(1, Math.ceil((size - head.length - tail.length) / Math.max(1, unit.length)));
  return head + unit.repeat(count) + tail;
}

const shapes = []; // [label, code, message]
for (const [name, code] of Object.entries(ErrorCode)) {
  pkg.messages(code).forEach((template, variant) => {
    const parts = partsOf(template);
    const label = `${name} variant ${variant}`;
    if (parts.length === 1) {
      // Starts as the literal and runs on: every variant of the code has to look at it.
      shapes.push([`${label}, near miss`, code, filled(template, template, "", options.bytes)]);
      return;
    }
    const first = parts[0];
    const last = parts[parts.length - 1];
    const middle = parts.slice(1, -1);
    // The middle literals over and over (the final one when there are none), each with a value.
    const unit = (middle.length ? middle : [last]).map((part) => `${part}x`).join("");
    shapes.push([`${label}, literals repeated`, code, filled(first, unit, "", options.bytes)]);
    shapes.push([`${label}, literals repeated + final`, code, filled(first, unit, last, options.bytes)]);
    // Each literal cut short by its last character: a substring search must read the whole message.
    const near = (middle.length ? middle : [last]).map((part) => `${part.slice(0, -1)}x`).join("");
    shapes.push([`${label}, literals cut short + final`, code, filled(first, near, last, options.bytes)]);
  });
}

console.log(`(b) hostile inputs of ${(options.bytes / MB).toFixed(2)} MB: ms per MB (target < ${TARGET_MS_PER_MB})`);
console.log(`  ${"shape".padEnd(72)} ${"match".padStart(9)} ${"fromPayload".padStart(12)}`);
let worst = ["", 0];
function report(label, size, viaMatch, viaPayload) {
  const perMb = [viaMatch, viaPayload].map((ms) => (ms === null ? null : (ms * MB) / size));
  const shown = perMb.map((value, i) => (value === null ? "-" : value.toFixed(2)).padStart(i ? 12 : 9));
  console.log(`  ${label.padEnd(72)} ${shown.join(" ")}`);
  for (const value of perMb) {
    if (value !== null && value > worst[1]) {
      worst = [label, value];
    }
  }
}
const wanted = (label) => label.includes(options.only);
for (const [label, code, message] of shapes.filter(([label]) => wanted(label))) {
  const text = JSON.stringify({ [c]: code, [m]: message });
  report(
    label,
    message.length,
    slow(() => pkg.match(code, message)),
    slow(() => pkg.fromPayload(text)),
  );
}

// Payload texts the nesting pre-scan (and, for integer codes, the scan of the code's text) must read
// once: brackets inside a string (with escaped quotes), brackets that do nest, far past the limit, and
// a field of numbers and strings beside the code.
const [anyName, anyCode] = Object.entries(ErrorCode)[0];
const inString = JSON.stringify({ [c]: anyCode, [m]: filled("", '[{\\"', "", options.bytes) });
const extra = Array.from({ length: options.bytes / 8 }, (_, i) => (i % 2 ? 1e6 : '\\"'));
const beside = JSON.stringify({ [c]: anyCode, [m]: "x", extra });
const levels = Math.floor(options.bytes / 2);
const deep = `{${JSON.stringify(c)}: ${anyCode}, ${JSON.stringify(m)}: ${"[".repeat(levels)}${"]".repeat(levels)}}`;
const refuse = (text) => () => {
  try {
    pkg.fromPayload(text);
  } catch (error) {
    return error instanceof pkg.PayloadError ? null : error;
  }
  throw new Error("a payload nested past the limit was accepted");
};
for (const [label, text, fn] of [
  [`${anyName}: brackets and escaped quotes in the message`, inString, () => pkg.fromPayload(inString)],
  [`${anyName}: a field of numbers and strings beside the code`, beside, () => pkg.fromPayload(beside)],
  [`${anyName}: a message nested ${levels} deep`, deep, refuse(deep)],
]) {
  if (wanted(label)) {
    report(label, text.length, null, slow(fn));
  }
}

const verdict = worst[1] < TARGET_MS_PER_MB ? "" : " OVER TARGET";
console.log(`worst: ${worst[1].toFixed(2)} ms per MB (${worst[0]})${verdict}`);
if (sink < 0) {
  console.log(sink);
}
