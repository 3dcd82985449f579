// How an SDK uses a package of format v2 (tests/model_catalogs.py integers(), rendered by the test):
// type-checked with the strict settings against its declarations, then run with node. The lines marked
// as expected errors must stay errors: they prove the types of kinds, categories and success codes precise.
import {
  ApiError,
  CancelRejectedError,
  Category,
  ErrorCode,
  FilterFailureError,
  NoCategoryError,
  QuietWarningError,
  TooManyRequestsError,
  buildError,
  categoryOf,
  errorCodeByName,
  errorInfo,
  everyError,
  format,
  fromPayload,
  match,
  type ErrorName,
  type Kind,
  type Matched,
  type MessageMatch,
  type Mismatch,
  type ParamsByName,
} from "v2-integers-errors";

declare const console: { log(message: string): void };

function describe(body: unknown): string {
  const error: ApiError | null = fromPayload(body);
  if (error === null) {
    return "a success: no error";
  }
  if (error instanceof QuietWarningError) {
    const kind: "warning" = error.kind; // narrowed by instanceof
    return `${kind}: ${error.params[0] ?? "?"}`;
  }
  if (error instanceof NoCategoryError) {
    const category: null = error.category;
    return `no category (${String(category)})`;
  }
  if (error instanceof CancelRejectedError) {
    const category: typeof Category.CANCEL = error.category;
    return `cancel rejected in ${category}`;
  }
  if (error instanceof TooManyRequestsError) {
    const code: -1003 = error.code;
    return `limit ${error.variant === 1 ? (error.params[0] ?? "?") : "?"} (${code}, ${error.kind})`;
  }
  const kind: Kind = error.kind;
  return `${error.name} ${kind} ${error.category ?? "-"}`;
}

function named(): string[] {
  const found: MessageMatch | null = match(ErrorCode.ILLEGAL_CHARS, "Illegal characters found in parameter 'a'.");
  const byName: ParamsByName = found === null ? {} : found.paramsByName;
  const typed = match(ErrorCode.FILTER_FAILURE, "Filter failure: LOT_SIZE 5 true");
  return [byName["param"] ?? "?", String(byName["range"]), String(typed?.variant), ...(typed?.params ?? [])];
}

function lookups(): string {
  const alias: typeof ErrorCode.TOO_MANY_REQUESTS = ErrorCode.RATE_LIMITED;
  const name: ErrorName = "THROTTLED";
  const info = errorInfo(ErrorCode.OK);
  return [alias, ErrorCode[name], errorCodeByName("rate limited"), info?.kind, info?.title, categoryOf(-2105)].join("|");
}

function server(): string[] {
  // A server's error, by position and by name, written as the wire payload and read back.
  const built: ApiError = buildError(ErrorCode.ILLEGAL_CHARS, 1, { param: "a" });
  const back = fromPayload(JSON.stringify(built.toPayload()));
  const how: Matched = built.matched;
  const why: Mismatch | null = fromPayload({ code: 5, msg: "new" })?.mismatch ?? null;
  const every: ApiError[] = everyError({ code: -1003, msg: "Too many requests; current limit is 10 requests per minute." });
  return [
    format(ErrorCode.ILLEGAL_CHARS, 1, { param: "b" }),
    `${back?.code ?? "?"} ${back?.paramsByName["param"] ?? "?"} ${how} ${String(why)}`,
    every.map((error) => `${error.code}@${error.pointer}`).join(","),
  ];
}

function typesArePrecise(error: ApiError, found: MessageMatch): void {
  // @ts-expect-error a catalog with success codes may read a payload as null
  const sure: ApiError = fromPayload("{}");
  // @ts-expect-error a warning's class says so
  const kind: "error" = new QuietWarningError().kind;
  // @ts-expect-error a code without category has none
  const category: Category = new NoCategoryError().category;
  // @ts-expect-error params by name are readonly
  found.paramsByName["x"] = "y";
  // @ts-expect-error the kind is readonly
  error.kind = "success";
  // @ts-expect-error no such alias
  const wrong: ErrorName = "RATE_LIMITED_TOO";
  // @ts-expect-error params in order or by name, not both
  buildError(ErrorCode.ILLEGAL_CHARS, 0, { param: "a" }, "b");
  // @ts-expect-error only the catalog's codes are built
  buildError(12345, 0);
  // @ts-expect-error where the code was is readonly
  error.pointer = "/x";
  void sure;
  void kind;
  void category;
  void wrong;
}

const seen = [
  describe({ code: 0, msg: "Success." }),
  describe({ code: 9, msg: "Careful: now" }),
  describe({ code: 7, msg: "No category x." }),
  describe({ code: -2105, msg: "Cancel rejected." }),
  describe('{"code": -1003, "msg": "Too many requests; current limit is 10 requests per minute."}'),
  describe({ code: -2150, msg: "new" }),
  describe({ code: 5, msg: "new" }),
  ...named(),
  lookups(),
  ...server(),
];
if (typeof typesArePrecise !== "function" || !(new FilterFailureError() instanceof ApiError)) {
  throw new Error("consumer check failed");
}
console.log(JSON.stringify(seen));
