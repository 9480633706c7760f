// Label placement is greedy by priority: right of the node, else left, else
// left out; forced labels are always kept.
import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../src/ui/graph/labels.ts';

const c = (node: string, x: number, y: number, w = 50, forced = false) => ({ node, x, y, r: 5, w, forced });

describe('label placement', () => {
  it('keeps the first of two colliding labels and moves the second to the left when that side is free', () => {
    const { boxes, left } = placeLabels([c('a', 100, 100), c('b', 180, 102)], 400, 300, 17);
    expect(boxes.map((b) => b.node)).toEqual(['a', 'b']);
    expect(left.has('b')).toBe(false);
    const r = placeLabels([c('a', 100, 100), c('b', 90, 102)], 400, 300, 17);
    expect(r.boxes.map((b) => b.node)).toEqual(['a', 'b']);
    expect(r.left.has('b')).toBe(true);
  });

  it('leaves out a label with no room on either side, unless forced', () => {
    const cands = [c('a', 100, 100, 80), c('b', 60, 100, 80), c('z', 140, 100, 80)];
    expect(placeLabels(cands, 400, 300, 17).boxes.map((b) => b.node)).toEqual(['a']);
    expect(
      placeLabels([...cands.slice(0, 2), c('z', 140, 100, 80, true)], 400, 300, 17).boxes.map((b) => b.node),
    ).toEqual(['a', 'z']);
  });

  it('a label at the right edge goes left instead of being cut; one above the top is left out', () => {
    const { boxes, left } = placeLabels([c('edge', 380, 100), c('top', 100, 3)], 400, 300, 17);
    expect(boxes.map((b) => b.node)).toEqual(['edge']);
    expect(left.has('edge')).toBe(true);
    expect(boxes[0]!.x + boxes[0]!.w).toBeLessThanOrEqual(400);
  });
});
