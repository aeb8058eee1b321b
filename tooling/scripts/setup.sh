#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for sciport: system packages the tests use
# (Chromium for WebGPU on SwiftShader and the browser test, the Vulkan loader for Dawn,
# Redis for the cluster tests),
# pnpm 12.4.2, and the workspace's dependencies. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/../.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
# Dawn (the `webgpu` package) loads the Vulkan loader; chromium does not pull it in.
ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1' || need_apt+=(libvulkan1)
if [ ${#need_apt[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "setup: installing ${need_apt[*]} (Debian packages)"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "setup: please install ${need_apt[*]} with your system's package manager (WebGPU/cluster tests need them)" >&2
  fi
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "12.4.2" ]; then
  echo "setup: installing pnpm 12.4.2"
  npm install -g --allow-scripts=pnpm pnpm@12.4.2 >/dev/null
fi
export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile
