# camsim: two commands.
#   make run   installs what is missing (Debian), builds, serves the default cameras
#   make test  installs what is missing (with the test clients), builds, runs every test
#   make bench release build; pipeline and generator costs against raw x264, churn,
#              the session ceiling (load from camsim-load), idle and slow connections
#              (ARGS="--only scenes|udp|onvif|shared|loop|live|startup|ptz|churn|sessions|slow" runs one of those; --quick runs shorter)
#   make fuzz  libFuzzer targets for every parser, SECONDS=N each (see Fuzz/)
#   make install PREFIX=DIR  the release binary into DIR/bin, Patterns/ and Configs/ into
#              DIR/share/camsim (where the binary finds them); the Dockerfile runs it

SWIFT ?= swift
ARGS ?=
# Seconds each fuzz target runs under `make fuzz`.
SECONDS ?= 60

# The fuzz targets are a package of their own (Fuzz/), built with libFuzzer and
# AddressSanitizer into .build-fuzz; both runtimes and lld ship with the Swift toolchain.
# The C in dependencies (libyaml inside Yams) is instrumented too.
FUZZ_BUILD := $(SWIFT) build -c release --scratch-path ../.build-fuzz \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld \
	-Xcc -fsanitize=fuzzer-no-link,address

RUN_PACKAGES := libx264-dev pkg-config libfreetype-dev libpng-dev fonts-dejavu-core \
	libturbojpeg0-dev libqrencode-dev libx265-dev libavcodec-dev libzbar-dev
TEST_PACKAGES := $(RUN_PACKAGES) ffmpeg gstreamer1.0-tools gstreamer1.0-plugins-base \
	gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly gstreamer1.0-libav \
	python3-gi gir1.2-gst-rtsp-server-1.0 gir1.2-gstreamer-1.0 gir1.2-gst-plugins-base-1.0 \
	chromium chromium-driver zbar-tools iproute2 python3-venv
# curl reads the control API's event stream in the end-to-end tests.
TEST_PACKAGES += curl
# The encoders' own command-line tools are the baselines `make bench` measures against.
TEST_PACKAGES += x264 x265

# `make test` renders deploy/kubernetes with `kubectl kustomize`. Without a kubectl on PATH,
# Debian's kubernetes-client provides one: Debian 12's is kubectl 1.20 with kustomize
# v2.0.3, which is why the overlays use `bases` and `patchesStrategicMerge` (newer
# kubectl renders them too, with a deprecation warning). A kubectl from another package
# (kubernetes.io's, Google Cloud's) is kept: installing kubernetes-client beside it conflicts.
KUBECTL_PACKAGE := kubernetes-client

# The Python test clients from PyPI (schemathesis, prometheus_client's parser, selenium),
# in a virtualenv under .build/ that the end-to-end tests find by its path. It is made from
# Debian's python3 so that python3-gi (GStreamer from Python) is importable in it too.
VENV := .build/venv
PYTHON_REQUIREMENTS := Tests/python-requirements.txt

# Installs the named Debian packages that are missing; runs `apt-get update` only then,
# and uses sudo when not root.
define ensure_packages
	@missing=""; for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

.PHONY: run test bench build deps deps-test clean fuzz fuzz-build fuzz-smoke fuzz-seeds install install-build deps-kubectl

deps:
	$(call ensure_packages,$(RUN_PACKAGES))

deps-test:
	$(call ensure_packages,$(TEST_PACKAGES))
	@command -v kubectl >/dev/null 2>&1 || $(MAKE) --no-print-directory deps-kubectl
	@if [ ! -x $(VENV)/bin/python ] || ! cmp -s $(PYTHON_REQUIREMENTS) $(VENV)/requirements.txt; then \
		echo "installing the Python test clients into $(VENV)"; \
		/usr/bin/python3 -m venv --system-site-packages $(VENV) && \
		$(VENV)/bin/pip install -q --disable-pip-version-check -r $(PYTHON_REQUIREMENTS) && \
		cp $(PYTHON_REQUIREMENTS) $(VENV)/requirements.txt; \
	fi

deps-kubectl:
	$(call ensure_packages,$(KUBECTL_PACKAGE))

build: deps
	$(SWIFT) build

run: deps
	$(SWIFT) build -c release --product camsim
	.build/release/camsim serve $(ARGS)

# Unit tests first, then a short fixed run of each fuzz target (a crash, leak or failed
# invariant fails the run), then the end-to-end suite on its own, so real-time checks
# against ffmpeg and GStreamer do not share the two cores with the unit tests.
test: deps-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip IntegrationTests
	$(MAKE) fuzz-smoke
	$(SWIFT) test --skip-build --filter IntegrationTests

# make install PREFIX=DIR: DIR/bin/camsim, DIR/share/camsim/Patterns (the scenes, found by
# the binary walking up from its own directory) and DIR/share/camsim/Configs (examples).
# CONFIGURATION=debug installs a debug build instead of a release one (a release build
# takes minutes); BINARY=PATH installs a camsim already built and builds nothing (the
# tests install the binary they run); SWIFT_BUILD_FLAGS adds build options (the
# Dockerfile passes --static-swift-stdlib, so the image needs no Swift runtime).
PREFIX ?= /usr/local
CONFIGURATION ?= release
BINARY ?=
SWIFT_BUILD_FLAGS ?=

install: $(if $(BINARY),,install-build)
	@test -n "$(PREFIX)" || { echo "make install: PREFIX is empty" >&2; exit 2; }
	install -d $(PREFIX)/bin $(PREFIX)/share/camsim
	install -m 755 $(or $(BINARY),.build/$(CONFIGURATION)/camsim) $(PREFIX)/bin/camsim
	rm -rf $(PREFIX)/share/camsim/Patterns $(PREFIX)/share/camsim/Configs
	cp -R Patterns Configs $(PREFIX)/share/camsim/

install-build: deps
	$(SWIFT) build -c $(CONFIGURATION) --product camsim $(SWIFT_BUILD_FLAGS)

bench: deps
	$(SWIFT) build -c release --product camsim-bench
	$(SWIFT) build -c release --product camsim-load
	$(SWIFT) build -c release --product camsim
	.build/release/camsim-bench $(ARGS)

fuzz-build: deps
	cd Fuzz && $(FUZZ_BUILD)

# Every target for SECONDS each, one after another; FUZZ_TARGETS="fuzz-rtp ..." picks some.
fuzz: fuzz-build
	Fuzz/run.sh -max_total_time=$(SECONDS)

# A fixed seed and input count, so a smoke run does the same work every time (the
# 60 s cap only guards a very slow machine); `make fuzz` is where new inputs are found.
fuzz-smoke: fuzz-build
	Fuzz/run.sh -seed=1 -runs=30000 -max_total_time=60

# Rewrites Fuzz/Seeds/ from the unit tests' case tables (the unit tests check they match).
fuzz-seeds:
	$(SWIFT) build --build-tests
	CAMSIM_WRITE_FUZZ_SEEDS=1 $(SWIFT) test --skip-build --filter FuzzSeedTests

clean:
	rm -rf .build .build-fuzz
