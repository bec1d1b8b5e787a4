# mk/formats.mk — CSV, HTML and `claimc check`: their library objects and their tests.
#
#   test-formats  CSV against JSONL field by field; GNU parallel over 5,000 records = serial
#   test-check    claimc check on built cases (tests/check/*.txt) and on the corpus
#   test-html     the page rendered by headless Chromium: a mark for every claim; screenshot
#   test-manners  --help, the progress bar (silent off a terminal, drawn on one via script -qc)

FORMATS_SRC := src/emit_csv.c src/emit_html.c src/check.c
FORMATS_OBJ := $(patsubst src/%.c,$(O)/%.o,$(FORMATS_SRC))

# The library's objects are listed in the Makefile's LIB_SRC; these are added to the archive
# here too, so the build works whether or not LIB_SRC names them yet ($^ holds each once).
LIB_SRC += $(filter-out $(LIB_SRC),$(FORMATS_SRC))
LIB_OBJ += $(filter-out $(LIB_OBJ),$(FORMATS_OBJ))
$(B)/libclaimc.a: $(FORMATS_OBJ)

CHECK_PARTS += test-formats test-check test-html test-manners

.PHONY: test-formats test-check test-html test-manners

test-formats: $(B)/claimc
	@tests/formats/run.sh $(B)/claimc $(B)/test-results.txt

test-check: $(B)/claimc
	@tests/check/run.sh $(B)/claimc $(B)/test-results.txt

test-html: $(B)/claimc
	@tests/html/run.sh $(B)/claimc $(B)/test-results.txt

test-manners: $(B)/claimc
	@tests/formats/manners.sh $(B)/claimc $(B)/test-results.txt
