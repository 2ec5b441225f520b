// QuadClass colours: cooperation in blues/greens, conflict in oranges/reds.
export const QUAD = {
  1: { color: '#3b82c4', label: 'verbal cooperation' },
  2: { color: '#2e9e5b', label: 'material cooperation' },
  3: { color: '#e0a030', label: 'verbal conflict' },
  4: { color: '#d13b3b', label: 'material conflict' },
};

export function quadColor(quadClass) {
  return QUAD[quadClass] ? QUAD[quadClass].color : '#888';
}

export const COOPERATION = '#2e9e5b';
export const CONFLICT = '#d13b3b';

// A QuadClass chip's colours: dark text on the lighter blue, green and orange, white on the red, so each
// label keeps a 4.5:1 contrast.
export function chipStyle(quadClass) {
  return { background: quadColor(quadClass), color: Number(quadClass) === 4 ? '#fff' : '#111' };
}
