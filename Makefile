# Two commands for a new user: `make demo` and `make test`. Everything else is CMake presets.
SHELL := /bin/bash
BUILD_JOBS ?= $(shell nproc)
DEMO_CASE ?= $(HOME)/inquest-demo.inquest
# Let ccache (when installed) reuse objects across checkouts in different folders.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1
# Needed for ccache to cache objects built with precompiled headers (its manual, "Precompiled headers").
export CCACHE_SLOPPINESS := pch_defines,time_macros,include_file_mtime,include_file_ctime

.PHONY: deps demo test asan-test tsan-test fuzz package clean

deps:
	@installer/install-deps.sh

test: deps
	cmake --preset dev
	cmake --build --preset dev -j $(BUILD_JOBS)
	ctest --preset dev -j $(BUILD_JOBS)

asan-test: deps
	cmake --preset asan
	cmake --build --preset asan -j $(BUILD_JOBS)
	ctest --preset asan -j $(BUILD_JOBS)

# ThreadSanitizer over the tests that run work on other threads (label `threads`). Only those
# tests and what they need are built (the target `threaded_tests`, made from the same list that
# sets the label in tests/CMakeLists.txt).
tsan-test: deps
	cmake --preset tsan
	cmake --build --preset tsan -j $(BUILD_JOBS) --target threaded_tests
	ctest --preset tsan -j $(BUILD_JOBS)

# Coverage-guided fuzzing of the readers, the article extractor and case files (clang's
# libFuzzer with ASan + UBSan). Each harness runs FUZZ_SECONDS; new inputs go to
# build/fuzz/corpus, crashes to build/fuzz/crash-*. Copy a crash into tests/fuzz/corpus/<name>
# once fixed: `make test` replays that corpus on every run.
FUZZ_SECONDS ?= 60
FUZZERS := logreaders importfile news newstime casefile clickhousereply
fuzz:
	@installer/install-deps.sh --fuzz
	cmake --preset fuzz
	cmake --build --preset fuzz -j $(BUILD_JOBS) --target $(addprefix fuzz_,$(FUZZERS))
	@set -e; for f in $(FUZZERS); do \
	  mkdir -p build/fuzz/corpus/$$f; \
	  echo "== fuzz_$$f for $(FUZZ_SECONDS) s"; \
	  build/fuzz/tests/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
	    -artifact_prefix=build/fuzz/crash-$$f- build/fuzz/corpus/$$f tests/fuzz/corpus/$$f; \
	done

# The demo needs the one executable, not the tests and benchmarks.
demo: deps
	cmake --preset release
	cmake --build --preset release -j $(BUILD_JOBS) --target inquest
	@installer/run-demo.sh build/release/ui/inquest "$(DEMO_CASE)"

package: deps
	cmake --preset release
	cmake --build --preset release -j $(BUILD_JOBS)
	cd build/release && cpack

clean:
	rm -rf build
