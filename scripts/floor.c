/* The read-and-count floor: read every byte of every regular file under the inputs with large
 * reads (1 MiB) and count newlines. One thread, no parsing: what reading the corpus costs at least.
 * usage: floor PATH...   prints "files N bytes N newlines N" */
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *buffer;
enum { BUFFER = 1 << 20 };
static unsigned long long files, bytes, newlines;

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)st; (void)ftw;
    if (type != FTW_F) return 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) { perror(path); return 0; }
    ssize_t n;
    while ((n = read(fd, buffer, BUFFER)) > 0) {
        bytes += (unsigned long long)n;
        const char *p = buffer, *end = buffer + n;
        while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) { newlines++; p++; }
    }
    if (n < 0) perror(path);
    close(fd);
    files++;
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: floor PATH...\n"); return 64; }
    buffer = malloc(BUFFER);
    if (!buffer) return 1;
    for (int i = 1; i < argc; i++)
        if (nftw(argv[i], visit, 64, FTW_PHYS) != 0) { perror(argv[i]); return 1; }
    printf("files %llu bytes %llu newlines %llu\n", files, bytes, newlines);
    return 0;
}
