/* writers_same.c — the writer core must write exactly the bytes of the writers before it.
 *
 *   writers_same FILE...
 *
 * Each FILE.txt is one document; each line of a FILE.jsonl is a record {"id", "text"} whose text
 * is one document (as --input jsonl reads them). Built-in documents add what the corpus lacks:
 * quotes, backslashes, control characters, NUL bytes, invalid UTF-8, names that need escaping.
 * For every document, each format's writer (src/emit_*.c, on the writer core) and the oracle
 * (tests/oracle/: cJSON trees for JSON and JSON Lines, stdio for CSV, HTML and tokens) write
 * into memory and are compared: JSON pretty and compact, JSON Lines, CSV, HTML, tokens. So is
 * what --format jsonl writes while it parses
 * (cl_parse_adopt_each): the same bytes, ids in order, and never all of a long document's
 * claims held at once; prints "PASS writers-same/NAME" or "FAIL writers-same/NAME
 * why" per input, and fails when no claim at all was compared (a test that cannot fail). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "claimc.h"
#include "pipeline.h"
#include "emit.h"
#include "filter.h"
#include "oracle.h"

typedef struct {
    size_t docs, claims, bytes, formats_bytes;
    char why[256];
    FILE *keep;       /* when set, the reference output is also written here */
    bool positions;   /* also check line and column at every offset */
} tally;

static char *render(const cl_doc *doc, int (*write)(const cl_doc *, FILE *), size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (!f)
        return NULL;
    int rc = write(doc, f);
    if (fclose(f) != 0 || rc < 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Line and column by the definition, against cl_doc_position and the writer's cursor
 * (cl_textpos, told of no CR before the parse's first_cr as the writer is), at every offset forwards and backwards and at pseudo-random offsets (claims may
 * go back: a total carried over from the previous sentence). */
static bool same_positions(const char *name, cl_doc *doc, tally *t)
{
    const char *text = cl_doc_text(doc);
    size_t len = cl_doc_text_len(doc);
    uint32_t *want = malloc((len + 1) * 2 * sizeof *want);
    if (!want) {
        snprintf(t->why, sizeof t->why, "%s: out of memory", name);
        return false;
    }
    /* the definition, byte by byte: a line ends at LF, CRLF or a lone CR; the column is 1 + the
     * code points since the line began, a CR not counted */
    uint32_t at_line = 1, at_col = 1;
    for (size_t i = 0; i <= len; i++) {
        want[2 * i] = at_line;
        want[2 * i + 1] = at_col;
        unsigned char c = (unsigned char)text[i];
        if (c == '\n' || (c == '\r' && text[i + 1] != '\n')) {
            at_line++;
            at_col = 1;
        } else if ((c & 0xC0) != 0x80 && c != '\r') {
            at_col++;
        }
    }
    for (size_t i = 0; i <= len; i++) {   /* cl_doc_position (from its checkpoints) */
        uint32_t l, c;
        cl_doc_position(doc, (uint32_t)i, &l, &c);
        if (l != want[2 * i] || c != want[2 * i + 1]) {
            snprintf(t->why, sizeof t->why, "%s: cl_doc_position puts offset %zu at %u:%u, not %u:%u",
                     name, i, l, c, want[2 * i], want[2 * i + 1]);
            free(want);
            return false;
        }
    }
    cl_textpos p;
    cl_textpos_init(&p, text, len);
    p.first_cr = doc->first_cr;   /* as the JSONL writer trusts it: none is looked for before */
    bool ok = true;
    uint32_t seed = 12345, line, col;
    for (size_t k = 0; ok && k < 3 * (len + 1) + 1000; k++) {
        size_t at = k <= len ? k                              /* forwards */
                  : k <= 2 * len + 1 ? 2 * len + 1 - k        /* backwards */
                  : (seed = seed * 1103515245u + 12345u) % (len + 8);   /* anywhere, and past */
        cl_textpos_at(&p, at, &line, &col);
        size_t w = at > len ? len : at;
        if (line != want[2 * w] || col != want[2 * w + 1]) {
            snprintf(t->why, sizeof t->why, "%s: offset %zu is %u:%u, not %u:%u",
                     name, at, line, col, want[2 * w], want[2 * w + 1]);
            ok = false;
        }
    }
    free(want);
    return ok;
}

/* An input record's other fields (compact JSON, as meta.c keeps them) for the documents same()
 * compares, or NULL: set for the meta case in main. */
static const char *record_meta;

/* -- the streaming parse -------------------------------------------------------------------- */

typedef struct {
    cl_jsonl_writer *w;
    size_t next_id;     /* ids must come 0, 1, 2 ... */
    bool ids_in_order;
    size_t most_held;   /* the most claims the document held at a hand-out */
} stream_watch;

static bool watch_line(void *arg, const cl_doc *doc, const cl_claim *claim, size_t id)
{
    stream_watch *s = arg;
    s->ids_in_order &= id == s->next_id++;
    if (doc->claims.len > s->most_held)
        s->most_held = doc->claims.len;
    return cl_jsonl_claim(s->w, doc, claim, id);
}

/* --format jsonl's path: the lines written while parsing must be the bytes of WANT. */
static bool same_streamed(const char *name, const char *text, size_t len, const char *want,
                          size_t want_len, size_t claims, tally *t)
{
    char *out = NULL;
    size_t out_len = 0;
    FILE *f = open_memstream(&out, &out_len);
    unsigned char *room = malloc(len + 1);   /* cl_parse_adopt_each takes the buffer */
    stream_watch s = {.ids_in_order = true};
    if (!f || !room || !(s.w = cl_jsonl_open(f))) {
        snprintf(t->why, sizeof t->why, "%s: out of memory", name);
        free(room);
        if (f && fclose(f) == 0)
            free(out);
        return false;
    }
    memcpy(room, text, len);
    room[len] = '\0';
    cl_jsonl_meta(s.w, record_meta);   /* as the command line gives it (--input jsonl) */
    cl_doc *doc = cl_parse_adopt_each(name, room, len, watch_line, &s);
    int rc = cl_jsonl_close(s.w);
    bool ok = fclose(f) == 0 && rc == 0 && doc;
    if (!ok)
        snprintf(t->why, sizeof t->why, "%s: the streaming parse failed", name);
    else if (out_len != want_len || memcmp(out, want, want_len) != 0)
        snprintf(t->why, sizeof t->why, "%s: streamed lines differ (%zu bytes, not %zu)", name,
                 out_len, want_len), ok = false;
    else if (!s.ids_in_order || s.next_id != claims)
        snprintf(t->why, sizeof t->why, "%s: ids streamed out of order", name), ok = false;
    else if (cl_doc_claim_count(doc) != 0 || cl_doc_sentence_count(doc) != 0)
        snprintf(t->why, sizeof t->why, "%s: a streamed document kept claims", name), ok = false;
    else if (claims >= 100 && s.most_held * 4 > claims &&   /* a sentence's worth, not the */
             s.most_held > CL_CUT_HARD)                     /* doc, nor over a piece's */
        snprintf(t->why, sizeof t->why, "%s: %zu of %zu claims held at once", name,
                 s.most_held, claims), ok = false;
    cl_doc_free(doc);
    free(out);
    return ok;
}

static bool stop_at_third(void *arg, const cl_doc *doc, const cl_claim *claim, size_t id)
{
    size_t *calls = arg;
    (void)doc, (void)claim, (void)id;
    return ++*calls < 3;
}

/* A writer that fails (a full disk, a closed pipe) stops the parse: no claim is handed out after
 * the one that failed. */
static bool stops_when_told(const char *text, size_t len, tally *t)
{
    unsigned char *room = malloc(len + 1);
    size_t calls = 0;
    if (!room)
        return false;
    memcpy(room, text, len);
    room[len] = '\0';
    cl_doc *doc = cl_parse_adopt_each("stop", room, len, stop_at_third, &calls);
    bool ok = doc && calls == 3;
    if (!ok)
        snprintf(t->why, sizeof t->why, "the parse went on after its writer failed (%zu calls)",
                 calls);
    cl_doc_free(doc);
    return ok;
}

static int core_json(const cl_doc *d, FILE *o) { return cl_write_json(d, o, true); }
static int core_json_compact(const cl_doc *d, FILE *o) { return cl_write_json(d, o, false); }
static int core_html(const cl_doc *d, FILE *o) { return cl_write_html(d, o, 7); }
static int oracle_json(const cl_doc *d, FILE *o) { return oracle_write_json(d, o, true); }
static int oracle_json_compact(const cl_doc *d, FILE *o) { return oracle_write_json(d, o, false); }
static int oracle_html(const cl_doc *d, FILE *o) { return oracle_write_html(d, o, 7); }

/* Every format but JSON Lines (compared below, with the streaming parse): the core's writer
 * and the oracle's. */
static const struct {
    const char *format;
    int (*core)(const cl_doc *, FILE *);
    int (*oracle)(const cl_doc *, FILE *);
} formats[] = {
    {"json", core_json, oracle_json},
    {"json-compact", core_json_compact, oracle_json_compact},
    {"csv", cl_write_csv, oracle_write_csv},
    {"html", core_html, oracle_html},
    {"tokens", cl_write_tokens, oracle_write_tokens},
};

/* The first difference of A and B, in WHY; false when they differ. */
static bool same_bytes(const char *name, const char *format, const char *a, size_t a_len,
                       const char *b, size_t b_len, tally *t)
{
    if (!a || !b) {
        snprintf(t->why, sizeof t->why, "%s: %s: a writer failed", name, format);
        return false;
    }
    size_t i = 0;
    while (i < a_len && i < b_len && a[i] == b[i])
        i++;
    if (i == a_len && i == b_len)
        return true;
    size_t from = i > 40 ? i - 40 : 0;
    snprintf(t->why, sizeof t->why, "%s: %s differs at byte %zu: core \"%.60s\" oracle \"%.60s\"",
             name, format, i, a + from, b + from);
    return false;
}

/* --format json's path: the Document written as the parse hands out its outline must be the
 * bytes cl_write_json writes for the parsed document (compared with the oracle below). */
static bool same_json_streamed(const char *name, const char *text, size_t len,
                               const cl_doc *parsed, bool pretty, tally *t)
{
    size_t want_len = 0, got_len = 0;
    char *want = render(parsed, pretty ? core_json : core_json_compact, &want_len);
    char *got = NULL;
    FILE *f = open_memstream(&got, &got_len);
    unsigned char *room = malloc(len + 1);
    bool ok = false;
    if (f && room) {
        memcpy(room, text, len);
        room[len] = '\0';
        cl_wbuf b;
        cl_wbuf_init(&b, f);
        cl_outline_fn fn;
        cl_json_stream *js = cl_json_stream_open(&b, pretty, parsed->meta, &fn);
        cl_doc *doc = js ? cl_parse_adopt_outline(name, room, len, &fn) : NULL;
        room = NULL;   /* the document has it */
        ok = doc && cl_json_stream_close(js, doc) == 0 && cl_wbuf_close(&b) == 0;
        if (doc && (cl_doc_claim_count(doc) || cl_doc_sentence_count(doc)))
            ok = false;   /* a streamed document keeps nothing */
        cl_doc_free(doc);
    }
    free(room);
    if (f)
        fclose(f);
    ok = ok && same_bytes(name, pretty ? "json-streamed" : "json-compact-streamed", got,
                          got_len, want, want_len, t);
    if (!ok && !t->why[0])
        snprintf(t->why, sizeof t->why, "%s: the streamed Document failed", name);
    free(got);
    free(want);
    return ok;
}

static bool same_formats(const char *name, const cl_doc *doc, tally *t)
{
    bool ok = true;
    for (size_t f = 0; ok && f < sizeof formats / sizeof formats[0]; f++) {
        size_t core_len = 0, ref_len = 0;
        char *core = render(doc, formats[f].core, &core_len);
        char *ref = render(doc, formats[f].oracle, &ref_len);
        ok = same_bytes(name, formats[f].format, core, core_len, ref, ref_len, t);
        t->formats_bytes += ref_len;
        free(core);
        free(ref);
    }
    return ok;
}

/* Compare the writers on one document; false (and why) on the first difference. */
static bool same(const char *name, const char *text, size_t len, tally *t)
{
    cl_doc *doc = cl_parse(name, text, len);
    if (!doc || !cl_doc_set_meta(doc, record_meta)) {
        snprintf(t->why, sizeof t->why, "%s: out of memory", name);
        cl_doc_free(doc);
        return false;
    }
    if (t->positions && !same_positions(name, doc, t)) {
        cl_doc_free(doc);
        return false;
    }
    size_t fast_len = 0, ref_len = 0;
    char *fast = render(doc, cl_write_jsonl, &fast_len);
    char *ref = render(doc, oracle_write_jsonl, &ref_len);
    bool ok = fast && ref;
    if (!ok)
        snprintf(t->why, sizeof t->why, "%s: a writer failed", name);
    size_t i = 0;
    while (ok && i < fast_len && i < ref_len && fast[i] == ref[i])
        i++;
    if (ok && (i < fast_len || i < ref_len)) {
        size_t from = i > 40 ? i - 40 : 0;
        snprintf(t->why, sizeof t->why, "%s: differs at byte %zu: fast \"%.60s\" cjson \"%.60s\"",
                 name, i, fast + from, ref + from);
        ok = false;
    }
    if (ok)
        ok = same_streamed(name, text, len, fast, fast_len, cl_doc_claim_count(doc), t);
    if (ok)
        ok = same_formats(name, doc, t);
    if (ok)
        ok = same_json_streamed(name, text, len, doc, true, t) &&
             same_json_streamed(name, text, len, doc, false, t);
    if (t->keep && ref)
        fwrite(ref, 1, ref_len, t->keep);
    t->docs++;
    t->claims += cl_doc_claim_count(doc);
    t->bytes += ref_len;
    free(fast);
    free(ref);
    cl_doc_free(doc);
    return ok;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, r;
    char chunk[1 << 16];
    while ((r = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (n + r + 1 > cap) {
            cap = (n + r + 1) * 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        memcpy(buf + n, chunk, r);
        n += r;
    }
    fclose(f);
    if (!buf)
        buf = calloc(1, 1);
    *len = n;
    return buf;
}

static bool check_file(const char *path, tally *t)
{
    size_t len;
    char *data = read_file(path, &len);
    if (!data) {
        snprintf(t->why, sizeof t->why, "cannot read %s", path);
        return false;
    }
    size_t n = strlen(path);
    bool ok = true;
    if (n > 6 && strcmp(path + n - 6, ".jsonl") == 0) {
        long line = 0;
        for (char *p = data, *nl; ok && p < data + len; p = nl + 1) {
            nl = memchr(p, '\n', (size_t)(data + len - p));
            if (!nl)
                nl = data + len;
            line++;
            cJSON *rec = cJSON_ParseWithLength(p, (size_t)(nl - p));
            const cJSON *id = cJSON_GetObjectItemCaseSensitive(rec, "id");
            const cJSON *text = cJSON_GetObjectItemCaseSensitive(rec, "text");
            if (cJSON_IsString(text)) {
                char name[512];
                snprintf(name, sizeof name, "%s:%s", path,
                         cJSON_IsString(id) ? id->valuestring : "?");
                ok = same(name, text->valuestring, strlen(text->valuestring), t);
            } else if (nl > p) {
                snprintf(t->why, sizeof t->why, "%s:%ld: not a record with a text", path, line);
                ok = false;
            }
            cJSON_Delete(rec);
        }
    } else {
        t->positions = true;
        ok = same(path, data, len, t);
    }
    free(data);
    return ok;
}

/* Texts with claims whose strings need every kind of escape; the names carry the escapes the
 * text cannot (a newline ends a sentence). NEEDLES must all appear in the reference output, so
 * the escapes are known to be exercised. */
static const struct { const char *name; const char *text; size_t len; } builtin[] = {
#define DOC(name, lit) {name, lit, sizeof(lit) - 1}
    DOC("quote\"back\\slash\x01name\x7f", "全市\"共检查\\排污单位1826家次，出动执法人员5430人次。"),
    DOC("new\r\nline\b\f\t",
        "全市共检查\x1f排污\x0b单位\t1826家次，出动\b执\f法人员\x1b 5430人次。\n"
        "PM2.5平均浓度为35微克/立方米，同比下降5.4%。"),
    DOC("nul", "全市共\0检查排污单位1826家次，\0出动执法人员5430人次。"),
    DOC("invalid-utf8", "一、总体\xff要求\b说明\n全市共检查\xfe排污单位1826家次，出动执法\xc3人员5430人次。"),
    DOC("bad\xc3name\xed\xa0\x80\xe0\x80\xaf\xf4\x90\x80\x80\xf0\x9f\x98\x80\xe4\xb8",
        "全市共检查排污单位1826家次。"),
    DOC("lone-cr", "一、总体\r要求\r\r\n（一）水环境\r\t地表水国考断面优良比例达到95%以上，"
                   "完成12个项目中的10个。\r\n\r全市共检查排污单位1826家次。\r"),
    DOC("crlf-columns", "一、总体\r\n要求\r\n（一）水环境\r\n\t地表水国考断面优良比例达到95%以上，"
                        "完成12个项目中的10个。\r\n"),
    /* the streaming parse holds a sentence's last claim back: it may become a total */
    DOC("merge", "共交办整改任务166项。截至目前，已完成整改并销号131项，完成率78.9%。"
                 "共排查问题12个。全部完成整改。"),
    DOC("merge-heading", "共交办整改任务166项\n二、下一步\n已完成整改131项。\n共检查23家。"),
#undef DOC
};
static const char *const needles[] = {"\\\"", "\\\\", "\\b", "\\f", "\\n", "\\r", "\\t",
                                      "\\u0001", "\\u000b", "\\u001b", "\\u001f", "\x7f",
                                      "\xEF\xBF\xBD", "\xF0\x9F\x98\x80", NULL};

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return true;
    return false;
}

/* A result line must stay one line of UTF-8 text: control bytes and every byte of a sequence
 * that is not valid UTF-8 (from the test's own names and texts) become '?'. */
static const char *printable(char *s)
{
    for (unsigned char *p = (unsigned char *)s; *p;) {
        unsigned c = p[0], lo = 0x80, hi = 0xBF;
        int n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
              : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
        bool ok = n >= 0 && (n == 0 || (p[1] >= lo && p[1] <= hi));
        for (int k = 2; ok && k <= n; k++)
            ok = (p[k] & 0xC0) == 0x80;
        if (!ok || c < 0x20 || c == 0x7F) {
            *p++ = '?';
            continue;
        }
        p += n + 1;
    }
    return s;
}

int main(int argc, char **argv)
{
    int failed = 0;
    tally all = {0};
    for (int i = 1; i < argc; i++) {
        tally t = {0};
        bool ok = check_file(argv[i], &t);
        all.docs += t.docs;
        all.claims += t.claims;
        all.bytes += t.bytes;
        if (ok)
            printf("PASS writers-same/%s (%zu documents, %zu claims, %zu bytes of JSONL, "
                   "%zu of the other formats)\n", argv[i], t.docs, t.claims, t.bytes,
                   t.formats_bytes);
        else
            printf("FAIL writers-same/%s %s\n", argv[i], printable(t.why));
        failed += !ok;
    }
    /* line breaks of every kind at every position of the writer's sixteen-byte steps */
    {
        static const char *const pieces[] = {"\n", "\r", "\r\n", "a", "中", "é", "𝄞", "\n\r"};
        char mix[6000];
        size_t n = 0;
        uint32_t seed = 7;
        while (n + 8 < sizeof mix) {
            seed = seed * 1103515245u + 12345u;
            unsigned k = (seed >> 16) % 64;   /* mostly text, a break one time in eight */
            const char *piece = pieces[k < 8 ? k : 3 + k % 3];
            memcpy(mix + n, piece, strlen(piece));
            n += strlen(piece);
        }
        tally t = {.positions = true};
        bool ok = same("line-breaks", mix, n, &t);
        /* a long line of four-byte code points: three lanes of each step count a continuation
         * byte every time, and must not overflow */
        for (n = 0; n + 4 < sizeof mix; n += 4)
            memcpy(mix + n, "𝄞", 4);
        ok = ok && same("long-line", mix, n, &t);
        /* a line of 20,000 code points: counts summed after 127 steps of 64 bytes (measure_lf),
         * before a byte of them can overflow */
        static char wide[20000];
        memset(wide, 'a', sizeof wide);
        ok = ok && same("long-ascii", wide, sizeof wide, &t);
        printf("%s writers-same/line-breaks %s\n", ok ? "PASS" : "FAIL", ok ? "" : printable(t.why));
        failed += !ok;
    }
    /* the writer looks for no CR before the first one the parse has lexed (ast.h, first_cr):
     * documents whose only CRs come after many claims and the writer's look-ahead, right before
     * a claim, in the line breaks a sentence goes on across (soft_break), where a quote would
     * be, as CRLF */
    {
        static const char *const late[] = {
            "\r全市共检查排污单位1826家次。\n",
            "全市共检查排污单位\r1826家次。\n",
            ("地表水国考断面优良比例达到95%以上，完成12个项目中的10个，地表水国考断面优良比例达到"
             "95%以上，完成12个项目中的10个，地表水国考断面优良比例\n\r\r\n达到95%以上。\n"),
            "“共检查\r12家”，共检查12家。\n",
            "共检查12家。\r\n共检查13家。\r\n",
        };
        bool ok = true;
        tally t = {.positions = true};
        for (size_t k = 0; ok && k < sizeof late / sizeof late[0]; k++) {
            char *text = NULL;
            size_t n = 0;
            FILE *f = open_memstream(&text, &n);
            for (int i = 0; f && i < 200; i++)   /* 8 KB: twice the look-ahead */
                fputs("全市共检查排污单位1826家次，出动执法人员5430人次。\n", f);
            for (int i = 0; f && i < 3; i++)
                fprintf(f, "%s共检查%d家。\n", late[k], i);
            ok = f && fclose(f) == 0 && same("late-cr", text, n, &t);
            free(text);
        }
        if (ok)
            printf("PASS writers-same/late-cr (%zu claims)\n", t.claims);
        else
            printf("FAIL writers-same/late-cr %s\n", printable(t.why));
        all.claims += t.claims;
        failed += !ok;
    }
    /* a record's other fields (--input jsonl): "meta" after "doc" in JSONL, streamed or not, in
     * the Document (compact and pretty) and the CSV's last column, as the oracles put them */
    {
        record_meta = "{\"id\":7,\"city\":\"鄂州\",\"tags\":[1,{\"a\":null},[]],\"q\":\"say \\\"hi\\\", ok\","
                      "\"o\":{},\"x\":1.5e+300}";
        static const char text[] = "一、总体要求\n全市共检查排污单位1826家次，同比下降5.9%。\n"
                                   "（一）水\n完成投资3亿元。\n";
        tally t = {0};
        bool ok = same("meta", text, sizeof text - 1, &t) && t.claims >= 3;
        record_meta = NULL;
        printf("%s writers-same/meta %s\n", ok ? "PASS" : "FAIL", ok ? "" : printable(t.why));
        failed += !ok;
    }
    /* claim texts and heading titles with each kind of byte the writer's sixteen-byte copy
     * (copy_plain) must leave to as_is, or may take itself, at every place of its first block
     * and across into the next */
    {
        static const char *const odd[] = {
            "\xce\xbc", "\xc2\xb3", "\xdf\xbf", "\xe0\xa4\x85", "\xed\x9f\xbf", "\xee\x80\x80",
            "\xef\xbf\xbd", "\xf0\x9d\x84\x9e", "\xf4\x8f\xbf\xbf", "\x7f", " ", "\"", "\\", "\x01",
            "\t", "\xed\xa0\x80", "\xe0\x80\xaf", "\xe0\x9f\xbf", "\xc0\xaf", "\xc1\xbf", "\xf4\x90\x80\x80",
            "\xf5\x80\x80\x80", "\xf0\x8f\xbf\xbf", "\xe4\xb8", "\xe4\xb8\xe4", "\xce", "\xce\xbc\xbc", "\x80",
            "\xbf", "\xff", "\xf0\x9f\x98", "\xe4\xb8\xad\xad"};
        char *text = NULL;
        size_t n = 0;
        FILE *f = open_memstream(&text, &n);
        for (size_t k = 0; f && k < sizeof odd / sizeof odd[0]; k++)
            for (int pad = 0; pad < 18; pad++)
                fprintf(f, "%s一、总体%.*s%s要求\n全市共检查%.*s%s排污单位1826家次。\n"
                           "二、%.*s%s\n共检查12家。\n",
                        pad % 2 ? "" : "\n", pad, "abcdefghijklmnopqrstu", odd[k], pad,
                        "abcdefghijklmnopqrstu", odd[k], pad, "abcdefghijklmnopqrstu", odd[k]);
        tally t = {0};
        bool ok = f && fclose(f) == 0 && same("plain-copy", text, n, &t);
        if (ok)
            printf("PASS writers-same/plain-copy (%zu claims)\n", t.claims);
        else
            printf("FAIL writers-same/plain-copy %s\n", printable(t.why));
        all.claims += t.claims;
        failed += !ok;
        free(text);
    }
    /* one long document, the .txt inputs four times over: the streaming parse must not hold
     * all its claims at once */
    char *whole = NULL;
    size_t whole_len = 0;
    FILE *cat = open_memstream(&whole, &whole_len);
    for (int round = 0; cat && round < 4; round++)
        for (int i = 1; i < argc; i++) {
            size_t n = strlen(argv[i]), len;
            char *data = n > 4 && strcmp(argv[i] + n - 4, ".txt") == 0 ? read_file(argv[i], &len)
                                                                        : NULL;
            if (data)
                fwrite(data, 1, len, cat);
            free(data);
        }
    if (cat && fclose(cat) == 0 && whole_len) {
        tally t = {0};
        bool ok = same("long", whole, whole_len, &t);
        all.claims += t.claims;
        ok = ok && stops_when_told(whole, whole_len, &t);
        if (ok)
            printf("PASS writers-same/long (%zu claims; stops when the writer fails)\n", t.claims);
        else
            printf("FAIL writers-same/long %s\n", printable(t.why));
        failed += !ok;
        free(whole);
    }
    char *seen = NULL;
    size_t seen_len = 0;
    FILE *keep = open_memstream(&seen, &seen_len);
    for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
        tally t = {.keep = keep, .positions = true};
        bool ok = same(builtin[i].name, builtin[i].text, builtin[i].len, &t);
        all.claims += t.claims;
        if (ok)
            printf("PASS writers-same/builtin-%zu (%zu claims)\n", i, t.claims);
        else
            printf("FAIL writers-same/builtin-%zu %s\n", i, printable(t.why));
        failed += !ok;
    }
    if (keep && fclose(keep) == 0) {
        for (const char *const *n = needles; *n; n++)
            if (!contains(seen, seen_len, *n)) {
                printf("FAIL writers-same/escapes the built-in documents no longer exercise '%s'\n",
                       *n);
                failed++;
            }
        free(seen);
    }
    if (all.claims == 0) {
        printf("FAIL writers-same/coverage no claim was compared: the test proves nothing\n");
        failed++;
    }
    return failed ? 1 : 0;
}
