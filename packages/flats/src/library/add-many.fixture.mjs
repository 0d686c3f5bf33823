// Run as a separate process by library-store.test.ts: adds `count` flats one change at a time.
import { addFlats, updateFlatLibrary } from '../../dist/index.js';

const [file, filter, count] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
  await updateFlatLibrary(file, (library) =>
    addFlats(library, null, { [filter]: [i] }, { date: '2025-09-15' }),
  );
}
