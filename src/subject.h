/* subject.h — what a claim is about: the subject's span, from the prose around its tokens. */
#ifndef CL_SUBJECT_H
#define CL_SUBJECT_H

#include "sentence.h"
#include "text.h"

/* S without the particles and spaces at either end that belong to no subject (的 在 对 …). */
cl_span cl_subject_trim(const cl_doc *doc, cl_span s);
/* The subject S of a claim of CTX's sentence made a complete noun phrase: trimmed, its ends
 * on word boundaries, over keywords inside the phrase, without verbs at either end
 * (subject_bounds.c). */
cl_span cl_subject_resolve(const cl_ctx *ctx, cl_span s);
/* The subject S of a claim of KIND (of quantity Q) as it is made: resolved (cl_subject_resolve); where it names
 * no metric (可比, 两年平均, 同期; for a rate, change or rank a reference such as 年初预算), or is
 * empty for a rate after a reference's amount (占年初预算10065万元的43.2%), the metric of the
 * sentence's claim before it. *OWN: S resolved, the claim's own words, for its text;
 * *COMPLETION: the rate is a share of a budget (完成年度预算105.9%), its indicator budget_completion. */
cl_span cl_subject_settle(const cl_ctx *ctx, const cl_stok *q, cl_span s, cl_kind kind, cl_span *own,
                          bool *completion);
/* The name that ends with a bracket right before AT (in the clause from CLAUSE), resolved:
 * 地区生产总值(GDP)439.19亿元 (the filter ends the prose before a value at a bracket), or empty
 * when no bracket closes there or it holds a value (全国(5.4%)0.1个百分点). */
cl_span cl_subject_bracketed(const cl_ctx *ctx, uint32_t at, uint32_t clause);
/* S, the subject of Q's claim, without the places a count before it names (339个地级及以上城市
 * 平均优良天数比例 -> 平均优良天数比例): the metric is stated over them. */
cl_span cl_subject_after_places(const cl_ctx *ctx, const cl_stok *q, cl_span s);
/* The prose right before AT in its clause, as the lexer sees it: the subject a comparison at AT
 * is about (全市PM2.5浓度低于… -> PM2.5浓度), or an empty span. */
cl_span cl_subject_prose_before(const cl_ctx *ctx, uint32_t at);
/* The subject before the verb that ends right before AT, for a value whose own words name
 * nothing: the prose before a verb of completion (全县一般公共预算收入|预计完成|81000万元, 城市低保
 * |新增|276户); with ACTION (a count or a sum), an action verb and its short object or the verb
 * before it (环评审批|82个, 关停取缔|105家, 罚款|376万元). Resolved, or an empty span. */
cl_span cl_subject_before_verb(const cl_ctx *ctx, uint32_t at, bool action);
/* S with the words of a budget item's name that the lexer cut off around it taken back in: a
 * total before its value (收入|合计55.60亿元); *PERIOD the start of the period a balance was
 * carried from (上年|结余), or S's start (subject_items.c). */
cl_span cl_subject_item_name(const cl_doc *doc, cl_span s, uint32_t *period);
/* Whether cl_subject_item_name may change S: a balance's name is two to four characters, a
 * total word two characters before a digit. Most subjects are neither: no call. */
static inline bool cl_subject_item_may(const cl_doc *doc, cl_span s)
{
    uint32_t n = s.end > s.start ? s.end - s.start : 0;
    return (n >= 6 && n <= 12) || (doc->len - s.end > 6 && doc->text[s.end + 6] >= '0' && doc->text[s.end + 6] <= '9');
}
/* Whether the N bytes at P start with a word of LIST (Chinese words). */
bool cl_subject_starts_any(const char *p, size_t n, const cl_word *list);
/* Whether S is a growth word alone (增速, 增幅: 增速高于全市平均水平), the rate of the metric
 * before it rather than a metric of its own. */
bool cl_subject_is_growth(const cl_doc *doc, cl_span s);
/* Whether S names a metric: it ends with 率, 比例, 浓度, 指数 … */
bool cl_subject_names_metric(const cl_doc *doc, cl_span s);
/* The subject of quantity Q on its own: counts name their things on either side
 * (检查企业564家 | 132个长江入河排污口), other quantities on the left. */
cl_span cl_subject_of(const cl_ctx *ctx, const cl_stok *q);
/* The prose of token AT's clause split at 、和及 (O3、NO2、CO分别…): the number of parts put in
 * OUT (at most MAX), or 0 when a quantity stands in the clause. */
int cl_subject_split(const cl_ctx *ctx, int at, cl_span *out, int max);
/* The N subjects of a distributive draft at token DISTR: its clause's list, or the subjects of
 * the N claims just before (since FIRST_CLAIM, the sentence's first). */
void cl_subject_distributive(cl_ctx *ctx, int distr, int n, size_t first_claim, cl_span *out);
/* The subject of the sentence's last claim so far (优良率为82.3%，同比提升2.3%), or none. */
cl_span cl_subject_previous(const cl_ctx *ctx, size_t first_claim);

#endif
