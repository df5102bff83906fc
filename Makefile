# The README's two commands (make demo, make test) and the developer targets around them.
BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
DEMO_DRAFT ?= examples/hearing-draft.md
CMAKE_GEN  := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")

.PHONY: all deps build demo test eval bench vsix fuzz test-asan mutants clean format

all: build

deps:
	@sh scripts/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@echo "== factline check $(DEMO_DRAFT) (bundled fact base)"
	@$(BUILD)/factline check $(DEMO_DRAFT); status=$$?; \
	  if [ $$status -gt 1 ]; then exit $$status; fi; \
	  echo "(exit status $$status: 0 = nothing to flag, 1 = findings to review)"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The accuracy corpus: recall, precision and clean violations per kind (eval/README.md), with the
# development drafts of ../shared/eval beside it when they are there.
eval: build
	python3 eval/score.py -v --check eval/quotes eval/figures
	@for d in ../shared/eval/*/; do [ -d "$$d" ] && set -- "$$@" "$$d"; done; \
	  if [ $$# -gt 0 ]; then echo "== ../shared/eval (development drafts)"; python3 eval/score.py "$$@"; fi

bench: deps
	cmake -S . -B $(BUILD)-bench $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DFACTLINE_TESTS=OFF -DFACTLINE_BENCH=ON
	cmake --build $(BUILD)-bench -j $(JOBS)
	@if [ -x bench/run ]; then bench/run $(BUILD)-bench; else echo "no benchmarks yet"; fi

# The VS Code extension for Linux x64 with $(BUILD)/factline bundled (stripped; linked so that it
# runs on any Linux x64 with glibc): editors/vscode/factline-linux-x64-<version>.vsix.
vsix: build
	sh editors/vscode/package-vsix.sh $(BUILD)/factline
	@ls -1 editors/vscode/*.vsix

# libFuzzer targets (clang, with ASan and UBSan), each run for FUZZ_SECONDS; see tests/fuzz/run.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= framing edits analyzers factbase
fuzz: deps
	cmake -S . -B $(BUILD)-fuzz $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DFACTLINE_FUZZ=ON -DFACTLINE_TESTS=OFF
	cmake --build $(BUILD)-fuzz -j $(JOBS)
	sh tests/fuzz/run $(BUILD)-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The whole ctest suite under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps
	cmake -S . -B $(BUILD)-asan $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DFACTLINE_SANITIZE=ON -DFACTLINE_BENCH=OFF
	cmake --build $(BUILD)-asan -j $(JOBS)
	@# LeakSanitizer needs ptrace, which some containers refuse: then the rest still runs.
	@leaks=1; ASAN_OPTIONS=detect_leaks=1 $(BUILD)-asan/factline --version >/dev/null 2>&1 || \
	  { leaks=0; echo "test-asan: LeakSanitizer cannot run here (ptrace refused?): leak checks off"; }; \
	  cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=$$leaks:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

# Mutation testing: each hand-made mutant of tests/mutants/ planted in a scratch copy, built, the
# fast suite run, survivors listed (scripts/mutants). Not part of `make test`: each is a rebuild.
# MUTANTS='05 12-bn' runs those whose names start so.
MUTANTS ?=
mutants: deps
	sh scripts/mutants $(MUTANTS)

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(BUILD)-bench $(BUILD)-asan $(BUILD)-fuzz
