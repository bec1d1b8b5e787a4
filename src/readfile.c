/* readfile.c — read an input file whole: the CLI's inputs and cl_extract_files (extract.c). */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "readfile.h"

/* HINT: the file's size when known, so a big file is read into one buffer of its size. */
static bool read_stream(int fd, size_t hint, unsigned char **data, size_t *len)
{
    size_t cap = hint && hint < SIZE_MAX ? hint + 1 : 1 << 16, n = 0;
    unsigned char *buf = cl_alloc_big(cap);   /* huge pages for a big file: the parse reads it in place */
    if (!buf)
        return false;
    for (;;) {
        if (n == cap) {
            unsigned char *nb = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                errno = ENOMEM;
                return false;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            errno = e;
            return false;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *data = buf;
    *len = n;
    return true;
}

bool cl_read_path(const char *path, unsigned char **data, size_t *len, char *errbuf,
                  size_t errlen)
{
    bool is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? 0 : open(path, O_RDONLY);
    struct stat st;
    *data = NULL;
    *len = 0;
    if (fd < 0) {
        snprintf(errbuf, errlen, "cannot open: %s", strerror(errno));
        return false;
    }
    bool ok = false;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
        snprintf(errbuf, errlen, "is a directory, not a file");
    else if (!read_stream(fd, fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size : 0,
                          data, len))
        snprintf(errbuf, errlen, "cannot read: %s", strerror(errno));
    else
        ok = true;
    if (!is_stdin)
        close(fd);
    return ok;
}
