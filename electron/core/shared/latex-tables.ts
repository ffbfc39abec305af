/**
 * What LaTeX commands stand for in Unicode, for latex.ts: accents as combining marks, symbol and
 * Greek letter commands, super- and subscript digits, and the math that reads differently from text.
 */

export const ACCENTS: Record<string, string> = {
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
  'angle ∠ deg ° lesssim ≲ gtrsim ≳ odot ⊙ oplus ⊕ otimes ⊗';

const SPACES = 'quad qquad enspace enskip thinspace nobreakspace space';

export function table(spec: string): Map<string, string> {
  const words = spec.split(' ');
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < words.length; i += 2) map.set(words[i]!, words[i + 1]!);
  return map;
}

export const SYMBOLS = new Map([...table(GREEK), ...table(NAMED), ...SPACES.split(' ').map((w) => [w, ' '] as const)]);

/** Commands whose argument is not text to show. */
export const DROP_ARGUMENT = new Set(['vphantom', 'phantom', 'hphantom', 'noopsort', 'noop', 'label', 'index', 'cite']);

export const SUPERSCRIPT = table('0 ⁰ 1 ¹ 2 ² 3 ³ 4 ⁴ 5 ⁵ 6 ⁶ 7 ⁷ 8 ⁸ 9 ⁹ + ⁺ - ⁻ = ⁼ ( ⁽ ) ⁾ n ⁿ i ⁱ');
export const SUBSCRIPT = table(
  '0 ₀ 1 ₁ 2 ₂ 3 ₃ 4 ₄ 5 ₅ 6 ₆ 7 ₇ 8 ₈ 9 ₉ + ₊ - ₋ = ₌ ( ₍ ) ₎ a ₐ e ₑ o ₒ x ₓ h ₕ k ₖ l ₗ m ₘ ' +
    'n ₙ p ₚ s ₛ t ₜ i ᵢ r ᵣ u ᵤ v ᵥ j ⱼ',
);

/** Math accents, as combining marks: \tilde{O} -> Õ, \hat{\theta} -> θ̂. */
export const MATH_ACCENTS: Record<string, string> = {
  tilde: '\u0303',
  widetilde: '\u0303',
  hat: '\u0302',
  widehat: '\u0302',
  bar: '\u0304',
  overline: '\u0305',
  vec: '\u20d7',
  dot: '\u0307',
  ddot: '\u0308',
  check: '\u030c',
  breve: '\u0306',
  acute: '\u0301',
  grave: '\u0300',
};
/** Operator names TeX sets upright: the name is the text. */
export const OPERATORS = new Set(
  'log ln lg exp sin cos tan cot sec csc sinh cosh tanh arcsin arccos arctan min max sup inf lim limsup liminf det dim ker arg deg gcd hom Pr'.split(
    ' ',
  ),
);
export const FRACTIONS = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);
