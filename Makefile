# Ágora: build, run, test, bench, install.  `make help` lists the targets.

CC		?= cc
PREFIX		?= /usr/local
DESTDIR		?=
PORT		?= 8080
-include Makefile.local

PKGS		 = jansson libsodium liburiparser libutf8proc libmariadb libargon2 inih \
		   gdlib libexif
PKG_CFLAGS	:= $(shell pkg-config --cflags $(PKGS) 2>/dev/null || echo -I/usr/include/mariadb)
PKG_LIBS	:= $(shell pkg-config --libs $(PKGS) 2>/dev/null || \
		   echo -ljansson -lsodium -luriparser -lutf8proc -lmariadb -largon2 -linih \
		   -lgd -lexif)
LIBS		 = -lfcgi -lmagic $(PKG_LIBS) -lpthread -lm

WARN		 = -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes \
		   -Wmissing-declarations -Wshadow -Wpointer-arith -Wcast-qual \
		   -Wwrite-strings -Wsign-compare -Wformat=2
CFLAGS		?= -O2 -g
CFLAGS		+= -std=c17 -D_GNU_SOURCE $(WARN) -fstack-protector-strong \
		   -Ilib $(PKG_CFLAGS) -MMD -MP
ifneq ($(WERROR),0)
CFLAGS		+= -Werror
endif
SAN		 = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

LIB_SRC		:= $(wildcard lib/*.c)
PROGS		:= $(patsubst cgi-bin/%.c,%,$(wildcard cgi-bin/*.c))
TOOLS		:= $(patsubst tools/%.c,%,$(wildcard tools/*.c))
CRONS		:= $(if $(wildcard cron/notifier.c),notifier)
CRON_OBJ	 = $(patsubst %.c,$(B)/%.o,$(wildcard cron/*.c))
UNIT_SRC	:= $(wildcard tests/unit/test-*.c)
FUZZ_SRC	:= $(wildcard tests/fuzz/fuzz-*.c)

B		 = build
LIB_OBJ		:= $(LIB_SRC:%.c=$(B)/%.o)
SAN_OBJ		:= $(LIB_SRC:%.c=$(B)/san/%.o)
BINS		:= $(PROGS:%=$(B)/cgi-bin/%) $(TOOLS:%=$(B)/tools/%) $(CRONS:%=$(B)/cron/%)
UNIT_BINS	:= $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
REPLAY_BINS	:= $(FUZZ_SRC:tests/fuzz/%.c=$(B)/tests/replay-%)

.PHONY: all help deps run start stop test test-unit bench fuzz install clean valgrind

all: $(BINS) ## build every program (default)

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' Makefile | sed 's/:.*## /\t/' | sort

deps: ## install what is missing from Debian's archive
	@sh etc/deps.sh

$(B)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/san/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -c $< -o $@

$(B)/libagora.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/libagora-san.a: $(SAN_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/cgi-bin/%: $(B)/cgi-bin/%.o $(B)/libagora.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

$(B)/tools/%: $(B)/tools/%.o $(B)/libagora.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

$(B)/cron/notifier: $(CRON_OBJ) $(B)/libagora.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

$(B)/tests/test-%: tests/unit/test-%.c $(B)/libagora-san.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -Itests/unit -o $@ $< $(B)/libagora-san.a $(LIBS)

$(B)/tests/replay-%: tests/fuzz/%.c tests/fuzz/replay.c $(B)/libagora-san.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -o $@ $< tests/fuzz/replay.c $(B)/libagora-san.a $(LIBS)

$(B)/tests/spec: tests/tpl/spec.c $(B)/libagora-san.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -o $@ $< $(B)/libagora-san.a $(LIBS)

$(B)/tests/golden: tests/tpl/golden.c $(B)/libagora-san.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN) -o $@ $< $(B)/libagora-san.a $(LIBS)

test-bins: $(UNIT_BINS) $(REPLAY_BINS) $(B)/tests/spec $(B)/tests/golden

run: deps all ## build, start everything on 127.0.0.1:$(PORT) in the foreground; Ctrl-C stops it
	@sh etc/stack.sh run

start: deps all ## the same stack in the background; returns once /health answers 200
	@sh etc/stack.sh start

stop: ## stop what `make start` started
	@sh etc/stack.sh stop

test: ## every test layer; prints "N passed, N failed"
	@DEPS_EXTRA="nodejs npm chromium" sh etc/deps.sh
	@$(MAKE) --no-print-directory -j2 all test-bins WERROR=1
	@sh tests/run.sh

bench: deps all ## load the main routes with wrk beside nginx's static ceiling
	@$(MAKE) --no-print-directory -C bench
	@sh bench/run.sh

fuzz: ## run every fuzz target for FUZZ_SECONDS (default 60) each
	@sh tests/fuzz/run.sh $${FUZZ_SECONDS:-60}

valgrind: all test-bins ## the unit tests under valgrind
	@VALGRIND=1 sh tests/run.sh unit

install: all ## install programs, templates, static files, migrations, deploy files
	install -d $(DESTDIR)$(PREFIX)/lib/agora/cgi-bin $(DESTDIR)$(PREFIX)/bin \
	    $(DESTDIR)$(PREFIX)/share/agora $(DESTDIR)/etc/agora
	install -m 755 $(PROGS:%=$(B)/cgi-bin/%) $(DESTDIR)$(PREFIX)/lib/agora/cgi-bin/
	$(if $(CRONS),install -m 755 $(CRONS:%=$(B)/cron/%) $(DESTDIR)$(PREFIX)/lib/agora/)
	install -m 755 $(TOOLS:%=$(B)/tools/%) $(DESTDIR)$(PREFIX)/bin/
	cp -R templates static sql nginx $(DESTDIR)$(PREFIX)/share/agora/
	install -m 644 etc/common-passwords.txt $(DESTDIR)$(PREFIX)/share/agora/
	install -m 644 etc/agora.conf.sample $(DESTDIR)/etc/agora/agora.conf.sample
	install -d $(DESTDIR)/lib/systemd/system $(DESTDIR)/etc/cron.d
	install -m 644 etc/systemd/agora@.service etc/systemd/agora@.socket $(DESTDIR)/lib/systemd/system/
	install -m 644 etc/cron.d/agora $(DESTDIR)/etc/cron.d/agora

clean: ## remove build output (keeps var/ data)
	rm -rf $(B)

-include $(LIB_OBJ:.o=.d) $(SAN_OBJ:.o=.d) $(wildcard $(B)/cgi-bin/*.d $(B)/tools/*.d \
    $(B)/cron/*.d $(B)/tests/*.d)
