import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  MOOD_COLOURS,
  NETWORK_COLOURS,
  PAGE_BACKGROUNDS,
  PRIMARY_COLOUR,
  SECONDARY_COLOUR,
} from '@/lib/insights/colours';
import { MOODS } from '@/lib/domain/moods';
import { SHARE_NETWORKS } from '@/lib/domain/share-networks';

describe('chart colours', () => {
  it('stand out 3:1 from the page in light and dark mode, and every mood and network has its own', () => {
    const all = [...Object.values(MOOD_COLOURS), ...Object.values(NETWORK_COLOURS), PRIMARY_COLOUR, SECONDARY_COLOUR];
    for (const colour of all) {
      expect(contrastRatio(colour, PAGE_BACKGROUNDS.light), `${colour} on white`).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour, PAGE_BACKGROUNDS.dark), `${colour} on dark`).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(MOODS.map((m) => MOOD_COLOURS[m])).size).toBe(MOODS.length);
    expect(new Set(SHARE_NETWORKS.map((n) => NETWORK_COLOURS[n])).size).toBe(SHARE_NETWORKS.length);
  });
});
