import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp } from '../store';
import type { PaperPatch } from '../store/paper-actions-slice';
import type { Paper } from '../store/types';
import { CommandFailed } from '../transport';

type Fields = {
  title: string;
  authors: string;
  year: string;
  venue: string;
  arxivId: string;
  doi: string;
  abstract: string;
};
type Field = keyof Fields;
/** What is wrong, by field; `form` for what belongs to no one field (a clash with another paper). */
type Problems = Partial<Record<Field | 'form', string>>;

/** The fields in the order they are drawn: the first one with a problem takes the focus. */
const ORDER: Field[] = ['title', 'authors', 'year', 'venue', 'arxivId', 'doi', 'abstract'];

const fieldsOf = (paper: Paper): Fields => ({
  title: paper.title,
  authors: paper.authors.join('\n'),
  year: paper.year?.toString() ?? '',
  venue: paper.venue ?? '',
  arxivId: paper.arxivId ?? '',
  doi: paper.doi ?? '',
  abstract: paper.abstract,
});

/**
 * Only what changed goes to the library; an emptied identifier or year is left as it was. Every problem seen
 * here is reported at once. These are the obvious ones (the library's own checks stay the authority, and what
 * it refuses is shown at its field too): an identifier is refused here only when it has no part that the
 * library's reader could take for one.
 */
function patchOf(before: Fields, after: Fields): { patch: PaperPatch; problems: Problems } {
  const patch: PaperPatch = {};
  const problems: Problems = {};
  if (after.title.trim() !== before.title) {
    if (!after.title.trim()) problems.title = 'A paper needs a title.';
    else patch.title = after.title.trim();
  }
  if (after.authors !== before.authors)
    patch.authors = after.authors
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean);
  const year = after.year.trim();
  if (year !== before.year && year) {
    const number = /^\d+$/.test(year) ? Number(year) : NaN;
    if (!Number.isInteger(number) || number < 1000 || number > 3000) problems.year = `“${year}” is not a year.`;
    else patch.year = number;
  }
  if (after.venue.trim() !== before.venue) patch.venue = after.venue.trim();
  const arxivId = after.arxivId.trim();
  if (arxivId !== before.arxivId && arxivId) {
    // Every arXiv id has four digits, a dot and four more (2401.01234), or an archive, a slash and seven digits.
    if (!/\d{4}\.\d{4}|\/\d{7}/.test(arxivId)) problems.arxivId = `“${arxivId}” is not an arXiv id (like 2401.01234).`;
    else patch.arxivId = arxivId;
  }
  const doi = after.doi.trim();
  if (doi !== before.doi && doi) {
    if (!/10\.\d{4,9}\/\S/.test(doi)) problems.doi = `“${doi}” is not a DOI (like 10.1234/abcd).`;
    else patch.doi = doi;
  }
  if (after.abstract.trim() !== before.abstract.trim()) patch.abstract = after.abstract.trim();
  return { patch, problems };
}

/**
 * The library's refusal, at the fields it names: its input check names each field it refuses (`patch.year`,
 * `patch.doi`), all at once; a refusal that names none but quotes an identifier sent is that field's. Anything
 * else is the form's.
 */
function problemsOf(error: unknown, patch: PaperPatch): Problems {
  const message = error instanceof Error ? error.message : String(error);
  const problems: Problems = {};
  for (const issue of error instanceof CommandFailed ? error.issues : []) {
    const name = /^patch\.(\w+)/.exec(issue.path)?.[1] as Field | undefined;
    if (name && ORDER.includes(name)) problems[name] ??= issue.message;
  }
  for (const name of ['arxivId', 'doi'] as const) {
    const sent = patch[name];
    if (sent && message.includes(`"${sent}"`)) problems[name] ??= message;
  }
  return Object.keys(problems).length ? problems : { form: message };
}

/** The paper's details as a form: fix a title, complete a stub from a pasted arXiv id by hand. */
export function PaperEditor({ paper, onDone }: { paper: Paper; onDone: () => void }) {
  const updatePaper = useApp((s) => s.updatePaper);
  const [before] = useState(() => fieldsOf(paper));
  const [fields, setFields] = useState(before);
  const [problems, setProblems] = useState<Problems>({});
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Once the problems are drawn, the focus goes to the first field that has one, its problem read out with it.
  const focusWanted = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!focusWanted.current) return;
    form.current?.querySelector<HTMLElement>(focusWanted.current)?.focus();
    focusWanted.current = undefined;
  });
  const report = (found: Problems) => {
    const first = ORDER.find((name) => found[name]);
    focusWanted.current = first ? `#edit-${first}` : '.edit-problem.form';
    setProblems(found);
  };
  const field = (name: Field, label: string, options: { multiline?: boolean; rows?: number } = {}) => {
    const problem = problems[name];
    const props = {
      id: `edit-${name}`,
      value: fields[name],
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': problem ? `edit-${name}-problem` : undefined,
      onChange: (e: { target: { value: string } }) => {
        setFields({ ...fields, [name]: e.target.value });
        // Being fixed: its problem goes, the others stay until the next save.
        if (problem) setProblems((now) => ({ ...now, [name]: undefined }));
      },
    };
    return (
      <div className="edit-field">
        <label htmlFor={props.id}>{label}</label>
        {options.multiline ? <textarea rows={options.rows ?? 3} {...props} /> : <input {...props} />}
        {problem && (
          <p className="edit-problem" id={`edit-${name}-problem`}>
            {problem}
          </p>
        )}
      </div>
    );
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { patch, problems: found } = patchOf(before, fields);
    if (Object.keys(found).length) return report(found);
    setProblems({});
    if (Object.keys(patch).length === 0) return onDone();
    setSaving(true);
    try {
      await updatePaper(paper.id, patch);
      onDone();
    } catch (error) {
      report(problemsOf(error, patch));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      ref={form}
      className="paper-editor"
      aria-label="Edit details"
      noValidate
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
      {problems.form && (
        <p className="edit-problem form" role="alert" tabIndex={-1}>
          {problems.form}
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
