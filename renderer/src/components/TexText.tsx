import type katex from 'katex';
import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { mathToText } from '../../../electron/core/shared/latex';
import { inMathAlphabet, isMathAlphabet } from '../../../electron/core/shared/math-alphabets';
import { mathSpans, snapToMath, type MathSpan } from '../anchor';
import './tex-text.css';

type Props = {
  text: string;
  className?: string;
  /** Ranges of `text` to mark (search matches), as offsets into it; a range that touches math marks all of it. */
  marks?: readonly (readonly [number, number])[];
};

/** A title or abstract with its $…$ math drawn; everything else is plain text, never HTML. */
export function TexText({ text, className, marks }: Props) {
  const runs = useMemo(() => texRuns(text, marks ?? []), [text, marks]);
  const parts: ReactNode[] = runs.map((run) => {
    const shown = run.math ? (
      <TexMath key={run.start} tex={run.math.tex} display={run.math.display} source={run.text} />
    ) : (
      run.text
    );
    return run.marked ? <mark key={run.start}>{shown}</mark> : shown;
  });
  return className ? <span className={className}>{parts}</span> : <>{parts}</>;
}

type Run = { start: number; text: string; math?: MathSpan; marked: boolean };

/** The text cut at its math and its marks, each piece of math one run, marks widened to whole math. */
function texRuns(text: string, marks: readonly (readonly [number, number])[]): Run[] {
  const math = mathSpans(text);
  if (math.length === 0 && marks.length === 0) return [{ start: 0, text, marked: false }];
  const marked = marks.map(([start, end]) => snapToMath(start, end, math));
  const cuts = new Set([0, text.length]);
  for (const range of [...math, ...marked]) cuts.add(range.start).add(range.end);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    runs.push({
      start: from,
      text: text.slice(from, to),
      math: math.find((span) => span.start === from),
      marked: marked.some((range) => range.start <= from && range.end >= to),
    });
  }
  return runs;
}

type MathProps = { tex: string; display: boolean; source: string };

/**
 * KaTeX is a chunk of its own, as the app's other large libraries are. It loads when math is first to be
 * drawn, or a few seconds after the page's first draw (loadMathSoon), whichever comes first: not while the
 * page draws its first rows and takes its first key presses (its code, run as it arrived, held up the presses
 * it fell among), and mostly there before a paper with math is opened.
 */
let loaded: typeof katex | undefined;
let loading: Promise<unknown> | undefined;

function load(): Promise<unknown> {
  loading ??= import('katex').then((module) => (loaded = module.default));
  return loading;
}

/** Load KaTeX `afterMs` from now unless math asks for it sooner (main.tsx, once the page is drawn). */
export function loadMathSoon(afterMs: number): void {
  setTimeout(() => void load(), afterMs);
}

/** Starts loading KaTeX if nothing has; settles when math can be drawn (tests wait for it). */
export function mathReady(): Promise<unknown> {
  return load();
}

/**
 * One piece of math, drawn by KaTeX as MathML into this element: Chromium draws MathML itself, so no
 * KaTeX stylesheet, font or inline style is needed under the page's CSP, and nothing is fetched. TeX
 * that KaTeX cannot read shows as the source it is.
 */
export function TexMath({ tex, display, source }: MathProps) {
  const element = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const draw = () => {
      const target = element.current;
      if (!target || !loaded) return;
      const drawn = drawMath(loaded, tex, display);
      if (typeof drawn === 'string') {
        target.className = 'tex-math tex-error';
        target.title = `Math that could not be drawn: ${drawn}`;
        target.replaceChildren(source);
      } else {
        target.className = 'tex-math';
        target.removeAttribute('title');
        target.replaceChildren(drawn.cloneNode(true));
      }
    };
    if (loaded) return draw();
    let live = true;
    void load().then(() => live && draw());
    return () => {
      live = false;
    };
  }, [tex, display, source]);
  return <span ref={element} className="tex-math" />;
}

/** Drawn math by its TeX, reused by clone: a list of many papers draws each formula once. */
const drawn = new Map<string, Node | string>();
const KEEP = 500;

/** The MathML for `tex`, or KaTeX's reason it cannot draw it. */
function drawMath(lib: typeof katex, tex: string, display: boolean): Node | string {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const known = drawn.get(key);
  if (known !== undefined) return known;
  const holder = document.createElement('span');
  let result: Node | string;
  try {
    // Display math stays in the line (a title or a list row has no room for a block) at display size.
    lib.render(display ? `\\displaystyle ${tex}` : tex, holder, {
      output: 'mathml',
      throwOnError: true,
      strict: 'ignore',
      trust: false,
      maxSize: 20,
      maxExpand: 200,
    });
    lettersInAlphabets(holder);
    spaceOperatorNames(holder);
    // Its name in the text around it (a title's heading, a row): Chromium names a heading by its words only.
    holder.querySelector('math')?.setAttribute('aria-label', mathToText(tex));
    result = holder.firstChild ?? 'KaTeX drew nothing';
  } catch (error) {
    result = error instanceof Error ? error.message : String(error);
  }
  if (drawn.size >= KEEP) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, result);
  return result;
}

/**
 * Chromium draws MathML's mathvariant only when it is "normal": \mathcal{O}, \mathbb{R} and \mathbf{x} would
 * show as a plain O, R and x. Their letters become the alphabet's own (𝒪, ℝ, 𝐱), which every browser draws.
 */
function lettersInAlphabets(holder: Element): void {
  for (const element of holder.querySelectorAll('[mathvariant]')) {
    const variant = element.getAttribute('mathvariant')!;
    if (!isMathAlphabet(variant)) continue;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      node.textContent = inMathAlphabet(node.textContent ?? '', variant);
    element.removeAttribute('mathvariant');
  }
}

const THIN_SPACE = '0.1667em';
/** A closing bracket is set apart from an operator name after it: f(x) log y; an opening one is not: (log n). */
const CLOSING = /^[)\]}⟩]$/;

/**
 * TeX sets an operator name (\log, \sin, \max_i) a thin space apart from a letter, a number or a closing
 * bracket before it and from what it applies to after it: n\log n is "n log n", \log(n) stays "log(n)". KaTeX's MathML writes it as <mi>log</mi><mo>&#x2061;</mo>, which
 * Chromium draws with no space at all ("nlog n"), so the spaces are put in, as <mspace>.
 */
function spaceOperatorNames(holder: Element): void {
  for (const apply of holder.querySelectorAll('mo')) {
    if (apply.textContent !== '\u2061' || !apply.previousElementSibling) continue;
    // \max_i: the name and its script are one piece, <msub><mrow><mi>max</mi><mo>⁡</mo></mrow>…</msub>.
    const row = apply.parentElement;
    const outer =
      row?.tagName === 'mrow' && row.firstElementChild === apply.previousElementSibling && row.parentElement;
    const scripted = outer && SCRIPTED.test(outer.tagName) && outer.firstElementChild === row ? outer : undefined;
    const first = scripted ?? apply.previousElementSibling;
    const last = scripted ?? apply;
    const before = edge(first.previousElementSibling, 'lastElementChild');
    const after = edge(last.nextElementSibling, 'firstElementChild');
    if (before && (before.tagName !== 'mo' || CLOSING.test(before.textContent ?? ''))) first.before(thinSpace());
    if (after && after.tagName !== 'mo') last.after(thinSpace());
  }
}

const SCRIPTED = /^m(sub|sup|subsup|under|over|underover)$/;
/** What sits next to an operator name: the element, or the nearest end of a row (a bracket inside it). */
function edge(element: Element | null, end: 'firstElementChild' | 'lastElementChild'): Element | null {
  return element?.tagName === 'mrow' ? (element[end] ?? element) : element;
}

function thinSpace(): Element {
  const space = document.createElementNS('http://www.w3.org/1998/Math/MathML', 'mspace');
  space.setAttribute('width', THIN_SPACE);
  return space;
}
