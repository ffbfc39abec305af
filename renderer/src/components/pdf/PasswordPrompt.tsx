import { useState } from 'react';

/** The PDF's password, asked for in the reader; sent to pdf.js only and never kept. */
export function PasswordPrompt({
  name,
  wrong,
  onSubmit,
  onCancel,
}: {
  name: string;
  wrong: boolean;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}) {
  const [password, setPassword] = useState('');
  const [tries, setTries] = useState(0);
  return (
    <form
      className="pdf-message pdf-password"
      aria-label="Password needed"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(password);
        setPassword('');
        setTries(tries + 1);
      }}
    >
      <h2>This PDF is protected by a password</h2>
      <p>Enter the password of ‘{name}’ to open it. It is not saved.</p>
      {wrong && (
        <p className="pdf-password-wrong" role="alert">
          That password is not right. Try again.
        </p>
      )}
      <input
        // A new field after each try, so it takes the focus again.
        key={tries}
        autoFocus
        type="password"
        className="pdf-password-field"
        aria-label="Password"
        autoComplete="off"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={!password}>
          Open
        </button>
      </div>
    </form>
  );
}
