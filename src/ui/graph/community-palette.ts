// Colours of communities: the largest twelve each get their own, the rest share
// one grey. Chosen (by CIEDE2000, also with red-green colour blindness
// simulated) to be told apart from each other, from the dimmed grey and from
// the white page; tests/unit/ui-palette.test.ts holds them to it.
export const COMMUNITY_COLORS = [
  '#459000',
  '#e5598e',
  '#970000',
  '#359bd9',
  '#890063',
  '#135b42',
  '#79bb9e',
  '#b7af41',
  '#5e4b0c',
  '#d67161',
  '#b249ac',
  '#6ab9c7',
] as const;

/** Every community past the twelfth. */
export const OTHER_COMMUNITY = '#60666c';

export const communityColor = (rank: number): string => COMMUNITY_COLORS[rank] ?? OTHER_COMMUNITY;
