# Two commands for a new user: `make demo` and `make test`. Everything else is CMake presets.
SHELL := /bin/bash
BUILD_JOBS ?= $(shell nproc)
DEMO_CASE ?= $(HOME)/inquest-demo.inquest
# Let ccache (when installed) reuse objects across checkouts in different folders.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: deps demo test asan-test package clean

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

demo: deps
	cmake --preset release
	cmake --build --preset release -j $(BUILD_JOBS)
	@installer/run-demo.sh build/release/ui/inquest "$(DEMO_CASE)"

package: deps
	cmake --preset release
	cmake --build --preset release -j $(BUILD_JOBS)
	cd build/release && cpack

clean:
	rm -rf build
