"""A second peer for header reading: astropy reads every frame's header (`--astropy` in the benchmark).
Needs Debian's python3-astropy; prints how many headers it read."""
import os
import sys
import warnings

from astropy.io import fits

warnings.simplefilter('ignore')
count = 0
for folder, _subfolders, names in os.walk(sys.argv[1]):
    for name in names:
        if name.lower().endswith(('.fits', '.fit', '.fts', '.fz')):
            fits.getheader(os.path.join(folder, name))
            count += 1
print(count)
