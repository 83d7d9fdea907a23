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
# that no build type breaks unnoticed. The tests are compiled and run in Release only, to
# keep CI under 45 minutes on 2 cores.
OTHER_BUILD_TYPES ?= Debug RelWithDebInfo MinSizeRel
CHECK_BUILD_TYPES ?= $(if $(filter true,$(CI)),yes,)

.PHONY: all deps test-deps build demo test build-types install deb sanitize clean bench-deps bench

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

build-types: deps
	@set -e; for type in $(OTHER_BUILD_TYPES); do \
	  dir=$(BUILD)-$$(echo $$type | tr A-Z a-z); \
	  echo "== $$type build in $$dir"; start=$$(date +%s); \
	  cmake -S . -B $$dir -G Ninja -DCMAKE_BUILD_TYPE=$$type $(CMAKE_FLAGS) >/dev/null; \
	  cmake --build $$dir -j $(JOBS) --target golive golive-net; \
	  echo "== $$type built in $$(( $$(date +%s) - start ))s"; \
	done

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
	bash bench/tz.sh $(BUILD)
	bash bench/large.sh $(BUILD)
	bash bench/portfolio.sh $(BUILD)
	bash bench/probes.sh $(BUILD)
	bash bench/spectral.sh $(BUILD)

sanitize:
	$(MAKE) test BUILD=build-asan BUILD_TYPE=Debug CMAKE_FLAGS="-DGOLIVE_SANITIZE=ON"

clean:
	rm -rf $(BUILD) build-asan $(foreach t,$(OTHER_BUILD_TYPES),$(BUILD)-$(shell echo $(t) | tr A-Z a-z))
