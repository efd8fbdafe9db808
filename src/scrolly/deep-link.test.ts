import { describe, expect, it } from 'vitest';
import { stepAddress, stepFromHash } from './deep-link';

const ids = ['toll-rise', 'toll-2019', 'toll-été'];

describe('deep links to steps', () => {
  it('finds the step an address names', () => {
    expect(stepFromHash('#toll-2019', ids)).toBe(1);
    expect(stepFromHash('#toll-rise', ids)).toBe(0);
  });
  it('undoes percent-encoding (links pasted from chat apps)', () => {
    expect(stepFromHash('#toll-%C3%A9t%C3%A9', ids)).toBe(2);
  });
  it('ignores other anchors, an empty hash and malformed escapes', () => {
    for (const hash of ['', '#', '#main', '#toll', 'toll-2019', '#%E0%A4%A', '#toll-2019 ']) expect(stepFromHash(hash, ids)).toBe(-1);
  });
  it('builds a step’s address from the page’s: hash replaced, reader settings in the query dropped', () => {
    expect(stepAddress('https://example.org/graphics/fentanyl/?mode=article#toll-rise', 'toll-2019')).toBe(
      'https://example.org/graphics/fentanyl/#toll-2019',
    );
    expect(stepAddress('http://localhost:4321/', 'diplomacy-beijing')).toBe('http://localhost:4321/#diplomacy-beijing');
  });
});
