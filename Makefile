# camsim: two commands.
#   make run   installs what is missing (Debian), builds, serves the default cameras
#   make test  installs what is missing (with the test clients), builds, runs every test
#   make bench release build; pipeline and generator costs against raw x264, churn,
#              the session ceiling (load from camsim-load), idle and slow connections
#              (ARGS="--only churn|sessions|slow" runs one of those; --quick runs shorter)

SWIFT ?= swift
ARGS ?=

RUN_PACKAGES := libx264-dev pkg-config libfreetype-dev libpng-dev fonts-dejavu-core
TEST_PACKAGES := $(RUN_PACKAGES) ffmpeg gstreamer1.0-tools gstreamer1.0-plugins-base \
	gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-libav

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

.PHONY: run test bench build deps deps-test clean

deps:
	$(call ensure_packages,$(RUN_PACKAGES))

deps-test:
	$(call ensure_packages,$(TEST_PACKAGES))

build: deps
	$(SWIFT) build

run: deps
	$(SWIFT) build -c release --product camsim
	.build/release/camsim serve $(ARGS)

# Unit tests first, then the end-to-end suite on its own, so real-time checks
# against ffmpeg and GStreamer do not share the two cores with the unit tests.
test: deps-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip IntegrationTests
	$(SWIFT) test --skip-build --filter IntegrationTests

bench: deps
	$(SWIFT) build -c release --product camsim-bench
	$(SWIFT) build -c release --product camsim-load
	.build/release/camsim-bench $(ARGS)

clean:
	rm -rf .build
