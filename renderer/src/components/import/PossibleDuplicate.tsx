import type { ImportPreview } from '../../store/types';
import { plainTitle } from '../../tex-plain';
import { TexText } from '../TexText';
import { UNTITLED } from '../Untitled';
import './import.css';

type Entry = Extract<ImportPreview['entries'][number], { possible: unknown }>;

/** "Ada Lovelace, Charles Babbage and 3 more · 1843": who and when, to tell two same-titled works apart. */
export function byline(authors: readonly string[], year: number | undefined): string {
  const names =
    authors.length > 3 ? `${authors.slice(0, 2).join(', ')} and ${authors.length - 2} more` : authors.join(', ');
  return [names || 'no authors', year ?? 'no year'].join(' · ');
}

/**
 * An entry that may be a paper already there (or earlier in the file): both works side by side, why they
 * were not taken as one, and the person's choice, Keep both (the default) or Merge, as a pair of radios.
 */
export function PossibleDuplicate({
  entry,
  group,
  merge,
  disabled,
  onChoose,
}: {
  entry: Entry;
  /** Which file of a batch it is in: entries of two files are numbered alike, and their radios must not be one group. */
  group?: number;
  merge: boolean;
  disabled: boolean;
  onChoose: (merge: boolean) => void;
}) {
  const other = entry.possible;
  const name = group === undefined ? `choice-${entry.entry}` : `choice-${group}-${entry.entry}`;
  const why = other.why.length ? other.why.join('; ') : 'an earlier entry told them apart';
  return (
    <div className="possible-duplicate">
      <span className="entry-kind possible">Possible duplicate</span>
      <span className="entry-text possible-title">{entry.title ? <TexText text={entry.title} /> : UNTITLED}</span>
      <p className="possible-byline muted">{byline(entry.authors, entry.year)}</p>
      <p className="possible-other">
        Possibly the same as <cite>‘{other.title ? <TexText text={other.title} /> : UNTITLED}’</cite>
        <span className="muted">
          {' '}
          — {byline(other.authors, other.year)}
          {other.paperId ? ', in your library' : ', earlier in this file'}
        </span>
      </p>
      <p className="possible-why muted">Same title, but {why}.</p>
      <div
        className="possible-choice"
        role="radiogroup"
        aria-label={`‘${plainTitle(entry.title) || UNTITLED}’: keep both or merge`}
      >
        <label className={merge ? 'choice' : 'choice chosen'}>
          <input type="radio" name={name} checked={!merge} disabled={disabled} onChange={() => onChoose(false)} />
          Keep both
        </label>
        <label className={merge ? 'choice chosen' : 'choice'}>
          <input type="radio" name={name} checked={merge} disabled={disabled} onChange={() => onChoose(true)} />
          Merge
        </label>
      </div>
    </div>
  );
}
