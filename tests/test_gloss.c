/* test_gloss.c — src/gloss.c: which brackets after a character are pinyin glosses, the shadow
 * without them, and the map back to the input's offsets.
 *
 * Each case is a text and the shadow the rules must read (script.c's pass with and without
 * AVX2, traditional characters simplified, glosses left out). Every byte of the shadow must map
 * (cl_doc_source_at) to the byte of the input it came from, and a gloss must stay with the
 * character before it: a span ending after that character ends after its gloss. Each text is
 * also read at the end of its allocation and inside a longer one (a gloss near the end, where
 * the SIMD scan hands over to the scalar one), so the sanitizer build catches a read past it.
 * A glossed sentence through the whole pipeline must quote every span from the input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "gloss.h"
#include "script.h"

static int failures;
static int cases;

typedef struct {
    const char *in, *shadow;
} gloss_case;

static const gloss_case table[] = {
    /* glosses: tone marks, none, doubled, tripled, full-width, mixed brackets, v for ü */
    {"地區(qū)生產(chǎn)總值增長(zhǎng)6.5%", "地区生产总值增长6.5%"},
    {"常(chang)(chang)住人口(kou)312.87萬(wàn)人", "常住人口312.87万人"},
    {"比上(shang)年末", "比上年末"},
    {"人(ren)口(kou)(kou)(kou)", "人口"},
    {"城镇化率(lv)为64.54%", "城镇化率为64.54%"},
    {"率(lǜ)提高", "率提高"},
    {"地区（qū）生产", "地区生产"},
    {"地区(qū）生产", "地区生产"},
    {"中国(zhōng guó)人民", "中国人民"},
    {"西安(xian)市", "西安市"},
    {"第一产(chǎn)业(yè)", "第一产业"},
    {"尾(wěi)", "尾"},   /* a gloss at the end of the text */
    /* not glosses: names, units, notes, periods, upper case, not syllables, nothing before */
    {"细颗粒物(PM2.5)浓度", "细颗粒物(PM2.5)浓度"},
    {"长度(km)", "长度(km)"},
    {"同比(下同)", "同比(下同)"},
    {"全省(1-10月)", "全省(1-10月)"},
    {"收入(亿元)", "收入(亿元)"},
    {"办法（试行）", "办法（试行）"},
    {"总值(GDP)", "总值(GDP)"},
    {"区(Qu)", "区(Qu)"},
    {"区(xyz)", "区(xyz)"},
    {"区(m)", "区(m)"},
    {"区(qu2)", "区(qu2)"},
    {"区( qu)", "区( qu)"},
    {"区(qu )", "区(qu )"},
    {"区()", "区()"},
    {"(qu)区", "(qu)区"},
    {"abc(an)", "abc(an)"},
    {"2024(an)", "2024(an)"},
    {"，(an)", "，(an)"},
    {"区(zhonghuarenmingongheguozhong)", "区(zhonghuarenmingongheguozhong)"},   /* no reading */
    /* odd and nested brackets */
    {"区((qu))", "区((qu))"},
    {"区(qu", "区(qu"},
    {"区(qu(qu))", "区(qu(qu))"},
    {"区(qu)(", "区("},
    {"区(qu)(PM)", "区(PM)"},
    {"区(qu)）", "区）"},
    {"区（", "区（"},
    {"区(", "区("},
    /* invalid UTF-8 around a gloss */
    {"\xE5\x8C(qu)", "\xE5\x8C(qu)"},          /* a character cut short before it */
    {"区(q\xC4)", "区(q\xC4)"},                 /* a tone mark cut short inside */
    {"区(m\xC4\x81)", "区"},
    {"区(qu)\xFF\xFE", "区\xFF\xFE"},
    {"\xFF区(qu)\x80", "\xFF区\x80"},
    {"区(q\xE4\xB8\x80)", "区(q\xE4\xB8\x80)"},
};

/* The input offset each shadow byte must map to: the same byte, past the glosses before it. */
static bool map_ok(const cl_doc *doc, const char *in, size_t in_len)
{
    for (uint32_t i = 0; i <= doc->len; i++) {
        uint32_t at = cl_doc_source_at(doc, i);
        if (at > in_len || (i < doc->len && (((unsigned char)in[at] & 0xC0) == 0x80) !=
                                                (((unsigned char)doc->text[i] & 0xC0) == 0x80)))
            return false;
        /* ASCII and the bytes of untouched characters are the input's own */
        if (i < doc->len && (unsigned char)doc->text[i] < 0x80 && in[at] != doc->text[i])
            return false;
    }
    return cl_doc_source_at(doc, (uint32_t)doc->len) == in_len;   /* the end: past a last gloss */
}

/* The text IN at the end of an allocation of its own (PAD bytes after it, 0: none), read at
 * LEVEL. */
static void check(const gloss_case *c, size_t pad, int level)
{
    size_t n = strlen(c->in);
    char *text = malloc(n + 1 + pad);
    if (!text) {
        printf("FAIL unit/gloss out of memory\n");
        exit(1);
    }
    memset(text, 'x', n + 1 + pad);
    memcpy(text, c->in, n);
    text[n] = 0;
    cl_doc doc = {.text = text, .len = n};
    cases++;
    bool ok = cl_script_prepare_at(&doc, level);
    if (!ok || doc.len != strlen(c->shadow) || memcmp(doc.text, c->shadow, doc.len + 1) != 0 ||
        doc.source != text || doc.source_len != n || !map_ok(&doc, text, n)) {
        failures++;
        printf("  %s (pad %zu, level %d): shadow \"%.*s\", want \"%s\"\n", c->in, pad, level,
               (int)doc.len, doc.text, c->shadow);
    }
    cl_arena_free(&doc.arena);
    free(text);
}

/* The gloss belongs to the character before it: a span over that character takes it in. */
static void check_span_ends(void)
{
    const char *in = "常(chang)住人口(kou)增长";
    cl_doc doc = {.text = in, .len = strlen(in)};
    cases++;
    if (!cl_script_prepare(&doc)) {
        failures++;
        return;
    }
    cl_span subject = cl_doc_source_span(&doc, cl_span_of(0, 12));   /* 常住人口 in the shadow */
    const char *want = "常(chang)住人口(kou)";
    if (subject.start != 0 || subject.end != strlen(want)) {
        failures++;
        printf("  span of 常住人口: [%u, %u), want [0, %zu)\n", subject.start, subject.end, strlen(want));
    }
    cl_span verb = cl_doc_source_span(&doc, cl_span_of(12, 18));   /* 增长 */
    if (verb.start != strlen(want) || memcmp(in + verb.start, "增长", 6) != 0) {
        failures++;
        printf("  span of 增长 starts at %u, want %zu\n", verb.start, strlen(want));
    }
    cl_arena_free(&doc.arena);
}

/* The claims of a glossed sentence, through the whole pipeline: each span quotes the input's
 * bytes, glosses and all (the subject, the quantity, its unit, the baseline). */
static bool quotes(const char *in, cl_span s, const char *want)
{
    return s.end - s.start == strlen(want) && memcmp(in + s.start, want, strlen(want)) == 0;
}

static void check_claims(void)
{
    const char *in = "常(chang)(chang)住人口(kou)312.87萬(wàn)人，比上(shang)年末增加2.1萬(wan)人。";
    cl_doc *doc = cl_parse("gloss", in, strlen(in));
    cases++;
    const cl_claim *a = doc ? cl_doc_claim(doc, 0) : NULL, *b = doc ? cl_doc_claim(doc, 1) : NULL;
    const char *text = doc ? cl_doc_text(doc) : NULL;
    if (!a || !b || cl_doc_claim_count(doc) != 2 || cl_doc_text_len(doc) != strlen(in) ||
        !quotes(text, a->subject, "常(chang)(chang)住人口(kou)") ||
        !quotes(text, a->quantity.span, "312.87萬(wàn)人") ||
        !quotes(text, a->quantity.unit_text, "萬(wàn)人") ||
        !quotes(text, a->span, "常(chang)(chang)住人口(kou)312.87萬(wàn)人") ||
        !quotes(text, b->subject, "常(chang)(chang)住人口(kou)") ||
        !quotes(text, b->baseline, "比上(shang)年末") ||
        !quotes(text, b->quantity.span, "2.1萬(wan)人") || b->kind != CL_CHANGE ||
        b->direction != CL_DIR_UP || strcmp(a->quantity.unit, "人") != 0) {
        failures++;
        printf("  the claims of %s are not quoted from it\n", in);
    }
    cl_sentence_view v;
    if (!doc || !cl_doc_sentence(doc, 0, &v) || v.span.start != 0 || v.span.end != strlen(in)) {
        failures++;
        printf("  the sentence of %s is not all of it\n", in);
    }
    cl_doc_free(doc);
}

/* A gloss at each place relative to the SIMD scan's 32-byte steps and its scalar tail. */
static void check_alignments(void)
{
    char in[256], want[256];
    for (size_t lead = 0; lead < 70; lead++) {
        size_t k = 0, w = 0;
        for (size_t i = 0; i < lead; i++)
            in[k++] = want[w++] = (char)('0' + i % 10);
        for (int r = 0; r < 3; r++) {
            memcpy(in + k, "地区(qū)", 12);   /* 地区 6 bytes, (qū) 5 */
            k += 11;
            memcpy(want + w, "地区", 6);
            w += 6;
        }
        in[k] = want[w] = 0;
        gloss_case c = {in, want};
        for (int level = 0; level <= 2; level += 2) {
            check(&c, 0, level);
            check(&c, 40, level);
        }
    }
}

int main(void)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        for (int level = 0; level <= 2; level += 2) {
            check(&table[i], 0, level);
            check(&table[i], 64, level);
        }
    check_span_ends();
    check_claims();
    check_alignments();
    /* the scanner itself: a gloss, its length, the first one after a character */
    const unsigned char *s = (const unsigned char *)"(chang)(chang)x";
    cases++;
    if (cl_gloss_len(s, s + 15) != 14 || cl_gloss_len(s, s + 13) != 7) {
        failures++;
        printf("  cl_gloss_len of (chang)(chang): %zu, cut short %zu\n", cl_gloss_len(s, s + 15),
               cl_gloss_len(s, s + 13));
    }
    if (failures)
        printf("FAIL unit/gloss %d of %d cases\n", failures, cases);
    else
        printf("PASS unit/gloss %d cases: pinyin glosses left out of the shadow, mapped back\n", cases);
    return failures != 0;
}
