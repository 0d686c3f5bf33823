/**
 * Text from files (header values, XML parser messages, file names) made safe to print: control
 * characters, escape sequences and bidirectional overrides are shown as `\xNN`/`\u{…}` escapes, so a
 * hostile header can neither set a terminal's title nor reorder what a line seems to say.
 */
// C0 and C1 controls, DEL, and the bidi embedding, override and isolate characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printableText(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
