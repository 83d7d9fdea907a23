# The two commands a newcomer runs: `make demo` and `make test`.
BUILD ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
GOLIVE := $(BUILD)/golive
DEMO_AS_OF ?= 2026-12-04T12:00:00+08:00
PREFIX ?= /usr/local
# The other build types: golive and its network module (what a packager builds) compiled,
# not tested, with -Werror by `make build-types`, which `make test` runs in CI (CI=true) so
# that no build type breaks unnoticed. RelWithDebInfo is compiled there without its -g: debug
# information changes no warning (the optimisation level does) and costs a third of the
# compile time. See docs/ci.md for what each step costs.
# In CI the sanitized build below is the Debug build (compiled with -Werror like the others),
# so Debug is not compiled a second time.
CHECK_BUILD_TYPES ?= $(if $(filter true,$(CI)),yes,)
# The sanitized build: Debug, -fsanitize=address,undefined, every finding fatal, the whole
# suite run on it. `make test` runs it after the Release suite in CI (CI=true), or when
# RUN_SANITIZED=yes; `make test-sanitize` runs it alone.
SANITIZE_BUILD ?= build-asan
RUN_SANITIZED ?= $(if $(filter true,$(CI)),yes,)
OTHER_BUILD_TYPES ?= $(if $(RUN_SANITIZED),,Debug) RelWithDebInfo MinSizeRel
# `make fuzz`: the libFuzzer target, built with clang into FUZZ_BUILD, run FUZZ_SECONDS from
# the plans in FUZZ_SEEDS (directories that do not exist are left out); new inputs it finds
# go to FUZZ_BUILD/corpus, a crashing input to FUZZ_BUILD/crash-*.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_SEEDS ?= examples tests/hostile tests/fixtures/reports tests/fixtures/cli tests/fixtures/plans fuzz/regressions

.PHONY: all deps test-deps build demo test test-sanitize build-types install deb fuzz clean bench-deps bench

all: build

deps:
	@bash .ci/install-deps build

test-deps:
	@bash .ci/install-deps test

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@bash examples/demo.sh $(GOLIVE) $(DEMO_AS_OF)

test: test-deps build
	@if [ -n "$(CHECK_BUILD_TYPES)" ]; then $(MAKE) --no-print-directory build-types; fi
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@if [ -n "$(RUN_SANITIZED)" ]; then $(MAKE) --no-print-directory test-sanitize; fi

# The whole suite again, built at Debug with AddressSanitizer and UndefinedBehaviorSanitizer
# in $(SANITIZE_BUILD)/. Any report is fatal (halt_on_error), so a finding fails its test.
test-sanitize: test-deps
	@start=$$(date +%s); \
	cmake -S . -B $(SANITIZE_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGOLIVE_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null && \
	cmake --build $(SANITIZE_BUILD) -j $(JOBS) && \
	echo "== sanitized build in $$(( $$(date +%s) - start ))s" && start=$$(date +%s) && \
	cd $(SANITIZE_BUILD) && ctest --output-on-failure -j $(JOBS); rc=$$?; \
	echo "== sanitized suite in $$(( $$(date +%s) - start ))s"; exit $$rc

build-types: deps
	@set -e; for type in $(OTHER_BUILD_TYPES); do \
	  dir=$(BUILD)-$$(echo $$type | tr A-Z a-z); \
	  echo "== $$type build in $$dir"; start=$$(date +%s); \
	  cmake -S . -B $$dir -G Ninja -DCMAKE_BUILD_TYPE=$$type -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -DNDEBUG" \
	    $(CMAKE_FLAGS) >/dev/null; \
	  cmake --build $$dir -j $(JOBS) --target golive golive-net; \
	  echo "== $$type built in $$(( $$(date +%s) - start ))s"; \
	done

fuzz:
	@bash .ci/install-deps fuzz
	cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DGOLIVE_FUZZ=ON -DGOLIVE_WERROR=OFF $(CMAKE_FLAGS) >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target golive_fuzz
	@mkdir -p $(FUZZ_BUILD)/corpus
	cd $(FUZZ_BUILD) && ./golive_fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -max_len=65536 -print_final_stats=1 corpus $(foreach d,$(FUZZ_SEEDS),$(if $(wildcard $(d)),$(CURDIR)/$(d)))

# Installs under PREFIX (default /usr/local), binaries stripped.
install: build
	cmake --install $(BUILD) --prefix $(PREFIX) --strip

# The Debian package, built into $(BUILD)/ as golive_VERSION_ARCH.deb.
deb: build
	cd $(BUILD) && cpack -G DEB

# Benchmarks (bench/README.md): hyperfine from Debian, Spectral (the peer compared with)
# from npm, pinned by bench/spectral/package-lock.json. Not part of make test.
bench-deps:
	@command -v hyperfine >/dev/null || apt-get install -y hyperfine
	cd bench/spectral && npm ci --ignore-scripts --no-audit --no-fund

bench: build bench-deps
	bash bench/startup.sh $(BUILD)
	bash bench/faults.sh $(BUILD)
	bash bench/tz.sh $(BUILD)
	bash bench/large.sh $(BUILD)
	bash bench/portfolio.sh $(BUILD)
	bash bench/probes.sh $(BUILD)
	bash bench/spectral.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) build-fuzz $(foreach t,$(OTHER_BUILD_TYPES),$(BUILD)-$(shell echo $(t) | tr A-Z a-z))
