import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goBinaryCacheDir } from './go-binary';

describe('goBinaryCacheDir', () => {
  it('keeps each pinned build in its own folder, under the name earlier builds used', () => {
    expect(goBinaryCacheDir({ name: 'livekit-server', cacheName: 'livekit', version: 'v1.13.5' }).endsWith(path.join('halaqa', 'livekit-v1.13.5'))).toBe(true);
    expect(goBinaryCacheDir({ name: 'mailpit', version: 'v1.33.1' }).endsWith(path.join('halaqa', 'mailpit-v1.33.1'))).toBe(true);
  });
});
