#!/usr/bin/python3
# A copy of the workplace's shared/tools/slowfs.py, kept here so tests and `npm run bench` can mount it.
"""A simulated network share: mounts SOURCE read-only at MOUNTPOINT through FUSE and adds a fixed
latency to the operations a NAS makes a round trip for (open and read; stat with --stat-latency).
Use it to measure how a scan behaves on an SMB/NFS share, where each file costs milliseconds.

  apt-get install -y python3-fusepy fuse3        # once, as root
  shared/tools/slowfs.py SOURCE MOUNTPOINT --latency-ms 5 [--stat-latency-ms 2] &
  ...measure...
  fusermount -u MOUNTPOINT

Requests are served by many threads at once (the sleeps release the GIL), so a client that issues
requests in parallel is rewarded as on a real share. Python itself costs some 50-100 us of CPU per
request, so the share tops out at a few thousand files a second: compare against a parallel floor
measured on the same mount (for example 64 concurrent open/read/close), not against a local disk."""
import argparse, errno, os, time
from fusepy import FUSE, FuseOSError, Operations


class SlowShare(Operations):
    def __init__(self, root, latency, stat_latency):
        self.root, self.latency, self.stat_latency = root, latency, stat_latency

    def _path(self, path):
        return os.path.join(self.root, path.lstrip('/'))

    def getattr(self, path, fh=None):
        if self.stat_latency:
            time.sleep(self.stat_latency)
        try:
            st = os.lstat(self._path(path))
        except FileNotFoundError:
            raise FuseOSError(errno.ENOENT)
        return {k: getattr(st, k) for k in ('st_atime', 'st_ctime', 'st_gid', 'st_mode', 'st_mtime',
                                             'st_nlink', 'st_size', 'st_uid')}

    def readdir(self, path, fh):
        return ['.', '..'] + os.listdir(self._path(path))

    def readlink(self, path):
        return os.readlink(self._path(path))

    def open(self, path, flags):
        time.sleep(self.latency)
        return os.open(self._path(path), flags)

    def read(self, path, size, offset, fh):
        time.sleep(self.latency)
        return os.pread(fh, size, offset)

    def release(self, path, fh):
        return os.close(fh)


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('source')
    p.add_argument('mountpoint')
    p.add_argument('--latency-ms', type=float, default=5.0, help='added to each open and read (default 5)')
    p.add_argument('--stat-latency-ms', type=float, default=0.0, help='added to each stat (default 0)')
    a = p.parse_args()
    FUSE(SlowShare(os.path.abspath(a.source), a.latency_ms / 1000, a.stat_latency_ms / 1000), a.mountpoint,
         foreground=True, nothreads=False, ro=True)
