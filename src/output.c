/* output.c — the CLI's output: standard output, or -o FILE written to a temporary file beside
 * it and renamed into place at the end, removed if the run is interrupted; write errors named
 * as GNU tools name them. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

/* Interrupted (Ctrl-C, kill): the temporary file goes, the old FILE stays. kill -9 cannot be
 * caught; it leaves FILE.tmp.XXXXXX beside an untouched FILE. The handler may run on any
 * thread: the name is a lock-free atomic (C11 7.14.1.1 allows those in a handler), set before
 * the workers start and cleared after they end. The CLI's one piece of global state. */
static _Atomic(const char *) temp_to_remove;
_Static_assert(ATOMIC_POINTER_LOCK_FREE == 2, "a signal handler may only touch lock-free atomics");
static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void remove_temp_and_die(int sig)
{
    const char *temp = atomic_load(&temp_to_remove);
    if (temp)
        unlink(temp);   /* async-signal-safe, as are the two calls below */
    signal(sig, SIG_DFL);
    raise(sig);
}

bool cl_output_open(cl_output *o, const char *name)
{
    memset(o, 0, sizeof *o);
    if (!name || strcmp(name, "-") == 0) {
        o->file = stdout;
        o->shown = "standard output";
        return true;
    }
    o->shown = name;
    struct stat st;
    if (stat(name, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* -o /dev/null, a FIFO: written in place (renaming over a device would replace it) */
        if (!(o->file = fopen(name, "w"))) {
            fprintf(stderr, "claimc: cannot write %s: %s\n", name, strerror(errno));
            return false;
        }
        return true;
    }
    o->final_name = strdup(name);
    size_t n = strlen(name) + sizeof ".tmp.XXXXXX";
    o->temp_name = malloc(n);
    if (o->temp_name)
        snprintf(o->temp_name, n, "%s.tmp.XXXXXX", name);
    int fd = o->temp_name ? mkstemp(o->temp_name) : -1;
    /* mkstemp makes the file 0600; the output is an ordinary file: 0666 less the umask */
    mode_t mask = umask(0);
    umask(mask);
    if (fd < 0 || fchmod(fd, 0666 & ~mask) != 0 || !(o->file = fdopen(fd, "w"))) {
        fprintf(stderr, "claimc: cannot write %s: %s\n", name, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(o->temp_name);
        }
        free(o->final_name);
        free(o->temp_name);
        return false;
    }
    atomic_store(&temp_to_remove, o->temp_name);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remove_temp_and_die;
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
        sigaction(fatal_signals[i], &sa, NULL);
    return true;
}

/* ERR: the errno of the failed call; 0 when the stream only says an earlier write failed. */
static void write_error(const cl_output *o, int err)
{
    fprintf(stderr, "claimc: write error: %s: %s\n", o->shown, strerror(err ? err : EIO));
}

bool cl_output_close(cl_output *o, bool keep)
{
    errno = 0;
    bool ok = fflush(o->file) == 0 && !ferror(o->file);
    int err = o->err ? o->err : errno;   /* the first failed write's, else fflush's */
    if (o->file == stdout || !o->temp_name) {   /* standard output, or written in place */
        /* closed here, as GNU's close_stdout does: a file system may report errors only then */
        if (fclose(o->file) != 0 && ok) {
            ok = false;
            err = errno;
        }
        if (!ok)
            write_error(o, err);
        return ok;
    }
    if (ok && fsync(fileno(o->file)) != 0) {   /* on disk before the rename makes it FILE */
        ok = false;
        err = errno;
    }
    if (fclose(o->file) != 0 && ok) {
        ok = false;
        err = errno;
    }
    if (!ok)
        write_error(o, err);
    (void)keep;   /* what was parsed is kept even when an input failed */
    atomic_store(&temp_to_remove, NULL);
    if (ok && rename(o->temp_name, o->final_name) != 0) {
        fprintf(stderr, "claimc: cannot write %s: %s\n", o->final_name, strerror(errno));
        ok = false;
    }
    if (!ok)
        unlink(o->temp_name);
    free(o->final_name);
    free(o->temp_name);
    return ok;
}
