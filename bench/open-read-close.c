/*
 * Baseline for reading headers: walk the tree, and for every frame file open it, read its first
 * 5,760 bytes (two FITS blocks), close it. Prints how many files it read.
 *   gcc -O2 -o open-read-close open-read-close.c && ./open-read-close DIR
 */
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static long files = 0;
static char buffer[5760];

static int is_frame(const char *name) {
  const char *dot = strrchr(name, '.');
  if (!dot) return 0;
  return !strcasecmp(dot, ".fits") || !strcasecmp(dot, ".fit") || !strcasecmp(dot, ".fts") ||
         !strcasecmp(dot, ".fz") || !strcasecmp(dot, ".xisf");
}

static int visit(const char *path, const struct stat *info, int type, struct FTW *ftw) {
  (void)info;
  if (type != FTW_F || !is_frame(path + ftw->base)) return 0;
  int fd = open(path, O_RDONLY);
  if (fd < 0) return 0;
  if (read(fd, buffer, sizeof buffer) > 0) files++;
  close(fd);
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s DIR\n", argv[0]);
    return 64;
  }
  if (nftw(argv[1], visit, 64, FTW_PHYS) != 0) return 1;
  printf("%ld\n", files);
  return 0;
}
