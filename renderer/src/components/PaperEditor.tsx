import { useState, type FormEvent } from 'react';
import { useApp } from '../store';
import type { PaperPatch } from '../store/paper-actions-slice';
import type { Paper } from '../store/types';

type Fields = {
  title: string;
  authors: string;
  year: string;
  venue: string;
  arxivId: string;
  doi: string;
  abstract: string;
};

const fieldsOf = (paper: Paper): Fields => ({
  title: paper.title,
  authors: paper.authors.join('\n'),
  year: paper.year?.toString() ?? '',
  venue: paper.venue ?? '',
  arxivId: paper.arxivId ?? '',
  doi: paper.doi ?? '',
  abstract: paper.abstract,
});

/** Only what changed goes to the library; an emptied identifier or year is left as it was. */
function patchOf(before: Fields, after: Fields): PaperPatch | string {
  const patch: PaperPatch = {};
  if (after.title.trim() !== before.title) {
    if (!after.title.trim()) return 'A paper needs a title.';
    patch.title = after.title.trim();
  }
  if (after.authors !== before.authors)
    patch.authors = after.authors
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean);
  if (after.year.trim() !== before.year && after.year.trim()) {
    const year = Number(after.year.trim());
    if (!Number.isInteger(year) || year < 1000 || year > 3000) return `“${after.year}” is not a year.`;
    patch.year = year;
  }
  if (after.venue.trim() !== before.venue) patch.venue = after.venue.trim();
  if (after.arxivId.trim() !== before.arxivId && after.arxivId.trim()) patch.arxivId = after.arxivId.trim();
  if (after.doi.trim() !== before.doi && after.doi.trim()) patch.doi = after.doi.trim();
  if (after.abstract.trim() !== before.abstract.trim()) patch.abstract = after.abstract.trim();
  return patch;
}

/** The paper's details as a form: fix a title, complete a stub from a pasted arXiv id by hand. */
export function PaperEditor({ paper, onDone }: { paper: Paper; onDone: () => void }) {
  const updatePaper = useApp((s) => s.updatePaper);
  const [before] = useState(() => fieldsOf(paper));
  const [fields, setFields] = useState(before);
  const [problem, setProblem] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const field = (name: keyof Fields, label: string, options: { multiline?: boolean; rows?: number } = {}) => {
    const props = {
      id: `edit-${name}`,
      value: fields[name],
      onChange: (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value }),
    };
    return (
      <label className="edit-field" htmlFor={props.id}>
        <span>{label}</span>
        {options.multiline ? <textarea rows={options.rows ?? 3} {...props} /> : <input {...props} />}
      </label>
    );
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const patch = patchOf(before, fields);
    if (typeof patch === 'string') return setProblem(patch);
    if (Object.keys(patch).length === 0) return onDone();
    setSaving(true);
    try {
      await updatePaper(paper.id, patch);
      onDone();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="paper-editor"
      aria-label="Edit details"
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      {field('title', 'Title', { multiline: true, rows: 2 })}
      {field('authors', 'Authors, one a line', { multiline: true, rows: 3 })}
      <div className="edit-row">
        {field('year', 'Year')}
        {field('venue', 'Venue')}
      </div>
      <div className="edit-row">
        {field('arxivId', 'arXiv id')}
        {field('doi', 'DOI')}
      </div>
      {field('abstract', 'Abstract', { multiline: true, rows: 5 })}
      {problem && (
        <p className="edit-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="edit-actions">
        <button type="button" className="button ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={saving}>
          Save details
        </button>
      </div>
    </form>
  );
}
