import { useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../store';
import { useDialogFocus } from './use-dialog-focus';
import type { Rules } from '../store/types';

/** Keyword rules: words or a regular expression that boost or dim papers in the inbox's "For you" order. */
export function RulesDialog({ onClose }: { onClose: () => void }) {
  const transport = useApp((s) => s.rulesTransport);
  const [rules, setRules] = useState<Rules | undefined>();
  const [pattern, setPattern] = useState('');
  const [kind, setKind] = useState<'words' | 'regex'>('words');
  const [action, setAction] = useState<'boost' | 'dim'>('boost');
  const [problem, setProblem] = useState<string | undefined>();
  /** Why the core refused the rule being added: shown beside the pattern field, until the pattern changes. */
  const [patternProblem, setPatternProblem] = useState<string | undefined>();
  const patternProblemId = useId();
  const dialog = useRef<HTMLFormElement>(null);
  useDialogFocus(dialog);

  // Escape closes it wherever the focus is (a button that became disabled leaves the focus on the page).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const reload = () => void transport.list().then(setRules, (e: Error) => setProblem(e.message));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(reload, []);

  return (
    <div className="scrim">
      <form
        ref={dialog}
        className="dialog rules-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Keyword rules"
        onSubmit={(e) => {
          e.preventDefault();
          setProblem(undefined);
          setPatternProblem(undefined);
          transport.add({ pattern, kind, action }).then(
            () => {
              setPattern('');
              reload();
            },
            // Every refusal of a new rule is about its pattern (not valid, could hang, already a rule).
            (error: Error) =>
              setPatternProblem(error.message.replace(/^Invalid input for rules\.add: (pattern: )?/, '')),
          );
        }}
      >
        <h2>Keyword rules</h2>
        <p className="muted">
          Boost papers that mention what you always want, dim what you never do. Rules move papers in the inbox’s “For
          you” order and are counted at each import.
        </p>
        {rules === undefined ? (
          <p className="muted">Loading…</p>
        ) : rules.length === 0 ? (
          <p className="muted">No rules yet.</p>
        ) : (
          <ul className="rules-list">
            {rules.map((rule) => (
              <li key={rule.id}>
                <span className={`pill rule-${rule.action}`}>{rule.action === 'boost' ? 'Boost' : 'Dim'}</span>
                <code>{rule.pattern}</code>
                <span className="muted small">
                  {rule.kind === 'regex' ? 'regular expression · ' : ''}
                  {rule.inboxMatches} in the inbox
                </span>
                <button
                  type="button"
                  className="button small ghost"
                  aria-label={`Remove the rule ${rule.pattern}`}
                  onClick={() => void transport.remove(rule.id).then(reload, (e: Error) => setProblem(e.message))}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="rules-form">
          <input
            autoFocus
            className="search"
            aria-label="Words or pattern"
            aria-invalid={patternProblem ? true : undefined}
            aria-describedby={patternProblem ? patternProblemId : undefined}
            placeholder={
              kind === 'regex' ? 'a regular expression, like diffusion|score.based' : 'words, like diffusion model'
            }
            value={pattern}
            maxLength={200}
            onChange={(e) => {
              setPattern(e.target.value);
              setPatternProblem(undefined);
            }}
          />
          <select
            className="sort"
            aria-label="Kind of rule"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as 'words' | 'regex');
              setPatternProblem(undefined);
            }}
          >
            <option value="words">Words</option>
            <option value="regex">Regular expression</option>
          </select>
          <select
            className="sort"
            aria-label="Action"
            value={action}
            onChange={(e) => setAction(e.target.value as 'boost' | 'dim')}
          >
            <option value="boost">Boost</option>
            <option value="dim">Dim</option>
          </select>
          <button type="submit" className="button primary" disabled={!pattern.trim()}>
            Add rule
          </button>
        </div>
        {patternProblem && (
          <p id={patternProblemId} className="rules-problem field-problem" role="alert">
            {patternProblem}
          </p>
        )}
        {problem && (
          <p className="rules-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
        </div>
      </form>
    </div>
  );
}
