/* main.c — the claimc command line: read inputs, parse each, write the chosen format.
 *
 * The library never prints; this file turns a document's diagnostics into the
 * `file:line:col: severity: message` lines editors understand. Exit status: 0 all inputs
 * parsed, 1 an input failed (unreadable, undecodable, an error diagnostic), 2 usage. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "claimc.h"
#include "cli.h"
#include "compare.h"

static const char usage[] =
    "usage: claimc [OPTIONS] [FILE...]\n"
    "       claimc check [OPTIONS] [FILE...]\n"
    "       claimc compare [OPTIONS] FILE FILE...\n"
    "Extract quantitative claims from Chinese government work reports.\n"
    "Reads each FILE (or standard input for none or '-') and writes its claims.\n"
    "'claimc check' cross-checks the claims' arithmetic instead ('claimc check --help');\n"
    "'claimc compare' lines up several reports' claims by indicator ('claimc compare --help').\n"
    "\n"
    "  -f, --format FMT   json (default: one Document AST per input), jsonl (one claim a\n"
    "                     line), csv (RFC 4180, one claim a row, a header row), html (one\n"
    "                     self-contained page, claims highlighted), tokens (the lexer's\n"
    "                     tokens with values)\n"
    "      --compact      json on one line per document\n"
    "      --input KIND   text (default), or jsonl: records {\"id\":..., \"text\":...}, one a line\n"
    "  -o, --output FILE  write to FILE (atomically: a temporary file renamed at the end)\n"
    "  -j, --jobs N       parse N inputs in parallel (default: the number of cores);\n"
    "                     output stays in input order\n"
    "  -q, --quiet        no diagnostics and no progress bar on standard error\n"
    "  -h, --help         this text\n"
    "  -V, --version      the version\n"
    "\n"
    "Diagnostics are 'file:line:column: severity: message' lines on standard error. With\n"
    "several FILEs and a terminal on standard error, a progress bar is drawn there.\n"
    "Exit status: 0 success, 1 an input failed, 2 usage error.\n";

static const char check_usage[] =
    "usage: claimc check [OPTIONS] [FILE...]\n"
    "Cross-check the arithmetic of the claims of each sentence, as an auditor would:\n"
    "  progress-exceeds-total        done greater than the total (error)\n"
    "  rate-contradicts-progress     a rate that is not done/total (error)\n"
    "  rate-contradicts-total        a count and its rate imply another total than the stated\n"
    "                                one (error)\n"
    "  implied-total                 the total a count and its rate imply (info)\n"
    "  percentage-over-100           a 率/比例/占比/比重 above 100% (error)\n"
    "  direction-contradicts-levels  提高/下降 against the two levels given (error)\n"
    "  change-size-contradicts-levels  the size of a change against the two levels (warning)\n"
    "  exceeded-without-figures      超额完成 with no figure in the sentence (warning)\n"
    "\n"
    "  -f, --format FMT   jsonl (default): one JSON object per finding per line, with doc,\n"
    "                     code, severity, message, line, column, claims, figures, sentence;\n"
    "                     text: 'file:line:column: severity: message [code]' lines\n"
    "      --fail-on LVL  exit 1 on a finding at LVL or above: error (default), warning, info\n"
    "      --input KIND   text (default), or jsonl records {\"id\":..., \"text\":...}\n"
    "  -o, --output FILE  write to FILE (atomically)\n"
    "  -j, --jobs N       check N inputs in parallel; output stays in input order\n"
    "  -q, --quiet        no diagnostics and no progress bar on standard error\n"
    "  -h, --help         this text\n"
    "\n"
    "Exit status: 0 no finding at the --fail-on level, 1 such a finding or an input failed,\n"
    "2 usage error.\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "claimc: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'claimc --help'.\n");
    return 2;
}

static bool parse_format(const char *s, cl_format *out, bool check)
{
    static const struct { const char *name; cl_format f; bool check; } formats[] = {
        {"json", CL_FMT_JSON, false},    {"jsonl", CL_FMT_JSONL, false},
        {"tokens", CL_FMT_TOKENS, false}, {"csv", CL_FMT_CSV, false},
        {"html", CL_FMT_HTML, false},    {"jsonl", CL_FMT_CHECK, true},
        {"text", CL_FMT_CHECK_TEXT, true},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (formats[i].check == check && strcmp(s, formats[i].name) == 0) {
            *out = formats[i].f;
            return true;
        }
    return false;
}

int main(int argc, char **argv)
{
    /* Memory a document freed stays for the next one: without this glibc hands a big block
     * (a document's claims and sentences) back to the kernel when it is freed, and the next
     * document faults every page of it in again (110,000 page faults over 200 files of 1 MB,
     * a third of the time of --format json). */
    mallopt(M_MMAP_THRESHOLD, 4 << 20);   /* above: mapped, and grown by mremap, not copied */
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    if (argc > 1 && strcmp(argv[1], "compare") == 0)   /* claimc compare A B ...: compare*.c */
        return cl_compare_main(argc - 1, argv + 1);
    cl_cli_options opt = {.format = CL_FMT_JSON, .pretty = true, .jobs = 0};
    const char *output = NULL;
    /* claimc check: the auditor's subcommand, with the same input options */
    bool check = argc > 1 && strcmp(argv[1], "check") == 0;
    if (check) {
        argv++;
        argc--;
        opt.format = CL_FMT_CHECK;
        opt.fail_level = CL_FIND_ERROR;
    }
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'}, {"compact", no_argument, NULL, 'c'},
        {"input", required_argument, NULL, 'i'},  {"output", required_argument, NULL, 'o'},
        {"jobs", required_argument, NULL, 'j'},   {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},         {"version", no_argument, NULL, 'V'},
        {"fail-on", required_argument, NULL, 'F'}, {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "f:o:j:qhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (!parse_format(optarg, &opt.format, check))
                return usage_error(check ? "unknown check format '%s' (jsonl, text)"
                                         : "unknown format '%s' (json, jsonl, csv, html, tokens)",
                                   optarg);
            break;
        case 'F': {
            static const char *const levels[] = {"info", "warning", "error"};  /* cl_find_level */
            int l = 0;
            while (l < 3 && strcmp(optarg, levels[l]) != 0)
                l++;
            if (!check)
                return usage_error("--fail-on %s: only 'claimc check' has findings", optarg);
            if (l == 3)
                return usage_error("--fail-on takes error, warning or info, not '%s'", optarg);
            opt.fail_level = l;
            break;
        }
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
            fputs(check ? check_usage : usage, stdout);
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
    /* a progress bar only for a person watching: several files, a terminal, not -q */
    opt.progress = nfiles > 1 && !opt.quiet && !opt.jsonl_input && isatty(STDERR_FILENO);

    cl_output out;
    if (!cl_output_open(&out, output))
        return 1;
    bool ok = cl_run(&opt, files, nfiles, &out);
    if (!cl_output_close(&out, ok))
        ok = false;
    return ok ? 0 : 1;
}
