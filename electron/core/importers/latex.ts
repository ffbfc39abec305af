/**
 * LaTeX as BibTeX files carry it, turned into display text: accents and symbol commands become
 * Unicode, case-protecting braces and font commands disappear, math keeps its letters.
 * A compact table covers what reference managers write; an unknown command is dropped but its
 * argument is kept, so no words are lost.
 */

const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
  d: '\u0323',
  b: '\u0331',
  t: '\u0361',
};

const GREEK =
  'alpha α beta β gamma γ delta δ epsilon ϵ varepsilon ε zeta ζ eta η theta θ vartheta ϑ iota ι kappa κ ' +
  'lambda λ mu μ nu ν xi ξ pi π varpi ϖ rho ρ varrho ϱ sigma σ varsigma ς tau τ upsilon υ phi ϕ varphi φ ' +
  'chi χ psi ψ omega ω Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω';

const NAMED =
  'ss ß o ø O Ø aa å AA Å ae æ AE Æ oe œ OE Œ l ł L Ł i ı j ȷ dh ð DH Ð th þ TH Þ ng ŋ NG Ŋ ' +
  'textendash – textemdash — textcopyright © copyright © textregistered ® texttrademark ™ ' +
  'ldots … dots … textellipsis … slash / textbackslash \\ textasciitilde ~ textasciicircum ^ ' +
  'textbraceleft { textbraceright } textunderscore _ textbar | textless < textgreater > textquoteleft ‘ textquoteright ’ ' +
  'textquotedblleft “ textquotedblright ” guillemotleft « guillemotright » textdegree ° degree ° ' +
  'S § P ¶ pounds £ textsterling £ euro € texteuro € dag † ddag ‡ textdagger † textbullet • ' +
  'textexclamdown ¡ textquestiondown ¿ textperthousand ‰ textmu µ textpm ± texttimes × ' +
  'times × pm ± mp ∓ cdot · div ÷ ast ∗ star ⋆ circ ∘ bullet • prime ′ leq ≤ le ≤ geq ≥ ge ≥ ' +
  'neq ≠ ne ≠ approx ≈ sim ∼ simeq ≃ equiv ≡ propto ∝ infty ∞ rightarrow → to → leftarrow ← ' +
  'Rightarrow ⇒ Leftarrow ⇐ leftrightarrow ↔ uparrow ↑ downarrow ↓ in ∈ notin ∉ subset ⊂ ' +
  'subseteq ⊆ supset ⊃ cup ∪ cap ∩ partial ∂ nabla ∇ sum ∑ prod ∏ int ∫ sqrt √ ell ℓ hbar ℏ ' +
  'forall ∀ exists ∃ emptyset ∅ langle ⟨ rangle ⟩ mid | vert | ll ≪ gg ≫ perp ⊥ parallel ∥ ' +
  'angle ∠ deg °';

const SPACES = 'quad qquad enspace enskip thinspace nobreakspace space';

function table(spec: string): Map<string, string> {
  const words = spec.split(' ');
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < words.length; i += 2) map.set(words[i]!, words[i + 1]!);
  return map;
}

const SYMBOLS = new Map([...table(GREEK), ...table(NAMED), ...SPACES.split(' ').map((w) => [w, ' '] as const)]);

/** Commands whose argument is not text to show. */
const DROP_ARGUMENT = new Set(['vphantom', 'phantom', 'hphantom', 'noopsort', 'noop', 'label', 'index', 'cite']);

const SUPERSCRIPT = table('0 ⁰ 1 ¹ 2 ² 3 ³ 4 ⁴ 5 ⁵ 6 ⁶ 7 ⁷ 8 ⁸ 9 ⁹ + ⁺ - ⁻ = ⁼ ( ⁽ ) ⁾ n ⁿ i ⁱ');
const SUBSCRIPT = table(
  '0 ₀ 1 ₁ 2 ₂ 3 ₃ 4 ₄ 5 ₅ 6 ₆ 7 ₇ 8 ₈ 9 ₉ + ₊ - ₋ = ₌ ( ₍ ) ₎ a ₐ e ₑ o ₒ x ₓ h ₕ k ₖ l ₗ m ₘ ' +
    'n ₙ p ₚ s ₛ t ₜ i ᵢ r ᵣ u ᵤ v ᵥ j ⱼ',
);

const LIGATURES = /---?|~|``|''/g;
const LIGATURE_TEXT: Record<string, string> = { '---': '—', '--': '–', '~': ' ', '``': '“', "''": '”' };

/** Display text for a BibTeX field value (soft hyphens and surrounding space are left to the caller). */
export function latexToText(raw: string): string {
  // Most fields have no commands at all: dropping braces and TeX ligatures is all they need.
  // Ligatures first: a brace between two hyphens (-{}-) is there to keep them apart.
  if (!raw.includes('\\') && !raw.includes('$')) return ligatures(raw).replace(/[{}]/g, '');
  return new Converter(raw).run();
}

function ligatures(text: string): string {
  return text.replace(LIGATURES, (m) => LIGATURE_TEXT[m] ?? m);
}

const LIGATURE_AT = /---?|~|``|''/y;

/** Arguments nest this deep at most in real files; deeper input is read as plain text, never overflowing the stack. */
const MAX_DEPTH = 16;

class Converter {
  private pos = 0;
  private math = false;

  constructor(
    private readonly src: string,
    private readonly depth = 0,
  ) {}

  run(): string {
    const { src } = this;
    let out = '';
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if (c === '{' || c === '}') this.pos++;
      else if (c === '\\') out += this.command();
      else if (c === '$') {
        this.math = !this.math;
        this.pos++;
      } else if (this.math && (c === '^' || c === '_')) {
        this.pos++;
        out += script(this.convertArgument(), c === '^' ? SUPERSCRIPT : SUBSCRIPT);
      } else {
        LIGATURE_AT.lastIndex = this.pos;
        const ligature = this.math ? null : LIGATURE_AT.exec(src);
        if (ligature) {
          out += LIGATURE_TEXT[ligature[0]]!;
          this.pos += ligature[0].length;
        } else {
          out += c;
          this.pos++;
        }
      }
    }
    return out;
  }

  /** A control sequence at `pos` (the backslash), converted. */
  private command(): string {
    const { src } = this;
    const start = ++this.pos;
    const first = src[start];
    if (first === undefined) return '';
    if (!isLetter(first)) {
      this.pos++;
      const mark = ACCENTS[first];
      if (mark && !this.math) return accent(this.convertArgument(), mark);
      if (first === '\\' || first === ' ' || first === ',' || first === ';' || first === ':' || first === '>')
        return ' ';
      if (first === '-' || first === '/' || first === '@' || first === '!') return '';
      return first;
    }
    while (this.pos < src.length && isLetter(src[this.pos]!)) this.pos++;
    const name = src.slice(start, this.pos);
    this.skipSpace();
    const mark = name.length === 1 ? ACCENTS[name] : undefined;
    if (mark) return accent(this.convertArgument(), mark);
    const symbol = SYMBOLS.get(name);
    if (symbol !== undefined) return symbol;
    if (DROP_ARGUMENT.has(name)) {
      this.readArgument();
      return '';
    }
    if (name === 'textsuperscript') return script(this.convertArgument(), SUPERSCRIPT);
    if (name === 'textsubscript') return script(this.convertArgument(), SUBSCRIPT);
    if (name === 'href') this.readArgument();
    // Font switches, formatting commands and unknown commands: the command goes, its argument stays.
    return '';
  }

  private convertArgument(): string {
    const raw = this.readArgument();
    if (this.depth >= MAX_DEPTH) return raw.replace(/[{}\\]/g, '');
    const inner = new Converter(raw, this.depth + 1);
    inner.math = this.math;
    return inner.run();
  }

  /** The raw text of the next argument: a {group}, a control sequence or one character. */
  private readArgument(): string {
    const { src } = this;
    this.skipSpace();
    const start = this.pos;
    const c = src[start];
    if (c === undefined) return '';
    if (c === '{') {
      let depth = 0;
      for (let i = start; i < src.length; i++) {
        const ch = src[i];
        if (ch === '\\') i++;
        else if (ch === '{') depth++;
        else if (ch === '}' && --depth === 0) {
          this.pos = i + 1;
          return src.slice(start + 1, i);
        }
      }
      this.pos = src.length;
      return src.slice(start + 1);
    }
    if (c === '\\') {
      let end = start + 2;
      if (isLetter(src[start + 1] ?? '')) while (end < src.length && isLetter(src[end]!)) end++;
      this.pos = end;
      return src.slice(start, end);
    }
    const width = (src.codePointAt(start) ?? 0) > 0xffff ? 2 : 1;
    this.pos = start + width;
    return src.slice(start, start + width);
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }
}

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

function accent(text: string, mark: string): string {
  const chars = [...text];
  if (chars.length === 0) return mark === '\u0308' ? '¨' : mark;
  const base = chars[0] === 'ı' ? 'i' : chars[0] === 'ȷ' ? 'j' : chars[0]!;
  return (base + mark).normalize('NFC') + chars.slice(1).join('');
}

/** Unicode super- or subscript when every character has one, else the plain text. */
function script(text: string, map: Map<string, string>): string {
  let out = '';
  for (const ch of text) {
    const mapped = ch === '.' || ch === ' ' ? ch : map.get(ch);
    if (mapped === undefined) return text;
    out += mapped;
  }
  return out;
}
