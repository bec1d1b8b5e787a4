/* main.c — the claimc command line: read inputs, parse each, write the chosen format.
 *
 * The library never prints; this file turns a document's diagnostics into the
 * `file:line:col: severity: message` lines editors understand. Exit status: 0 all inputs
 * parsed, 1 an input failed (unreadable, undecodable, an error diagnostic), 2 usage. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "claimc.h"
#include "cli.h"

static const char usage[] =
    "usage: claimc [OPTIONS] [FILE...]\n"
    "Extract quantitative claims from Chinese government work reports.\n"
    "Reads each FILE (or standard input for none or '-') and writes its claims.\n"
    "\n"
    "  -f, --format FMT   json (default: one Document AST per input), jsonl (one claim a\n"
    "                     line), tokens (the lexer's tokens with values)\n"
    "      --compact      json on one line per document\n"
    "      --input KIND   text (default), or jsonl: records {\"id\":..., \"text\":...}, one a line\n"
    "  -o, --output FILE  write to FILE (atomically: a temporary file renamed at the end)\n"
    "  -j, --jobs N       parse N inputs in parallel (default: the number of cores);\n"
    "                     output stays in input order\n"
    "  -q, --quiet        no diagnostics on standard error\n"
    "  -h, --help         this text\n"
    "  -V, --version      the version\n"
    "\n"
    "Exit status: 0 success, 1 an input failed, 2 usage error.\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "claimc: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'claimc --help'.\n");
    return 2;
}

static bool parse_format(const char *s, cl_format *out)
{
    static const struct { const char *name; cl_format f; } formats[] = {
        {"json", CL_FMT_JSON}, {"jsonl", CL_FMT_JSONL}, {"tokens", CL_FMT_TOKENS},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(s, formats[i].name) == 0) {
            *out = formats[i].f;
            return true;
        }
    return false;
}

int main(int argc, char **argv)
{
    cl_cli_options opt = {.format = CL_FMT_JSON, .pretty = true, .jobs = 0};
    const char *output = NULL;
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'}, {"compact", no_argument, NULL, 'c'},
        {"input", required_argument, NULL, 'i'},  {"output", required_argument, NULL, 'o'},
        {"jobs", required_argument, NULL, 'j'},   {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},         {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "f:o:j:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!parse_format(optarg, &opt.format))
                return usage_error("unknown format '%s' (json, jsonl, tokens)", optarg);
            break;
        case 'c':
            opt.pretty = false;
            break;
        case 'i':
            if (strcmp(optarg, "jsonl") == 0)
                opt.jsonl_input = true;
            else if (strcmp(optarg, "text") != 0)
                return usage_error("unknown input kind '%s' (text, jsonl)", optarg);
            break;
        case 'o':
            output = optarg;
            break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 1024)
                return usage_error("--jobs takes a number from 1 to 1024, not '%s'", optarg);
            opt.jobs = (int)n;
            break;
        }
        case 'q':
            opt.quiet = true;
            break;
        case 'h':
            fputs(usage, stdout);
            return 0;
        case 'V':
            printf("claimc %s\n", CLAIMC_VERSION);
            return 0;
        default:
            fprintf(stderr, "Try 'claimc --help'.\n");
            return 2;
        }
    }
    if (opt.jobs == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        opt.jobs = cores > 0 ? (int)cores : 1;
    }

    static char *const stdin_only[] = {"-", NULL};
    char *const *files = optind < argc ? argv + optind : stdin_only;
    int nfiles = optind < argc ? argc - optind : 1;

    cl_output out;
    if (!cl_output_open(&out, output))
        return 1;
    bool ok = cl_run(&opt, files, nfiles, out.file);
    if (!cl_output_close(&out, ok))
        ok = false;
    return ok ? 0 : 1;
}
