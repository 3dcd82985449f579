// How an SDK uses the generated package: installed by its npm name into a scratch project, type-checked
// there with tsc --strict (and stricter flags, no DOM or Node types), then run with node.
// Lines marked @ts-expect-error must stay errors: they prove the types are precise (no `any` leaks).
import {
  ApiError,
  BadSymbolError,
  Category,
  ErrorCode,
  GeneralError,
  PayloadError,
  RETIRED_CODES,
  RequestError,
  TooManyOrdersError,
  VERSION,
  categoryOf,
  categoryTitle,
  errorCodeByName,
  errorCodeName,
  errorInfo,
  format,
  fromPayload,
  isErrorCode,
  match,
  messages,
  type Code,
  type ErrorInfo,
  type ErrorName,
  type MessageMatch,
} from "binance-options-errors";

// The consumer is compiled without DOM or Node types, to prove the package needs neither.
declare const console: { log(message: string): void };

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`consumer check failed: ${what}`);
  }
}

function describe(body: unknown): string {
  let error: ApiError;
  try {
    error = fromPayload(body);
  } catch (caught) {
    if (caught instanceof PayloadError) {
      return "not an error payload";
    }
    throw caught;
  }
  if (error instanceof TooManyOrdersError) {
    const code: -1015 = error.code; // narrowed to the literal by instanceof
    const category: "GENERAL" = error.category;
    const limit: string = error.variant === 1 ? (error.params[0] ?? "?") : "?";
    return `slow down to ${limit} (${code} ${category})`;
  }
  if (error instanceof BadSymbolError) {
    const code: typeof ErrorCode.BAD_SYMBOL = error.code;
    return `bad symbol (${code})`;
  }
  if (error instanceof RequestError) {
    const category: Category | null = error.category;
    return `request problem in ${category ?? "?"}`;
  }
  const name: ErrorName | null = errorCodeName(error.code);
  const status: number | null = error.httpStatus;
  return `${name ?? "unknown"} ${error.name} retry=${String(error.retryable)} status=${status ?? "-"}`;
}

function limits(): string[] {
  const message: string = format(ErrorCode.TOO_MANY_ORDERS, 1, 100, "10 SECOND");
  const matched: MessageMatch | null = match(ErrorCode.TOO_MANY_ORDERS, message);
  const params: readonly string[] = matched === null ? [] : matched.params;
  return [message, ...params, ...messages(ErrorCode.BAD_SYMBOL)];
}

function lookups(raw: Code): string {
  const info: ErrorInfo | null = errorInfo(raw);
  const byName: ErrorCode | null = errorCodeByName("BAD_SYMBOL");
  const known: ErrorCode | null = isErrorCode(raw) ? raw : null;
  const category: Category | null = categoryOf(raw);
  const retired: string | undefined = RETIRED_CODES.get(raw);
  const title: string = categoryTitle(Category.REQUEST);
  return [info?.name, byName, known, category, retired, title, ErrorCode["BAD_SYMBOL"]].join("|");
}

function typesArePrecise(error: ApiError): void {
  // @ts-expect-error a number that is not a code of the catalog
  messages(12345);
  // @ts-expect-error codes are numbers in this catalog
  const wrong: Code = "-1121";
  // @ts-expect-error ErrorCode is frozen and readonly
  ErrorCode.BAD_SYMBOL = -1;
  // @ts-expect-error params are readonly
  error.params.push("x");
  // @ts-expect-error the code is readonly
  error.code = 1;
  // @ts-expect-error no such category
  categoryTitle("NOPE");
  // @ts-expect-error no such name
  const name: ErrorName = "NOPE";
  // @ts-expect-error a code class takes its message only
  new BadSymbolError(-1121, "x");
  void wrong;
  void name;
}

const seen = [
  describe('{"code":-1015,"msg":"Too many new orders; current limit is 100 orders per 10 SECOND."}'),
  describe(Uint8Array.from('{"code":-1121,"msg":"Invalid symbol."}', (char) => char.charCodeAt(0))),
  describe({ code: -1199, msg: "new" }),
  describe({ code: -1001, msg: "Internal error; unable to process your request. Please try again." }),
  describe({ code: 42, msg: "?" }),
  describe("not json"),
  ...limits(),
  lookups(-1121),
];
check(VERSION.length > 0, "VERSION");
check(new BadSymbolError() instanceof RequestError, "instanceof");
check(!(new GeneralError(-1099, "x") instanceof RequestError), "sibling classes");
check(typeof typesArePrecise === "function", "types");
console.log(JSON.stringify(seen));
