import type { Verb } from '../verb';
import { CliError } from '../verb';

export const serveVerb: Verb = {
  name: 'serve',
  usage: 'serve [--port N]',
  summary: 'Run Paperqueue in your browser (browser mode) on 127.0.0.1.',
  options: { port: { type: 'string' } },
  needsLibrary: false,
  run() {
    return Promise.reject(new CliError('browser mode is not built yet'));
  },
};
