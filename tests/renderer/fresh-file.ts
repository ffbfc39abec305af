import type { Config } from '@testing-library/react';
import { afterAll, vi } from 'vitest';

/**
 * Test files share a worker (vitest.config.ts: `isolate: false`), so what they load from node_modules (React,
 * jsdom, pdf.js, zod) is loaded once per worker instead of once per file. Before each file this gives back what
 * a worker of its own would: the app's and the tests' own modules evaluated afresh (their module-level state
 * new, their hooks registered for this file), real timers, no stubbed globals or environment variables, and
 * under jsdom an empty page and storage, with jsdom's prototypes and stand-in globals as jsdom made them.
 */
vi.resetModules();
vi.useRealTimers();
vi.unstubAllGlobals();
vi.unstubAllEnvs();

/** Globals a test file may set in for what jsdom lacks (or replace); put back as jsdom made them. */
const STAND_INS = [
  'ResizeObserver',
  'IntersectionObserver',
  'CSS',
  'matchMedia',
  'fetch',
  'EventSource',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'scrollTo',
  'getSelection',
  'localStorage',
  'sessionStorage',
] as const;

type Saved = {
  globals: Map<string, PropertyDescriptor | undefined>;
  prototypes: Map<object, Descriptors>;
  testingLibrary: Config;
};
type Descriptors = Record<string | symbol, PropertyDescriptor>;

const KEY = Symbol.for('paperqueue.tests.pristine');

function prototypes(): object[] {
  return [Node, Element, HTMLElement, HTMLInputElement, HTMLTextAreaElement, Document, Range, Selection, Event].map(
    (type) => type.prototype as object,
  );
}

function restore(target: object, saved: Descriptors): void {
  for (const key of Reflect.ownKeys(target)) if (!(key in saved)) Reflect.deleteProperty(target, key);
  for (const key of Reflect.ownKeys(saved)) {
    const now = Object.getOwnPropertyDescriptor(target, key);
    const then = saved[key]!;
    if (!now || now.value !== then.value || now.get !== then.get || now.set !== then.set)
      Object.defineProperty(target, key, then);
  }
}

if (typeof document !== 'undefined') {
  // Testing Library's settings (configure) live in its module, loaded once per worker.
  const { configure, getConfig } = await import('@testing-library/react');
  const holder = globalThis as unknown as Record<symbol, Saved | undefined>;
  const saved = holder[KEY];
  if (!saved) {
    holder[KEY] = {
      globals: new Map(STAND_INS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)])),
      prototypes: new Map(
        prototypes().map((proto): [object, Descriptors] => [proto, Object.getOwnPropertyDescriptors(proto)]),
      ),
      testingLibrary: { ...getConfig() },
    };
  } else {
    configure({ ...saved.testingLibrary });
    for (const [name, descriptor] of saved.globals) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else Reflect.deleteProperty(globalThis, name);
    }
    for (const [proto, descriptors] of saved.prototypes) restore(proto, descriptors);
  }
  localStorage.clear();
  sessionStorage.clear();
  document.head.replaceChildren();
  document.body.replaceChildren();
  for (const name of document.documentElement.getAttributeNames()) document.documentElement.removeAttribute(name);
  window.getSelection()?.removeAllRanges();
  // What a file left rendered goes with it, as its worker would have.
  afterAll(async () => (await import('@testing-library/react')).cleanup());
}
