import { useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../store';

/** One paper's tags: each with a button to remove it, and a field that adds one, completing from every tag. */
export function PaperTags({ id, tags }: { id: string; tags: string[] }) {
  const addTags = useApp((s) => s.addTags);
  const removeTag = useApp((s) => s.removeTag);
  const known = useApp((s) => s.stats?.tags);
  const [text, setText] = useState('');
  const listId = useId();
  const group = useRef<HTMLDivElement>(null);
  // A removed tag's button goes with it: the focus goes to the next tag's (else the previous one's, else the
  // field) once the paper's tags come back without it, not to the page's top.
  const focusAfter = useRef<{ gone: string; next: string | undefined } | undefined>(undefined);
  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted || tags.includes(wanted.gone)) return;
    focusAfter.current = undefined;
    const buttons = [...(group.current?.querySelectorAll<HTMLElement>('.tag-remove') ?? [])];
    const next = buttons.find((button) => button.dataset.tag === wanted.next);
    (next ?? group.current?.querySelector<HTMLElement>('.tag-input'))?.focus();
  }, [tags]);
  const remove = (tag: string) => {
    const at = tags.indexOf(tag);
    focusAfter.current = { gone: tag, next: tags[at + 1] ?? tags[at - 1] };
    void removeTag(id, tag);
  };
  const add = () => {
    const tag = text.trim().replace(/^#/, '');
    if (!tag) return;
    setText('');
    void addTags([id], [tag]);
  };
  return (
    <div ref={group} className="paper-tags" role="group" aria-label="Tags">
      {tags.map((tag) => (
        <span key={tag} className="tag-chip">
          #{tag}
          <button
            type="button"
            className="tag-remove"
            aria-label={`Remove tag ${tag}`}
            data-tag={tag}
            onClick={() => remove(tag)}
          >
            ×
          </button>
        </span>
      ))}
      <input
        className="tag-input"
        aria-label="Add a tag"
        placeholder="Add a tag…"
        list={listId}
        value={text}
        maxLength={100}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          }
        }}
        onBlur={add}
      />
      <datalist id={listId}>
        {known
          ?.filter((t) => !tags.includes(t.tag))
          .map((t) => (
            <option key={t.tag} value={t.tag} />
          ))}
      </datalist>
    </div>
  );
}
