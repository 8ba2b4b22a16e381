// The program an embedded code block shows. Docs generators indent the text of a block to
// match the page's markup, so it is dedented the way Python's textwrap.dedent does: the
// spaces and tabs every non-blank line starts with are removed, and lines of only spaces
// and tabs become empty. Blank lines around the program go; it ends with one newline.

const BLANK_LINE = /^[ \t]*$/;
const INDENT = /^[ \t]*/;

export function programText(blockText: string): string {
  const lines = blockText.replace(/\r\n?/g, '\n').split('\n').map((line) => (BLANK_LINE.test(line) ? '' : line));
  while (lines[0] === '') lines.shift();
  while (lines[lines.length - 1] === '') lines.pop();
  const margin = commonPrefix(lines.filter((line) => line !== '').map((line) => INDENT.exec(line)?.[0] ?? ''));
  return lines.map((line) => line.slice(margin.length)).join('\n') + '\n';
}

function commonPrefix(texts: string[]): string {
  return texts.reduce((prefix, text) => {
    let length = 0;
    while (length < prefix.length && prefix[length] === text[length]) length++;
    return prefix.slice(0, length);
  }, texts[0] ?? '');
}
