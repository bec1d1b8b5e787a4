# mk/tsan.mk — ThreadSanitizer: the library and the CLI built with -fsanitize=thread, run with
# --jobs 4 over hundreds of files and thousands of records; and --jobs never changes a byte.
#
#   make test-parallel   tests/run_parallel.sh: any TSan report fails; -j1 = -j2 = -j4; the
#                        library's threads (cl_batch) and cl_extract from 4 threads, the way
#                        the Python package and its Dask partitions call the library
#
# The TSan build has a directory of its own, build/tsan/, like build/asan/ (mk/reliability.mk);
# the re2c lexer is compiled at -O0 there too (clang takes minutes to optimise it instrumented).

CHECK_PARTS += test-parallel

TSAN_CC ?= clang-14
TS      := $(B)/tsan
TSAN_FLAGS = $(if $(filter lexer,$(basename $(notdir $<))),-O0,-O1) -g -fno-omit-frame-pointer \
             -fsanitize=thread
TS_OBJ  := $(patsubst %.c,$(TS)/obj/%.o,$(notdir $(LIB_SRC) $(GEN_SRC)))
TS_CLI  := $(patsubst %.c,$(TS)/obj/%.o,$(notdir $(CLI_SRC)))

$(TS)/obj/%.o: src/%.c | $(TS)/obj $(GEN_HDR)
	$(TSAN_CC) $(CPPFLAGS) $(WARN) $(TSAN_FLAGS) $(CJSON_CFLAGS) -MMD -MP -c -o $@ $<
$(TS)/obj/%.o: $(B)/%.c | $(TS)/obj
	$(TSAN_CC) $(CPPFLAGS) $(WARN) $(TSAN_FLAGS) $(CJSON_CFLAGS) -MMD -MP -c -o $@ $<
$(TS)/claimc: $(TS_CLI) $(TS_OBJ)
	$(TSAN_CC) -fsanitize=thread -o $@ $^ $(LDLIBS)
# the library's threads and the Python binding's way in (cl_batch, cl_extract)
$(TS)/tsan_batch: tests/tsan_batch.c $(TS_OBJ)
	$(TSAN_CC) $(CPPFLAGS) $(WARN) $(TSAN_FLAGS) $(CJSON_CFLAGS) -o $@ $^ $(LDLIBS)
$(TS)/obj:
	mkdir -p $@
-include $(wildcard $(TS)/obj/*.d)

.PHONY: test-parallel
test-parallel: $(TS)/claimc $(TS)/tsan_batch $(B)/claimc
	@tools/ensure-packages.sh test
	@tests/run_parallel.sh $(TS)/claimc $(B)/claimc $(RESULTS) $(TS)/tsan_batch
