/**
 * Words that carry no topic: common in English and in any field's abstracts, so two papers sharing them are
 * not alike ("end", "open", "type", "environment"), and TeX's command names ("log", "theta"). The model keeps them (a phrase of one with a topical word,
 * "open-weight" or "reward model", is a topic); likeness as shown and explained leaves them out (explain.ts's
 * sharedTopics), so the model and its cache are unchanged.
 */

// prettier-ignore
const GENERIC_WORDS = (
  'end ends open opens type types good great need needs way ways part parts set sets case cases form forms ' +
  'order level levels high low large small big lower higher find finds found general various different ' +
  'important key main real simple best better full common given getting take takes make process processes ' +
  'environment environments system systems problem problems task tasks interaction interactions model models ' +
  'data number numbers time times point points term terms result value values effect effects use user users ' +
  'review analysis properties property global body structure structures function functions information ' +
  'understanding performance quality support strong strongly range input output level second third ' +
  'efficient effective effectively improve improves improved improvement provide provides able ability ' +
  'allow allows across key keys source sources target targets content instead lead leads need needed ' +
  'open-source end-to-end'
).split(' ');

/**
 * The names of TeX's commands, which a digest's web page keeps as words when it drops their backslash and the
 * model reads as words in math left as TeX (\log, \theta, \mathcal): two papers with O(log n) in them share
 * no subject. (Those the model never counts are its stop words, terms.ts.)
 */
// prettier-ignore
const TEX_NAMES = (
  'log ln lg exp sin cos tan sinh cosh tanh arcsin arccos arctan sec csc cot max min sup inf lim liminf limsup ' +
  'argmax argmin arg det dim ker deg gcd hom mod bmod pmod poly polylog ' +
  'alpha beta gamma theta vartheta iota kappa lambda sigma varsigma upsilon phi varphi chi psi rho omega ' +
  'cdot cdots ldots dots vdots ddots times otimes oplus leq geq neq approx equiv propto infty partial nabla ' +
  'sum prod int oint bigcup bigcap mathit mathsf mathtt boldsymbol operatorname displaystyle textstyle ' +
  'textrm mbox hat bar vec dot ddot overline underline widehat quad qquad left right big bigl bigr ' +
  'begin ref eqref'
).split(' ');

const GENERIC = new Set([...GENERIC_WORDS, ...TEX_NAMES]);

/**
 * Whether a term as termNames names it (a stem: "propertie", or a phrase of stems) carries no topic: a word of
 * two letters, a generic word, or a phrase of generic words only.
 */
export function isGeneric(name: string): boolean {
  return name.split(' ').every((word) => word.length <= 2 || GENERIC.has(word) || GENERIC.has(`${word}s`));
}
