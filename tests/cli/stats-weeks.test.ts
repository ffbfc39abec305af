import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../core/helpers';
import { cliIn } from './child';

describe('stats says which weeks it shows', { timeout: 120_000 }, () => {
  it('shows as many weeks as its heading says: 12 by default, as the app; --weeks N shows N', async () => {
    const data = await tempDir();
    await cliIn(data, 'import', fixture('five-papers.txt'));
    const weekRows = (stdout: string) => stdout.split('\n').filter((line) => /^ {2}\d{4}-\d\d-\d\d /.test(line));
    const plain = await cliIn(data, 'stats', '--tz', 'UTC');
    expect(plain.stdout).toContain('\nReading, the last 12 weeks (UTC)\n');
    expect(weekRows(plain.stdout)).toHaveLength(12);
    const three = await cliIn(data, 'stats', '--tz', 'UTC', '--weeks', '3');
    expect(three.stdout).toContain('\nReading, the last 3 weeks (UTC)\n');
    expect(weekRows(three.stdout)).toHaveLength(3);
  });
});
