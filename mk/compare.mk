# mk/compare.mk — claimc compare (src/compare.c, src/compare_out.c): its tests.
#
#   test-compare   two years of a made-up city: agreement, a rounding tolerance and a real
#                  disagreement; table, CSV and JSON alike; errors; valgrind

.PHONY: test-compare
CHECK_PARTS += test-compare

test-compare: $(B)/claimc
	@tests/compare/run.sh $(B)/claimc $(B)/test-results.txt
