import { useState } from 'react';
import { useApp } from '../store';
import type { Status } from '../store/types';

/**
 * Actions on every picked paper at once; appears when two or more are picked. While the library makes a change
 * of many papers it says so instead, until the change is made.
 */
export function BulkBar() {
  const checked = useApp((s) => s.checked);
  const work = useApp((s) => s.bulkWork);
  const setStatus = useApp((s) => s.setStatus);
  const addTags = useApp((s) => s.addTags);
  const clearChecked = useApp((s) => s.clearChecked);
  const [tag, setTag] = useState('');
  if (work) {
    return (
      <div className="bulk-bar" role="status" aria-busy="true">
        <strong>{work.label}</strong>
      </div>
    );
  }
  if (checked.length < 2) return null;
  const mark = (status: Status) => () => {
    void setStatus(checked, status).then(clearChecked);
  };
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected papers">
      <strong>{checked.length} selected</strong>
      <button type="button" className="button small" onClick={mark('queued')}>
        Keep
      </button>
      <button type="button" className="button small" onClick={mark('reading')}>
        Reading
      </button>
      <button type="button" className="button small" onClick={mark('read')}>
        Read
      </button>
      <button type="button" className="button small" onClick={mark('dismissed')}>
        Dismiss
      </button>
      <form
        className="bulk-tag"
        onSubmit={(e) => {
          e.preventDefault();
          if (tag.trim()) void addTags(checked, [tag.trim()]).then(() => setTag(''));
        }}
      >
        <input
          aria-label="Tag selected papers"
          placeholder="Add tag…"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
        />
      </form>
      <button type="button" className="button small ghost" onClick={clearChecked}>
        Clear
      </button>
    </div>
  );
}
