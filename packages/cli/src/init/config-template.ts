/** The commented astro.config.yaml that `astrotrack init` writes for one rig. */

export const CAPTURE_PROGRAMS = {
  nina: 'N.I.N.A.',
  asiair: 'ZWO ASIAIR',
  sgp: 'Sequence Generator Pro',
  ekos: 'KStars/Ekos',
  seestar: 'Seestar',
  other: 'another program (names read by the toolkit rules)',
} as const;

export type CaptureProgram = keyof typeof CAPTURE_PROGRAMS;

export interface InitAnswers {
  rig: string;
  program: CaptureProgram;
  filters: string[];
  rotator: boolean;
}

export const SCHEMA_URL = 'https://unpkg.com/@astrotrack/core/schema/astro-config.schema.json';

const PARSER_NOTES: Record<CaptureProgram, string> = {
  nina: "N.I.N.A.'s default file pattern is assumed; if you changed it (Options > Imaging > File\n    # pattern), write yours here: [nina, { pattern: '$$DATETIME$$_$$FILTER$$_…' }]",
  asiair: 'ASIAIR names (Light_<target>_<exp>s_Bin1_<filter>_gain…) and its Autorun folders',
  sgp: "Sequence Generator Pro's default names",
  ekos: "Ekos' default names (<target>_Light_<filter>_<exp>_secs_…)",
  seestar: 'Seestar names and folders',
  other: 'names are read by the toolkit rules: filter folders, _<filter>_ and _<exp>s_ tokens',
};

export function configTemplate(answers: InitAnswers): string {
  const parsers = answers.program === 'other' ? ['toolkit'] : [answers.program, 'toolkit'];
  const filters = answers.filters.join(', ');
  const lrgb = ['L', 'R', 'G', 'B'].filter((f) => answers.filters.includes(f));
  const allocation =
    lrgb.length === 4
      ? '{ L: 40, R: 20, G: 20, B: 20 }'
      : `{ ${evenShares(answers.filters)
          .map(([f, share]) => `${f}: ${share}`)
          .join(', ')} }`;
  return `# yaml-language-server: $schema=${SCHEMA_URL}
# astrotrack settings, written by \`astrotrack init\`. Every key is explained in docs/configuration.md.
# Check them with: astrotrack scan YOUR_FOLDER --verbose

# The rig used when --rig is not given. Add more rigs under "rigs" (another scope, another camera).
rig: ${answers.rig}

rigs:
  ${answers.rig}:
    # ${CAPTURE_PROGRAMS[answers.program]}: ${PARSER_NOTES[answers.program]}.
    # Headers (FILTER, EXPTIME, IMAGETYP…) come first; names fill in what headers do not say.
    parsers: [${parsers.join(', ')}]

    filters:
      # Your filters, in the order reports list them.
      known: [${filters}]
      # Other spellings your programs write, e.g. { Lum: L, H: Ha }:
      # aliases: { Lum: L }
${
  answers.rotator
    ? `
    # With a rotator, flats follow its mechanical angle (ROTATOR / ROTATANG in the header).
    angle: mechanical
`
    : `
    # No rotator: the camera angle stays put, so one set of flats per filter covers the lights.
`
}
    plan:
      # Usable integration you want, and its share per filter (scan --target-hours overrides):
      # targetHours: 10
      # allocation: ${allocation}
      rejectionBuffer: 15 # percent added for frames you will throw away

    flats:
      tolerance: 2.5 # degrees between a light's angle and a flat's that still calibrate
      maxAgeDays: 90 # older flats are marked old
      # library: ./flats.json # default: your data folder (astrotrack flats path)

    organize:
      # Where \`astrotrack organize\` puts lights: filter, ${answers.rotator ? 'session (Session_<angle>deg/<filter>), ' : ''}night, or a template
      layout: ${answers.rotator ? 'session' : 'filter'}
      mode: move # or copy, hardlink, symlink

    # AstroBin's id of each filter, for --reporter astrobin (the number in the filter's page address):
    # reporters:
    #   - [astrobin, { filterIds: { ${answers.filters[0] ?? 'L'}: 1234 } }]
`;
}

/** Whole percentages that add up to 100: the first filters take the remainder, one each. */
function evenShares(filters: readonly string[]): [string, number][] {
  const base = Math.floor(100 / filters.length);
  const extra = 100 - base * filters.length;
  return filters.map((filter, index) => [filter, base + (index < extra ? 1 : 0)]);
}
