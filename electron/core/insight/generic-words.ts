/**
 * Words that carry no topic: common in English and in any field's abstracts, so two papers sharing them are
 * not alike ("end", "open", "type", "environment"). The model keeps them (a phrase of one with a topical word,
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

const GENERIC = new Set(GENERIC_WORDS);

/**
 * Whether a term as termNames names it (a stem: "propertie", or a phrase of stems) carries no topic: a word of
 * two letters, a generic word, or a phrase of generic words only.
 */
export function isGeneric(name: string): boolean {
  return name.split(' ').every((word) => word.length <= 2 || GENERIC.has(word) || GENERIC.has(`${word}s`));
}
