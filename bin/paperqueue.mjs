#!/usr/bin/env node
// Runs the TypeScript CLI straight from the sources with tsx, so `npx paperqueue` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
