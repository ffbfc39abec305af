import { useEffect, useState } from 'react';
import { useApp } from '../store';
import { rankedItem } from '../store/list-slice';
import { RulesDialog } from './RulesDialog';
import { TexText } from './TexText';
import { Untitled } from './Untitled';

/** Above the inbox sorted "For you": what the order is based on. */
export function RankingNote() {
  const ranking = useApp((s) => s.ranking);
  const [editing, setEditing] = useState(false);
  if (!ranking) return null;
  return (
    <div className={ranking.fallback ? 'ranking-note fallback' : 'ranking-note'}>
      <p role="note">{ranking.summary}</p>
      <button type="button" className="linkish" onClick={() => setEditing(true)}>
        Keyword rules…
      </button>
      {editing && <RulesDialog onClose={() => setEditing(false)} />}
    </div>
  );
}

/** In the detail panel, under "For you": why the paper sits where it does. */
export function WhyHere({ id }: { id: string }) {
  const item = useApp((s) => rankedItem(s.ranking, id));
  const fallback = useApp((s) => s.ranking?.fallback);
  // Papers with this one's title and text, left out of For you (the whole ranking counts them; a page's reasons do not).
  const same = useApp((s) => s.ranking?.byId.get(id)?.same);
  if (!item?.reason || (fallback && !item.rule)) return null;
  const note =
    same && !item.reason.includes('same title and text')
      ? ` ${same === 1 ? '1 more paper' : `${same} more papers`} with the same title and text ${same === 1 ? 'is' : 'are'} left out.`
      : '';
  return (
    <section className="why-here" aria-label="Why this paper is here">
      <h3>Why it is here</h3>
      <p>
        {item.reason}
        {note}
      </p>
    </section>
  );
}

/** The papers most like this one; a click opens one. */
export function MoreLikeThis({ id, version }: { id: string; version: string }) {
  const similar = useApp((s) => (s.similar?.id === id ? s.similar.items : undefined));
  const loadSimilar = useApp((s) => s.loadSimilar);
  const dropSimilar = useApp((s) => s.dropSimilar);
  const select = useApp((s) => s.select);
  // Reload when the paper changes (its abstract may have been edited) or another is chosen; a pane closed or
  // moved on drops the answer it still waits for.
  useEffect(() => {
    void loadSimilar(id);
    return () => dropSimilar(id);
  }, [id, version, loadSimilar, dropSimilar]);
  return (
    <section className="more-like-this" aria-label="More like this">
      <h3>More like this</h3>
      {similar === undefined ? (
        <p className="muted">Looking…</p>
      ) : similar.length === 0 ? (
        <p className="muted">No paper in your library is close to this one.</p>
      ) : (
        <ol className="similar-list">
          {similar.map((item) => (
            <li key={item.id}>
              <button type="button" className="linkish similar-title" onClick={() => select(item.id)}>
                {item.title ? <TexText text={item.title} /> : <Untitled />}
              </button>
              <span className="similar-reason">{item.reason}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
