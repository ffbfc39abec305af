import { useId, useState } from 'react';
import { useApp } from '../store';

/** One paper's tags: each with a button to remove it, and a field that adds one, completing from every tag. */
export function PaperTags({ id, tags }: { id: string; tags: string[] }) {
  const addTags = useApp((s) => s.addTags);
  const removeTag = useApp((s) => s.removeTag);
  const known = useApp((s) => s.stats?.tags);
  const [text, setText] = useState('');
  const listId = useId();
  const add = () => {
    const tag = text.trim().replace(/^#/, '');
    if (!tag) return;
    setText('');
    void addTags([id], [tag]);
  };
  return (
    <div className="paper-tags" role="group" aria-label="Tags">
      {tags.map((tag) => (
        <span key={tag} className="tag-chip">
          #{tag}
          <button
            type="button"
            className="tag-remove"
            aria-label={`Remove tag ${tag}`}
            onClick={() => void removeTag(id, tag)}
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
