/**
 * What a config loader's error says, in one line with where: js-yaml's message and its `(line:col)`,
 * the JSON parser's message and the line its code frame points at, a JavaScript syntax error and
 * the line Node names. Loaders put a title first (`YAML Error in FILE:`) and a code frame after;
 * the title says nothing the caller does not, and the frame is many lines.
 */
export function loaderProblem(error: unknown): string {
  // The JSON loader colours its code frame where it thinks a terminal is (CI=true is enough).
  const message = (error instanceof Error ? error.message : String(error)).replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what it removes
    /\u001b\[[0-9;]*m/g,
    '',
  );
  const lines = message.split('\n');
  const title =
    /^(?:(?:YAML|JSON) Error in .*?:|TypeScriptLoader failed to compile TypeScript:)\s*/;
  const first = lines[0]!.replace(title, '');
  const body = [first, ...lines.slice(1)].filter(
    (line) => line.trim() !== '' && !/^\s*>?\s*\d*\s*\|/.test(line) && !/^-+\^/.test(line),
  );
  let text = body[0]?.trim() ?? message.trim();
  // JSON: the code frame marks the line (`> 3 |`); the message only knows a character position.
  const marked = /^\s*>\s*(\d+)\s*\|/m.exec(message);
  if (marked && !/\(\d+:\d+\)|line \d+/.test(text)) text += ` (line ${marked[1]})`;
  // JavaScript: Node puts `file:///…/astro.config.mjs:3` above the message in the stack.
  if (error instanceof SyntaxError && error.stack) {
    const at = /^(?:file:\/\/)?\S+?:(\d+)\s*$/m.exec(error.stack);
    if (at && !text.includes('line')) text += ` (line ${at[1]})`;
  }
  return text.replace(/\s+/g, ' ');
}
