// The code blocks a docs page marks as runnable: <pre class="awaitpad">, and
// <code class="language-python" data-awaitpad> (what Markdown renders a fenced block to,
// with an attribute added), whose widget goes after its <pre> when it has one.

const SELECTOR = 'pre.awaitpad, code.language-python[data-awaitpad]';

export interface CodeBlock {
  block: HTMLElement;   // the element marked: its text is the program, its data- the options
  anchor: HTMLElement;  // the element the widget goes after
}

// True when `node`, added to the document, is or holds a block to take: a single-page docs
// site adds its pages' blocks long after load.
export function holdsCodeBlocks(node: Node): boolean {
  return node instanceof Element && (node.matches(SELECTOR) || node.querySelector(SELECTOR) !== null);
}

// The blocks under `root` not yet given a widget, in document order; marks them as given.
export function takeCodeBlocks(root: ParentNode): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const block of root.querySelectorAll<HTMLElement>(SELECTOR)) {
    const anchor = block.matches('code') ? block.closest('pre') ?? block : block;
    if (anchor.dataset.awaitpadWidget !== undefined || block.dataset.awaitpadWidget !== undefined) continue;
    block.dataset.awaitpadWidget = '';
    anchor.dataset.awaitpadWidget = '';
    blocks.push({ block, anchor });
  }
  return blocks;
}
