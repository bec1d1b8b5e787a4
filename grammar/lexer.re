/* lexer.re — the claimc lexer: UTF-8 text to raw tokens with byte spans and exact values.
 *
 * re2c compiles this file (with -8 --input-encoding utf8, see the Makefile) to build/lexer.c.
 * Keywords and units are rows of grammar/keywords.tsv and grammar/units.tsv, turned into rules
 * by tools/gen_tables.awk and included below.
 *
 * Four conditions keep units from being read anywhere but after a numeral:
 *   INIT   prose: keywords, numerals, names, dates, punctuation, and single code points as FILLER
 *   POST   just after a numeral: multipliers (万 亿), 余/多, units, ranges
 *   POSTU  just after a unit: 左右 以上 ..., ranges
 *   BARE   just after 近/约/逾/上 when 百/千/万 follows: 近千件 reads 千 as 1000
 * A character that does not fit POST, POSTU or BARE is scanned again in INIT.
 *
 * Keywords are included before the numeral rules so that on a tie (re2c takes the longest
 * match, then the first rule) a listed name wins: 十四五 is a NAME, not the numeral 15.
 * tests/lexer/cases.tsv is the table of forms this file must read; `make test-lexer` runs it.
 *
 * Water is never a greedy rule of the DFA: an unknown code point is one FILLER token, so no
 * keyword can be swallowed by a run of prose. Most code points of a report, though, start no
 * rule at all; cl_lex skips a run of those as one FILLER before entering the DFA (the run:
 * src/water_run.c). Which they are is read off this DFA at build time (tools/water_table.awk ->
 * build/water_table.c), so the fast path is exact by construction: a run ends before any code
 * point that could begin a token of its own. */
#include <stddef.h>
#include <string.h>

#include "lexer.h"
#include "number.h"
#include "utf8.h"
#include "water.h"

/*!types:re2c*/

void cl_lexer_init(cl_lexer *lx, const char *text, size_t len)
{
    lx->runs = true;
    lx->base = (const unsigned char *)text;
    lx->cur = lx->base;
    lx->mar = lx->base;
    lx->tok = lx->base;
    lx->lim = lx->base + len;
    lx->cond = CL_COND_INIT;
    lx->dry = NULL;
}

static cl_rt emit(cl_lexer *lx, cl_rawtok *t, cl_rt type)
{
    t->type = type;
    t->start = (uint32_t)(lx->tok - lx->base);
    t->end = (uint32_t)(lx->cur - lx->base);
    return type;
}

static cl_rt emit_id(cl_lexer *lx, cl_rawtok *t, cl_rt type, int id)
{
    t->id = id;
    return emit(lx, t, type);
}

static cl_rt cl_lex_unit(cl_lexer *lx, cl_rawtok *t, int row)
{
    return emit_id(lx, t, CL_RT_UNIT, row);
}

static cl_rt cl_lex_keyword(cl_lexer *lx, cl_rawtok *t, cl_kw_class cls, cl_kw_attr attr)
{
    t->attr = (int)attr;
    return emit_id(lx, t, CL_RT_KW, (int)cls);
}

/* A numeral: its value, or an overflow flag (the filter reports it). */
static cl_rt numeral(cl_lexer *lx, cl_rawtok *t, bool chinese)
{
    t->cn = chinese;
    t->overflow = chinese ? !cl_num_chinese(lx->tok, lx->cur, &t->num, &t->num_hi, &t->has_hi)
                          : !cl_num_arabic(lx->tok, lx->cur, &t->num);
    return emit(lx, t, CL_RT_NUM);
}

/* A numeral written with a minus sign (自然增长率-1.2‰): one sign character, then digits. */
static cl_rt signed_numeral(cl_lexer *lx, cl_rawtok *t)
{
    const unsigned char *digits = lx->tok + (*lx->tok == '-' ? 1 : 3);   /* - or − or － */
    t->overflow = !cl_num_arabic(digits, lx->cur, &t->num);
    t->num.neg = true;
    return emit(lx, t, CL_RT_NUM);
}

/* 首位 (居全市首位): the first place, after a ranking word. */
static cl_rt first_place(cl_lexer *lx, cl_rawtok *t)
{
    t->num.mant = 1;
    return emit(lx, t, CL_RT_ORD);
}

/* 百分之X (scale 0) and 千分之X (scale -1): the value is in percent. */
static cl_rt per_part(cl_lexer *lx, cl_rawtok *t, int scale)
{
    const unsigned char *digits = lx->tok + strlen("百分之");
    t->overflow = !cl_num_any(digits, lx->cur, &t->num) || !cl_dec_scale(&t->num, scale);
    return emit(lx, t, CL_RT_PCT);
}

/* X分之Y or X/Y: the value is Y/X (Chinese) or X/Y (Arabic) in percent. */
static cl_rt fraction(cl_lexer *lx, cl_rawtok *t, const char *sep, bool denominator_first)
{
    const unsigned char *mid = lx->tok;
    size_t n = strlen(sep);
    while (mid + n <= lx->cur && memcmp(mid, sep, n) != 0)
        mid++;
    cl_dec a, b;
    bool ok = cl_num_any(lx->tok, mid, &a) && cl_num_any(mid + n, lx->cur, &b);
    ok = ok && (denominator_first ? cl_num_percent_of(b, a, &t->num)
                                  : cl_num_percent_of(a, b, &t->num));
    t->overflow = !ok;
    return emit(lx, t, CL_RT_FRAC);
}

static cl_rt ordinal(cl_lexer *lx, cl_rawtok *t)
{
    const unsigned char *s = lx->tok + strlen("第"), *e = s;
    while (s < lx->cur && (*s == ' ' || *s == '\t'))
        s++;
    e = s;
    /* the numeral is the longest prefix that parses: digits, full-width digits or Chinese */
    cl_dec v = {0, 0, false};
    t->overflow = true;
    for (const unsigned char *p = lx->cur; p > s; p--) {
        if ((*p & 0xC0) == 0x80)
            continue;  /* not at a code point boundary */
        if (cl_num_any(s, p, &v)) {
            e = p;
            t->overflow = false;
            break;
        }
    }
    (void)e;
    t->num = v;
    return emit(lx, t, CL_RT_ORD);
}

cl_rt cl_lex(cl_lexer *lx, cl_rawtok *t)
{
    for (;;) {
        lx->tok = lx->cur;
        /* id, attr, cn, overflow, has_hi, num: a few wide stores */
        memset(&t->id, 0, offsetof(cl_rawtok, num) + sizeof t->num - offsetof(cl_rawtok, id));
        /* right after a run, the code point that ended it is known to start none */
        if (lx->cond == CL_COND_INIT && lx->runs && lx->cur != lx->dry) {
            const unsigned char *end = cl_water_run(lx->cur, lx->lim);
            if (end != lx->cur) {
                t->id = (int)((uint32_t)(end - lx->cur) / 3u);   /* code points: the filter counts prose by them */
                lx->cur = end;
                lx->dry = end;
                return emit(lx, t, CL_RT_FILLER);
            }
        }
/*!re2c
    re2c:api:style = free-form;
    re2c:define:YYCTYPE = "unsigned char";
    re2c:define:YYCURSOR = "lx->cur";
    re2c:define:YYMARKER = "lx->mar";
    re2c:define:YYLIMIT = "lx->lim";
    re2c:define:YYCTXMARKER = "lx->ctx";   // trailing context: 6.5 / 世界环境日
    re2c:define:YYGETCONDITION = "lx->cond";
    re2c:define:YYSETCONDITION = "lx->cond = @@;";
    re2c:condenumprefix = "CL_COND_";
    re2c:yyfill:enable = 0;   // the whole document is in memory
    re2c:eof = 0;             // ... followed by a NUL sentinel; NUL inside the text is data

    // a valid code point: re2c's [^] also takes the UTF-16 surrogates (ED A0..BF xx), which are
    // invalid in UTF-8 and must reach the `*` rule (an invalid-utf8 diagnostic)
    any       = [\x00-\ud7ff\ue000-\U0010ffff];
    ws        = [ \t\u3000\u00a0];
    nl        = "\r\n" | "\n" | "\r";
    dg        = [0-9\uff10-\uff19];
    point     = [.\uff0e];
    arabic    = dg+ (point dg+)? | dg{1,3} ("," dg{3})+ (point dg+)?;
    cnd       = [零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖];
    cnm       = [十拾百佰千仟万亿];
    // a capital digit alone is a word (队伍, 陆续): capitals count only in runs of two or more
    cnint     = [一二两三四五六七八九十] (cnd | cnm)* | [壹贰叁肆伍陆柒捌玖拾] (cnd | cnm)+;
    cn        = cnint ("点" cnd+)? | [零〇] "点" cnd+;
    cnsmall   = [一二三四五六七八九十]{1,3};
    year      = [12\uff11\uff12] dg{3} | [〇零一二三四五六七八九]{4};
    monthday  = dg{1,2} | [一二三四五六七八九十]{1,3};
    dash      = [-\uff0d\u2014\u2013~\uff5e\u301c] | "至" | "到";
    datesuf   = "底" | "初" | "末" | "中旬" | "上旬" | "下旬" | "份" | "中";
    day       = ws? monthday ws? [日号];
    month     = monthday ws? "月" day? datesuf?;
    sub       = [\u2080-\u2089\u2093];           // ₀-₉ and ₓ (NOₓ)
    latin     = [A-Za-z\uff21-\uff3a\uff41-\uff5a];  // half- and full-width
    ordsuf    = [位名轮批次届个期号条章节款项年周天家类级] | "季度" | "阶段" | "批次";
    session   = "全会" | "全体会议";
    ratiosep  = [:\uff1a\ufe30\u2236];         // : ： ︰ ∶
    minus     = [\-\u2212\uff0d];              // - − －

    <INIT, POST, POSTU, BARE> $ { return emit(lx, t, CL_RT_END); }

    // -- after a numeral ------------------------------------------------------------------
    <POST> ws+ { continue; }
    <POST> "百"  { return emit_id(lx, t, CL_RT_MULT, 2); }
    <POST> "千"  { return emit_id(lx, t, CL_RT_MULT, 3); }
    <POST> "万"  { return emit_id(lx, t, CL_RT_MULT, 4); }
    <POST> "十万" { return emit_id(lx, t, CL_RT_MULT, 5); }
    <POST> "百万" { return emit_id(lx, t, CL_RT_MULT, 6); }
    <POST> "千万" { return emit_id(lx, t, CL_RT_MULT, 7); }
    <POST> "亿"  { return emit_id(lx, t, CL_RT_MULT, 8); }
    <POST> "十亿" { return emit_id(lx, t, CL_RT_MULT, 9); }
    <POST> "百亿" { return emit_id(lx, t, CL_RT_MULT, 10); }
    <POST> "千亿" { return emit_id(lx, t, CL_RT_MULT, 11); }
    <POST> "万亿" { return emit_id(lx, t, CL_RT_MULT, 12); }
    <POST> "余" | "多" { return emit_id(lx, t, CL_RT_SUFFIX, CL_APPROX_MORE_THAN); }
    <POST, POSTU> dash => INIT { return emit(lx, t, CL_RT_RANGE); }
    <POST, POSTU> "左右" | "上下" => INIT { return emit_id(lx, t, CL_RT_SUFFIX, CL_APPROX_ABOUT); }
    <POST, POSTU> "以上" | "及以上" => INIT { return emit_id(lx, t, CL_RT_SUFFIX, CL_APPROX_AT_LEAST); }
    <POST, POSTU> "以下" | "及以下" | "以内" => INIT { return emit_id(lx, t, CL_RT_SUFFIX, CL_APPROX_AT_MOST); }
    <POSTU> ws+ { continue; }
    // words that begin with a classifier's character: 三部门 is no count of 部, 三位一体 no rank
    <POST> "部门" | "台账" | "项目" | "处理" | "处置" | "组织" | "座谈" | "场所" | "条件"
         | "条例" | "位一体" | "种类" | "名单" | "名录" | "口径" | "人民" | "批准" | "批复"
         | "期间" | "期限" | "件事" | "根本" => INIT { lx->cur = lx->tok; continue; }
    <POST, POSTU> * => INIT { lx->cur = lx->tok; continue; }

    !include "units.re.inc";

    !include "keywords.re.inc";   // before the numerals: on a tie 十四五 is a NAME, not 15
    // 分别比增5.1%和15.3%: a short 比上年增长, a direction only right before its numeral, so that
    // 可比增长 and 与上年比增长 keep their 比 (a comparison) and 增长
    <INIT> "比增" / ws? dg { return cl_lex_keyword(lx, t, CL_KW_DIR, CL_KA_UP); }
    // 在全省11个设区市中排第7位: 排 ranks only right before an ordinal (安排, 排放, 排查 do not)
    <INIT> "排" / ws? "第" { return cl_lex_keyword(lx, t, CL_KW_RANK, CL_KA_NONE); }

    // -- numerals ----------------------------------------------------------------------------
    <INIT> arabic => POST { return numeral(lx, t, false); }
    // 1,2345: the comma before four digits is no thousands separator
    <INIT> dg{1,3} / "," dg{4} => POST { return numeral(lx, t, false); }
    <INIT> cn => POST { return numeral(lx, t, true); }
    // a minus sign only where no numeral precedes (after one, a dash is a range: 3-5个)
    <INIT> minus arabic => POST { return signed_numeral(lx, t); }
    <INIT> [百千万] / [余多] => POST { return numeral(lx, t, true); }  // 百余家, 千余人
    // 近千件, 逾万人, 上百家: a bare place value counts only after an approximation word
    <INIT> ("近" | "约" | "将近" | "接近" | "上") / [百千万] => BARE
           { return cl_lex_keyword(lx, t, CL_KW_APPROX, CL_KA_ABOUT); }
    <INIT> ("逾" | "超" | "超过" | "突破") / [百千万] => BARE
           { return cl_lex_keyword(lx, t, CL_KW_APPROX, CL_KA_MORE_THAN); }
    <BARE> [百千万] => POST { return numeral(lx, t, true); }
    <BARE> * => INIT { lx->cur = lx->tok; continue; }
    <INIT> "百分之" (arabic | cn | "百") => POSTU { return per_part(lx, t, 0); }   // 百分之百
    <INIT> "千分之" (arabic | cn) => POSTU { return per_part(lx, t, -1); }
    <INIT> (cn | arabic) "分之" (cn | arabic) => POSTU { return fraction(lx, t, "分之", true); }
    <INIT> dg{1,4} "/" dg{1,4} => POSTU { return fraction(lx, t, "/", false); }

    // -- things with digits that are never quantities --------------------------------------
    <INIT> year ws? "年" "度"? month? datesuf? { return emit(lx, t, CL_RT_DATE); }
    <INIT> year ws? "年"? ws? dash ws? year ws? "年" "度"? { return emit(lx, t, CL_RT_DATE); }
    <INIT> year [-/.\uff0e] dg{1,2} [-/.\uff0e] dg{1,2} { return emit(lx, t, CL_RT_DATE); }
    <INIT> month { return emit(lx, t, CL_RT_DATE); }
    // 从04年的500多件下降到08年的400多件: a year of the 2000s written short, with its leading zero
    <INIT> "0" [1-9] ws? "年" { return emit(lx, t, CL_RT_DATE); }
    <INIT> monthday ws? dash ws? month { return emit(lx, t, CL_RT_DATE); }
    <INIT> monthday ws? [日号] { return emit(lx, t, CL_RT_DATE); }
    // a span of years up to now: 分别为35年来、20年来首次, 三年以来
    <INIT> (arabic | cnint) ws? "年" "以"? "来" { return emit(lx, t, CL_RT_DATE); }
    <INIT> dg{1,2} [:\uff1a] dg{2} ([:\uff1a] dg{2})? { return emit(lx, t, CL_RT_DATE); }
    <INIT> dg{1,2} [\u00b7\u2022\u30fb] dg{1,2} { return emit(lx, t, CL_RT_DATE); }
    // 三次产业结构为8.1︰38.6︰53.3: a ratio of three or more parts, one token the filter splits
    // (after the clock time above: 10:30:00 stays a time)
    <INIT> arabic (ws? ratiosep ws? arabic){2,} { return emit(lx, t, CL_RT_RATIO); }
    // voltage classes name equipment and projects: 500千伏输变电工程, 110kV变电站, ±800千伏
    <INIT> "\u00b1"? arabic ws? ("千伏" | "kV" | "KV" | "kv") { return emit(lx, t, CL_RT_NAME); }
    <INIT> "首位" { return first_place(lx, t); }
    <INIT> dg{1,2} point dg{1,2} / ("世界" | "国际" | "全国" | "中国" | "环境日" | "宣传日" | "纪念日" | "植树节")
           { return emit(lx, t, CL_RT_DATE); }
    <INIT> "第" ws? (dg+ | cn) ws? ordsuf? { return ordinal(lx, t); }
    <INIT> cnsmall "、" { return emit_id(lx, t, CL_RT_LIST, 1); }
    <INIT> [(\uff08] ws? cnsmall ws? [)\uff09] { return emit_id(lx, t, CL_RT_LIST, 2); }
    <INIT> dg{1,2} ws? [.\uff0e\u3001] { return emit_id(lx, t, CL_RT_LIST, 3); }
    // ... but 24、8微克 is an enumeration of numbers (3.5 is longer than 3. anyway)
    <INIT> dg{1,2} / ws? "\u3001" ws? dg => POST { return numeral(lx, t, false); }
    <INIT> [(\uff08] ws? dg{1,2} ws? [)\uff09] { return emit_id(lx, t, CL_RT_LIST, 4); }
    <INIT> [一二三四五六七八九十] "是" { return emit_id(lx, t, CL_RT_LIST, 5); }
    <INIT> latin+ (dg+ (point dg+)?)? ([-\uff0d] (dg+ | latin+))* (sub+ (point sub+)?)?
           ("_" ([A-Za-z0-9.]+ | "{" [A-Za-z0-9.]+ "}"))? latin*
           { return emit(lx, t, CL_RT_NAME); }
    <INIT> [Pp\uff30\uff50][Mm\uff2d\uff4d] ws dg+ (point dg+)? { return emit(lx, t, CL_RT_NAME); }
    // standards (GB 3095-2012, HJ/T 91-2002), document numbers, phone numbers, 1+1+N
    <INIT> [A-Z]{2,4} ("/" [A-Z]{1,2})? ws* dg+ (point dg+)? ws? [-\uff0d\u2014] ws? dg{2,4}
           { return emit(lx, t, CL_RT_NAME); }
    <INIT> dg{5,} ([/\-\uff0d] dg+)+ { return emit(lx, t, CL_RT_NAME); }
    <INIT> dg{3,4} [-\uff0d] dg{7,8} { return emit(lx, t, CL_RT_NAME); }
    <INIT> (dg+ | latin) (ws? [+\uff0b] ws? (dg+ | latin+))+ { return emit(lx, t, CL_RT_NAME); }
    <INIT> [345] "G" | [1-5] "A" ("级" | "景区" | "级景区") { return emit(lx, t, CL_RT_NAME); }
    // a size class is no amount: 5000吨级码头, 10万千瓦级机组
    <INIT> arabic ws? [万千]? ("吨" | "蒸吨" | "千瓦" | "兆瓦") "级" { return emit(lx, t, CL_RT_NAME); }
    // the ozone metric 日最大8小时平均, 24小时平均
    <INIT> "日"? "最大" ws? dg{1,2} ws? ("小时" | "h") "滑动"? "平均"? | dg{1,2} ws? "小时" "滑动"? "平均"
           { return emit(lx, t, CL_RT_NAME); }
    // round-the-clock work is no duration: 实行24小时巡查值守, 7×24小时在线监控
    <INIT> dg{1,2} ws? "小时" / ("巡查" | "值守" | "值班" | "监控" | "监测" | "在线" | "不间断"
                                | "服务" | "巡逻" | "全天候" | "轮班" | "响应" | "热线")
           { return emit(lx, t, CL_RT_NAME); }
    <INIT> dg ws? [\u00d7*] ws? dg{1,2} ws? "小时"? { return emit(lx, t, CL_RT_NAME); }   // 7×24小时
    // reservoir classes 小(一)型, 小（二）型: no list marker inside
    <INIT> [小中大] [(\uff08] [一二] [)\uff09] "型" { return emit(lx, t, CL_RT_NAME); }
    // meetings: 十二届四次(全会), 二十届三中全会, 五次全会
    <INIT> cnsmall "届" (cnsmall [中次])? session? | cnsmall [中次] session
           { return emit(lx, t, CL_RT_NAME); }
    // 三方协议, 二期工程: a party or a phase, not a count (12万方 and 培训班六期 still are)
    <INIT> [一二两三四五六七八九十] "方" { return emit(lx, t, CL_RT_FILLER); }
    <INIT> [一二两三四五六七八九十] "期" / ("工程" | "项目" | "扩建" | "建设" | "改造" | "工" | dg)
           { return emit(lx, t, CL_RT_FILLER); }
    <INIT> [\u2460-\u2473] { return emit_id(lx, t, CL_RT_LIST, 6); }   // ①..⑳
    <INIT> [\u2474-\u2487] { return emit_id(lx, t, CL_RT_LIST, 4); }   // ⑴..⒇
    <INIT> "\u201c" (any \ [\u201d\n\r\x00]){1,30} "\u201d" { return emit(lx, t, CL_RT_QUOTE); }
    <INIT> "\u300c" (any \ [\u300d\n\r\x00]){1,30} "\u300d" { return emit(lx, t, CL_RT_QUOTE); }
    <INIT> "\"" (any \ ["\n\r\x00]){1,30} "\"" { return emit(lx, t, CL_RT_QUOTE); }
    <INIT> "\u300a" (any \ [\u300b\n\r\x00]){1,80} "\u300b" { return emit(lx, t, CL_RT_TITLE); }
    <INIT> "[" (any \ [\]\n\r\x00]){0,60} "]" { return emit(lx, t, CL_RT_NAME); }
    <INIT> "##" [A-Za-z]+ "##" { return emit(lx, t, CL_RT_NAME); }

    // -- punctuation and water ------------------------------------------------------------
    <INIT> [,\uff0c] { return emit(lx, t, CL_RT_COMMA); }
    <INIT> "\u3001" { return emit(lx, t, CL_RT_ENUM); }
    <INIT> [\u3002\uff01\uff1f!?.] { return emit(lx, t, CL_RT_STOP); }
    <INIT> [;\uff1b] { return emit(lx, t, CL_RT_SEMI); }
    <INIT> [:\uff1a] { return emit(lx, t, CL_RT_COLON); }
    <INIT> "的" { return emit(lx, t, CL_RT_DE); }
    <INIT> nl { return emit(lx, t, CL_RT_NEWLINE); }
    <INIT> ws+ { return emit(lx, t, CL_RT_SPACE); }
    // tokens of their own that the filter reads: brackets end a subject, and 级 after a
    // quantity makes it a size class (5000吨级); neither may hide inside a run of water
    <INIT> [()[\]|\uff08\uff09\u3010\u3011]
           { t->id = 1; t->attr = CL_FILLER_BRACKET; return emit(lx, t, CL_RT_FILLER); }
    <INIT> "级" { t->id = 1; return emit(lx, t, CL_RT_FILLER); }
    <INIT> any { t->id = 1; return emit(lx, t, CL_RT_FILLER); }   // the catch-all (water_table.awk)
    <INIT> * { return emit(lx, t, CL_RT_INVALID); }
*/
    }
}

const char *cl_rt_name(cl_rt type)
{
    static const char *const names[CL_RT_COUNT_] = {  /* ORDER RT */
        "END", "FILLER", "SPACE", "NEWLINE", "INVALID", "NUM", "PCT", "FRAC", "MULT", "SUFFIX",
        "RANGE", "UNIT", "KW", "NAME", "DATE", "ORD", "LIST", "QUOTE", "TITLE", "COMMA", "ENUM",
        "STOP", "SEMI", "COLON", "DE", "RATIO"};
    return (unsigned)type < CL_RT_COUNT_ ? names[type] : "?";
}

/* One code point of a NAME, as the ASCII character it stands for, or 0 to copy it unchanged,
 * or -1 to drop it (the braces and underscore of PM_{2.5}, spaces). */
static int name_char(uint32_t cp)
{
    if (cp == '_' || cp == '{' || cp == '}' || cp == ' ' || cp == 0x3000)
        return -1;
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return (int)(cp - 0xFEE0);                 /* full-width ASCII */
    if (cp >= 0x2080 && cp <= 0x2089)
        return (int)('0' + cp - 0x2080);           /* ₀..₉ */
    if (cp == 0x2093)
        return 'x';                                /* ₓ */
    if (cp == 0x2070)
        return '0';
    if (cp >= 0x2074 && cp <= 0x2079)
        return (int)('0' + cp - 0x2070);           /* ⁴..⁹ */
    if (cp == 0xB9 || cp == 0xB2 || cp == 0xB3)
        return cp == 0xB9 ? '1' : cp == 0xB2 ? '2' : '3';
    return cp < 0x80 ? (int)cp : 0;
}

size_t cl_name_normalise(const unsigned char *s, const unsigned char *e, char *out, size_t cap)
{
    size_t n = 0;
    bool upper = false, digit = false;
    if (cap == 0)
        return 0;
    while (s < e) {
        /* the lexer has checked the UTF-8, so the lead byte gives the length */
        int len = *s < 0x80 ? 1 : *s < 0xE0 ? 2 : *s < 0xF0 ? 3 : 4;
        if (e - s < len)
            len = (int)(e - s);
        uint32_t cp = len == 1 ? *s
                    : len == 2 ? (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F)
                    : len == 3 ? (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F)
                               : (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12
                                     | (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
        int c = name_char(cp);
        if (c > 0 && n + 1 < cap) {
            out[n++] = (char)c;
            upper = upper || (c >= 'A' && c <= 'Z');
            digit = digit || (c >= '0' && c <= '9');
        } else if (c == 0 && n + (size_t)len < cap) {
            memcpy(out + n, s, (size_t)len);
            n += (size_t)len;
        }
        s += len;
    }
    out[n] = '\0';
    if (!upper && digit)   /* pm2.5, so2: a pollutant written all in lowercase */
        for (size_t i = 0; i < n; i++)
            if (out[i] >= 'a' && out[i] <= 'z')
                out[i] = (char)(out[i] - 'a' + 'A');
    return n;
}
