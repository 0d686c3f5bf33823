/**
 * Fails when a changeset cannot be read, which would only show at release time (`pnpm
 * version-packages`). Markdown formatters turn the YAML front matter into a heading, for one.
 *
 *   node scripts/check-changesets.mjs
 */
import read from '@changesets/read';

try {
  const changesets = await read(process.cwd());
  const empty = changesets.filter((changeset) => changeset.releases.length === 0);
  if (empty.length > 0) {
    const names = empty.map((changeset) => `.changeset/${changeset.id}.md`).join(', ');
    throw new Error(`no package named in the front matter of ${names}`);
  }
} catch (error) {
  console.error(`error: a changeset cannot be read: ${error.message.split('\n')[0]}`);
  console.error(
    'hint: each .changeset/*.md starts with ---, lines like "@astrotrack/cli": minor, ---',
  );
  process.exit(1);
}
