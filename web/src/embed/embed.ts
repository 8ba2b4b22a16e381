// embed.js: one classic script that turns a docs page's marked code blocks into runnable
// widgets (code_blocks.ts), all on one runner (page_runner.ts). On embed.html it shows
// the one program of the page's link instead (frame.ts).
//
// A classic script, not a module, so that a plain <script src> from any docs tool works
// and the script itself needs no CORS. It finds its own URL through document.currentScript
// (read at once: it is null once the script has run) and loads the runtime and
// links the playground relative to that, not to the docs page.
import timelineStyles from '../timeline.css?inline';
import embedStyles from './embed.css?inline';
import { holdsCodeBlocks, takeCodeBlocks } from './code_blocks.ts';
import { frameProgram } from './frame.ts';
import { PageRunner } from './page_runner.ts';
import { programText } from './source_text.ts';
import { Widget } from './widget.ts';
import { widgetOptions } from './widget_options.ts';

const FRAME_SELECTOR = '[data-awaitpad-frame]';

const script = document.currentScript;
if (!(script instanceof HTMLScriptElement)) {
  throw new Error('awaitpad: load embed.js with a plain <script src="…/embed.js"> (not type="module")');
}
const embedBase = new URL('.', script.src).href;
const playgroundUrl = new URL('index.html', embedBase).href;
const pageRunner = new PageRunner(embedBase);

function addStyles(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(timelineStyles + embedStyles);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

function mountCodeBlocks(): void {
  for (const { block, anchor } of takeCodeBlocks(document)) {
    const widget = new Widget(programText(block.textContent ?? ''), widgetOptions(block), pageRunner, playgroundUrl);
    anchor.after(widget.element);
  }
}

// Single-page docs sites (VitePress, Docusaurus, MkDocs' instant loading) swap a new page's
// content in without loading embed.js again: its blocks get widgets when they arrive. Only
// added elements are looked at, so the widgets' own output does not make the page search
// itself again.
function watchForCodeBlocks(): void {
  new MutationObserver((changes) => {
    if (changes.some((change) => [...change.addedNodes].some(holdsCodeBlocks))) mountCodeBlocks();
  }).observe(document.body, { childList: true, subtree: true });
}

async function mountFrame(frame: Element): Promise<void> {
  const program = await frameProgram(location.hash);
  if (typeof program === 'string') {
    const message = document.createElement('p');
    message.className = 'awaitpad-message';
    message.setAttribute('role', 'alert');
    message.textContent = program;
    frame.replaceChildren(message);
    return;
  }
  const code = document.createElement('pre');
  code.className = 'awaitpad-code';
  code.textContent = program.source;
  const widget = new Widget(program.source, { time: program.time, timeline: false }, pageRunner, playgroundUrl);
  frame.replaceChildren(code, widget.element);
}

function start(): void {
  addStyles();
  const frame = document.querySelector(FRAME_SELECTOR);
  if (frame !== null) {
    void mountFrame(frame);
    return;
  }
  mountCodeBlocks();
  watchForCodeBlocks();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
