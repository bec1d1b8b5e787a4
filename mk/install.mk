# mk/install.mk — the shared library, the pkg-config file, make install / uninstall, and the
# tests of what a user gets: the installed library (examples/ built against it), the JSON
# Schema, and the man page.
#
#   make shared                            build/libclaimc.so.0.1.0 (soname libclaimc.so.0)
#   make install [PREFIX=/usr/local] [DESTDIR=]   binary, both libraries, header, .pc, man page,
#                                          the JSON Schema (share/claimc/claims.schema.json)
#   make uninstall [PREFIX=...] [DESTDIR=]
#
# Symbol hiding: the PIC objects are compiled with -fvisibility=hidden and the header marks
# every public declaration CLAIMC_API (visibility "default"). Chosen over a linker version
# script because the header stays the one list of exports (a version script would repeat it,
# and a `cl_*` wildcard would also export internals such as cl_arena_* and cl_claim_json),
# and because hidden symbols let the compiler bind calls inside the library directly instead
# of through the PLT. test-install checks the exported set equals the header's functions.

PREFIX      ?= /usr/local
BINDIR      ?= $(PREFIX)/bin
LIBDIR      ?= $(PREFIX)/lib
INCLUDEDIR  ?= $(PREFIX)/include
DATADIR     ?= $(PREFIX)/share
MANDIR      ?= $(DATADIR)/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
INSTALL     ?= install

# The version lives in include/claimc.h (CLAIMC_VERSION); the soname carries its major part.
CLAIMC_VER := $(shell sed -n 's/^\#define CLAIMC_VERSION "\([0-9.]*\)".*/\1/p' include/claimc.h)
SOMAJOR    := $(firstword $(subst ., ,$(CLAIMC_VER)))
SONAME     := libclaimc.so.$(SOMAJOR)
SHLIB      := $(B)/libclaimc.so.$(CLAIMC_VER)

# The archive's objects (LIB_OBJ: the Makefile's, plus mk/formats.mk's, included before this
# file), compiled a second time into build/pic/.
PIC := $(B)/pic
PIC_OBJ := $(patsubst $(O)/%.o,$(PIC)/%.o,$(LIB_OBJ))

.PHONY: shared install uninstall test-install test-schema test-man FORCE
all: shared

shared: $(SHLIB) $(B)/libclaimc.so $(B)/claimc.pc

# -- the shared library: every library source a second time, position independent ------------
# Order-only on the generated sources: the library's C files include the Bison header.
$(PIC)/%.o: src/%.c | $(PIC) $(GEN_SRC) $(B)/claims.tab.h $(GEN_HDR)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -c -o $@ $<

$(PIC)/%.o: $(B)/%.c | $(PIC) $(GEN_SRC) $(B)/claims.tab.h
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -c -o $@ $<

# --no-undefined: the .so must name every library it needs (libcjson), or programs linking
# it would fail later with an unresolved symbol.
$(SHLIB): $(PIC_OBJ)
	$(CC) -shared $(CFLAGS) $(LDFLAGS) -Wl,-soname,$(SONAME) -Wl,--no-undefined \
	    -o $@ $^ $(LDLIBS)

# The development and runtime links, as install makes them, so build/ works with -Lbuild.
$(B)/libclaimc.so: $(SHLIB)
	ln -sf $(notdir $(SHLIB)) $(B)/$(SONAME)
	ln -sf $(SONAME) $@

$(PIC):
	mkdir -p $@

-include $(wildcard $(PIC)/*.d)

# -- pkg-config: regenerated whenever PREFIX, LIBDIR or INCLUDEDIR change ---------------------
PC_VARS := $(PREFIX)|$(LIBDIR)|$(INCLUDEDIR)|$(CLAIMC_VER)
$(B)/pc-vars: FORCE | $(B)
	@echo '$(PC_VARS)' | cmp -s - $@ || echo '$(PC_VARS)' > $@

# ${prefix}-relative paths keep the file relocatable with --define-prefix.
$(B)/claimc.pc: claimc.pc.in $(B)/pc-vars
	sed -e 's|@PREFIX@|$(PREFIX)|g' \
	    -e 's|@LIBDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))|g' \
	    -e 's|@INCLUDEDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))|g' \
	    -e 's|@VERSION@|$(CLAIMC_VER)|g' $< > $@

FORCE:

# -- install / uninstall ----------------------------------------------------------------------
# No ldconfig here: with DESTDIR it would touch the build machine's cache. After a real
# install into a system directory, run ldconfig once.
install: $(B)/claimc $(B)/libclaimc.a $(SHLIB) $(B)/claimc.pc doc/claimc.1 \
         schema/claims.schema.json
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/claimc
	$(INSTALL) -m 755 $(B)/claimc $(DESTDIR)$(BINDIR)/claimc
	$(INSTALL) -m 644 $(B)/libclaimc.a $(DESTDIR)$(LIBDIR)/libclaimc.a
	$(INSTALL) -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/$(notdir $(SHLIB))
	ln -sf $(notdir $(SHLIB)) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libclaimc.so
	$(INSTALL) -m 644 include/claimc.h $(DESTDIR)$(INCLUDEDIR)/claimc.h
	$(INSTALL) -m 644 $(B)/claimc.pc $(DESTDIR)$(PKGCONFIGDIR)/claimc.pc
	$(INSTALL) -m 644 doc/claimc.1 $(DESTDIR)$(MANDIR)/man1/claimc.1
	$(INSTALL) -m 644 schema/claims.schema.json $(DESTDIR)$(DATADIR)/claimc/claims.schema.json

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/claimc $(DESTDIR)$(LIBDIR)/libclaimc.a \
	    $(DESTDIR)$(LIBDIR)/$(notdir $(SHLIB)) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	    $(DESTDIR)$(LIBDIR)/libclaimc.so $(DESTDIR)$(INCLUDEDIR)/claimc.h \
	    $(DESTDIR)$(PKGCONFIGDIR)/claimc.pc $(DESTDIR)$(MANDIR)/man1/claimc.1 \
	    $(DESTDIR)$(DATADIR)/claimc/claims.schema.json
	rmdir $(DESTDIR)$(DATADIR)/claimc 2>/dev/null || true

# -- tests ------------------------------------------------------------------------------------
CHECK_PARTS += test-install test-schema test-man

test-install: $(B)/claimc $(B)/libclaimc.a $(SHLIB) $(B)/claimc.pc
	@MAKE="$(MAKE)" CC="$(CC)" SONAME=$(SONAME) SHLIB=$(SHLIB) \
	    tests/run_install.sh $(B)/test-results.txt

test-schema: $(B)/claimc
	@tests/run_schema.sh $(B)/claimc $(B)/test-results.txt

test-man: $(B)/claimc
	@tests/run_man.sh $(B)/claimc $(B)/test-results.txt
