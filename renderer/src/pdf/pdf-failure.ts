/**
 * Why a PDF cannot be shown, and so cannot be searched: in a few words (the find bar's "The PDF's text could
 * not be searched: …"), and as a sentence naming the file (shown in place of the pages). Both come from here so
 * the two say the same thing.
 */
export type PdfFailure = { reason: string; message: string };

/** What pdf.js threw opening `name`, as the person reads it. */
export function describePdfError(name: string, error: unknown): PdfFailure {
  const kind = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (kind === 'InvalidPDFException') {
    const reason = 'it is not a PDF or it is damaged';
    return { reason, message: `‘${name}’ cannot be read: ${reason} (${message.replace(/\.$/, '')}).` };
  }
  if (kind === 'PasswordException') {
    const reason = 'it is protected by a password that was not given';
    return { reason, message: `‘${name}’ is ${reason.replace(/^it is /, '')}.` };
  }
  if (/truncat|unexpected end|xref|startxref|trailer/i.test(message)) {
    const reason = 'it is damaged or incomplete';
    return { reason, message: `‘${name}’ is damaged or incomplete (the file seems cut short): ${message}` };
  }
  return {
    reason: 'it could not be opened',
    message: `‘${name}’ could not be opened: ${message || 'an unknown error in the PDF reader'}.`,
  };
}

/** The library could not give the PDF's bytes (its file missing or damaged in the data folder). */
export function readingFailure(name: string, error: unknown): PdfFailure {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    reason: 'it could not be read from the library',
    message: `‘${name}’ could not be read from the library: ${detail}`,
  };
}

/** The person gave up on the password. */
export function passwordGivenUp(name: string): PdfFailure {
  return { reason: 'its password was not given', message: `‘${name}’ needs its password to be opened.` };
}
