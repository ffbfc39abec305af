import type { spawnSync } from 'node:child_process';

export function findElectronBinary(): { path: string } | { reason: string };
export function installElectronBinary(spawn: typeof spawnSync): { path: string } | { reason: string };
