// Prints, as JSON, what TypeScript's own parser finds in each file given on the command line:
// every comment, template literal and regular expression literal, as source text.
// tests/test_typescript_target.py uses it to prove that no spec text ends up in any of them
// (only string literals, written by escaping.typescript_literal, may carry spec text).
import { readFileSync } from "node:fs";
import ts from "typescript";

function scan(path) {
  const text = readFileSync(path, "utf8");
  const kind = path.endsWith(".d.ts") || path.endsWith(".ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const comments = new Map();
  const templates = [];
  const regexes = [];
  const collect = (ranges) => {
    for (const range of ranges ?? []) {
      comments.set(range.pos, text.slice(range.pos, range.end));
    }
  };
  const visit = (node) => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    if (ts.isTemplateLiteral(node)) {
      templates.push(node.getText(source));
    } else if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      regexes.push(node.getText(source));
    }
    for (const child of node.getChildren(source)) {
      visit(child);
    }
  };
  visit(source);
  const problems = source.parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  return {
    comments: [...comments.entries()].sort(([a], [b]) => a - b).map(([, comment]) => comment),
    templates,
    regexes,
    problems,
  };
}

console.log(JSON.stringify(Object.fromEntries(process.argv.slice(2).map((path) => [path, scan(path)]))));
