# camsim in a container: built with the Swift toolchain, run on slim Debian.
#
#   docker build -t camsim .
#   docker run --rm -p 8554:8554 camsim
#
# The build stage runs `make install` (the target `make test` checks), which installs the
# build's Debian packages, builds camsim in release mode with the Swift runtime linked
# in, and puts the binary, Patterns/ and Configs/ under /opt/camsim. The runtime stage
# has only the shared libraries the binary links (Tests/IntegrationTests/DockerfileTests
# holds this list to the binary's own) and runs as an unprivileged user.

ARG SWIFT_IMAGE=swift:6.3.1-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${SWIFT_IMAGE} AS build
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends make \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make install PREFIX=/opt/camsim CONFIGURATION=release SWIFT_BUILD_FLAGS=--static-swift-stdlib

FROM ${RUNTIME_IMAGE} AS runtime
# The libraries the binary links (x264, x265, libavcodec for AAC, libjpeg-turbo,
# libqrencode, libzbar, FreeType, libpng, libstdc++) and the default scenes' font.
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        libx264-164 libx265-199 libavcodec59 libavutil57 libturbojpeg0 libqrencode4 libzbar0 \
        libfreetype6 libpng16-16 libstdc++6 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 camsim \
    && useradd --system --uid 10001 --gid camsim --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin camsim
COPY --from=build /opt/camsim /opt/camsim
ENV PATH=/opt/camsim/bin:$PATH
USER 10001:10001
# RTSP, and the control API (off loopback it needs CAMSIM_CONTROL_TOKEN).
EXPOSE 8554/tcp 8080/tcp
ENTRYPOINT ["camsim"]
CMD ["serve"]
