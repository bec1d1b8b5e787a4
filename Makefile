# Makefile — claimc: build, set-up, tests and benchmarks.
#
#   make            build build/claimc and build/libclaimc.a (installing missing packages as root)
#   make run        parse corpus/ and print the AST
#   make check      every test; ends with "N passed, N failed"
#   make eval       precision and recall on tests/eval/
#   make bench      throughput table (not part of check)
#   make grammar-report   Bison's report with counterexamples
#   make regen-golden     rewrite the corpus goldens for review (git diff them claim by claim)
#
# Generated C (re2c, Bison, the unit and keyword tables) lives in build/ and is never committed.

CC      ?= cc
RE2C    ?= re2c
BISON   ?= bison
PKG_CONFIG ?= pkg-config

B       := build
O       := $(B)/obj
CJSON_CFLAGS = $(shell $(PKG_CONFIG) --cflags libcjson 2>/dev/null)
CJSON_LIBS   = $(shell $(PKG_CONFIG) --libs libcjson 2>/dev/null || echo -lcjson)

WARN     := -std=c11 -Wall -Wextra -Werror
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -Iinclude -Isrc -I$(B)
CFLAGS   ?= -O2 -g
ALL_CFLAGS = $(WARN) $(CFLAGS) $(CJSON_CFLAGS) -MMD -MP
# uchardet is not linked: src/decode.c loads it on first need (dlopen), see there
LDLIBS   += $(CJSON_LIBS) -ldl -lpthread -lm

RE2CFLAGS  := -c -8 --input-encoding utf8 -W -Werror --no-generation-date --no-version \
              -I $(B) -I grammar -I /usr/share/re2c/stdlib
BISONFLAGS := -Wall -Werror

CLI_SRC := src/cli.c src/main.c
# the writers as they were before the writer core: the tests' oracle, never in the library
ORACLE_SRC := $(wildcard tests/oracle/*.c)
LIB_SRC := $(filter-out $(CLI_SRC),$(wildcard src/*.c))   # every other module is the library
GEN_SRC := $(B)/lexer.c $(B)/claims.tab.c $(B)/units_table.c $(B)/water_table.c $(B)/script_table.c \
           $(B)/lexicon_table.c $(B)/indicators_table.c $(B)/subject_words_table.c $(B)/words_table.c \
           $(B)/pinyin_table.c
# generated headers the library's C files include: every compile waits for them (order-only)
GEN_HDR := $(B)/words_table.h
LIB_OBJ := $(patsubst src/%.c,$(O)/%.o,$(LIB_SRC)) $(patsubst $(B)/%.c,$(O)/%.o,$(GEN_SRC))
CLI_OBJ := $(patsubst src/%.c,$(O)/%.o,$(CLI_SRC))

.PHONY: all deps run check test-unit test-corpus eval bench grammar-report regen-golden clean
.DEFAULT_GOAL := all

all: deps $(B)/claimc $(B)/libclaimc.a

# -- set-up: the packages the build and the tests need ------------------------------------------

# Every generator and compiler step waits for it (order-only), so `make -j` on a fresh machine
# installs the tools before it calls them.
deps:
	@tools/ensure-packages.sh build

# -- generated sources ------------------------------------------------------------------------
$(B)/units.re.inc $(B)/units_table.c &: grammar/units.tsv tools/gen_tables.awk | $(B) deps
	awk -v mode=units -v out=$(B)/units -f tools/gen_tables.awk grammar/units.tsv

$(B)/keywords.re.inc: grammar/keywords.tsv tools/gen_tables.awk | $(B) deps
	awk -v mode=keywords -v out=$(B)/keywords -f tools/gen_tables.awk grammar/keywords.tsv

$(B)/lexer.c: grammar/lexer.re $(B)/units.re.inc $(B)/keywords.re.inc | $(B) deps
	$(RE2C) $(RE2CFLAGS) --depfile $(B)/lexer.d -o $@ $<

# The lexer's DFA as a graph, read by tools/water_table.awk for the code points that start no
# rule (the lexer's fast path over prose).
$(B)/water_table.c: grammar/lexer.re $(B)/units.re.inc $(B)/keywords.re.inc tools/water_table.awk | $(B) deps
	$(RE2C) $(RE2CFLAGS) -D -o $(B)/lexer.dot $<
	awk -f tools/water_table.awk $(B)/lexer.dot > $@.tmp
	mv $@.tmp $@

# OpenCC's traditional <-> simplified tables, one character at a time (src/script.c). Only the
# generator links OpenCC: claimc itself carries the table.
OPENCC_DIR ?= /usr/share/opencc
$(B)/script_table.c: tools/script_table.c | $(B) deps
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -o $(B)/script_table $< $$($(PKG_CONFIG) --libs opencc 2>/dev/null || echo -lopencc)
	$(B)/script_table $(OPENCC_DIR)/t2s.json $(OPENCC_DIR)/s2t.json > $@.tmp
	mv $@.tmp $@

# The words of Chinese (friso-dict, a Debian package of the friso segmenter's lexicon) as a hash
# set for the subject resolver's word boundaries (src/lexicon.c; README: why a table).
LEXICON ?= /usr/share/friso/dict/UTF-8/lex-main.lex
# grammar/lexicon_extra.txt adds the words of government reports that friso lacks (占比).
$(B)/lexicon_table.c: $(LEXICON) grammar/lexicon_extra.txt tools/gen_lexicon.awk tools/charbits.awk | $(B) deps
	{ cut -d/ -f1 $(LEXICON); grep -v '^#' grammar/lexicon_extra.txt; } | LC_ALL=C sort -u | LC_ALL=C awk -f tools/charbits.awk -f tools/gen_lexicon.awk > $@.tmp
	mv $@.tmp $@

# The subject resolver's word lists (src/subject_bounds.c).
$(B)/subject_words_table.c: grammar/subject_words.tsv tools/gen_subject_words.awk tools/charbits.awk | $(B) deps
	LC_ALL=C awk -f tools/charbits.awk -f tools/gen_subject_words.awk grammar/subject_words.tsv > $@.tmp
	mv $@.tmp $@

# The indicator table: canonical ids of what subjects measure (src/indicator.c), with the
# traditional spellings of its names (opencc: mainland, Taiwan and Hong Kong forms).
IND_VARIANTS := s2t s2tw s2hk
$(B)/indicators_table.c: grammar/indicators.tsv tools/gen_indicators.awk tools/charbits.awk | $(B) deps
	for c in $(IND_VARIANTS); do opencc -c $$c -i grammar/indicators.tsv -o $(B)/indicators.$$c.tsv || exit 1; done
	LC_ALL=C awk -f tools/charbits.awk -f tools/gen_indicators.awk grammar/indicators.tsv \
	    $(patsubst %,$(B)/indicators.%.tsv,$(IND_VARIANTS)) > $@.tmp
	mv $@.tmp $@

# The rules' word lists (money words, plan titles, the check's words ...): src/*.c include
# build/words_table.h and read cl_words_NAME.
$(B)/words_table.c $(B)/words_table.h &: grammar/words.tsv tools/gen_words.awk | $(B) deps
	awk -v out=$(B)/words_table.tmp -f tools/gen_words.awk grammar/words.tsv
	mv $(B)/words_table.tmp.h $(B)/words_table.h
	mv $(B)/words_table.tmp.c $(B)/words_table.c

# The syllables of Mandarin: what a pinyin gloss after a character is made of (src/gloss.c).
$(B)/pinyin_table.c: grammar/pinyin.tsv tools/gen_pinyin.sh | $(B) deps
	sh tools/gen_pinyin.sh grammar/pinyin.tsv > $@.tmp
	mv $@.tmp $@

$(B)/claims.tab.c $(B)/claims.tab.h &: grammar/claims.y | $(B) deps
	$(BISON) $(BISONFLAGS) -H$(B)/claims.tab.h -o $(B)/claims.tab.c $<

-include $(B)/lexer.d

# -- objects, library, program ----------------------------------------------------------------
$(O)/%.o: src/%.c | $(O) deps $(GEN_HDR)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(O)/%.o: $(B)/%.c | $(O) deps
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<


$(B)/libclaimc.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/claimc: $(CLI_OBJ) $(B)/libclaimc.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libclaimc.a $(LDLIBS)

$(B) $(O):
	mkdir -p $@

-include $(wildcard $(O)/*.d)

# -- running ----------------------------------------------------------------------------------
# The build's log goes to stderr, so `make run | jq .` reads only the ASTs.
run:
	@$(MAKE) --no-print-directory all >&2
	@$(B)/claimc corpus/*.txt corpus/genres/*.txt

# -- tests ------------------------------------------------------------------------------------
include mk/tests.mk
-include $(filter-out mk/tests.mk,$(wildcard mk/*.mk))

grammar-report: $(B)/claims.tab.c
	$(BISON) $(BISONFLAGS) -Wcounterexamples --report=all --report-file=$(B)/claims.output \
	    -o $(B)/report.tab.c grammar/claims.y
	@echo "report: $(B)/claims.output"

clean:
	rm -rf $(B)
