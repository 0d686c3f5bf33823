import { describe, expect, it } from 'vitest';
import { panelOf } from './mosaic-panel.js';

describe('panelOf', () => {
  it.each([
    ['M31 Panel 1', 'M31', 1],
    ['M 31_Panel_2', 'M 31', 2],
    ['Veil Mosaic Panel 3', 'Veil', 3],
    ['NGC 7000-P4', 'NGC 7000', 4],
    ['Heart Nebula P05', 'Heart Nebula', 5],
    ['Cygnus Wall panel12', 'Cygnus Wall', 12],
  ])('%s is panel %i of %s', (name, mosaic, panel) => {
    expect(panelOf(name)).toEqual({ mosaic, panel });
  });

  it.each(['M31', 'Sh2-155', 'Abell 39', 'Panel 1', 'IC 1396 Elephant', 'M42 P'])(
    '%s is no panel',
    (name) => {
      expect(panelOf(name)).toBeNull();
    },
  );
});
