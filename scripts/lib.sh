# Shared set-up for the project's scripts: where tools live, a local terraform,
# and the environment every test run needs. Source it; do not run it.
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export APPSTREAMING_TOOLS_DIR=${APPSTREAMING_TOOLS_DIR:-$HOME/.cache/appstreaming-tools}
export CHECKPOINT_DISABLE=1
# Tests and the demo never reach past loopback: keep the credentials chain from
# probing the ECS metadata address when nothing else resolves.
export ALIBABA_CLOUD_ECS_METADATA_DISABLED=true
export GOFLAGS=${GOFLAGS:--buildvcs=false}

# terraform_path picks the CLI the tests use and never downloads one: terraform on
# PATH when it is >= 1.14, else the one scripts/install-terraform builds and caches.
terraform_path() {
  if [ -n "${TF_ACC_TERRAFORM_PATH:-}" ] && [ -x "$TF_ACC_TERRAFORM_PATH" ]; then
    echo "$TF_ACC_TERRAFORM_PATH"; return
  fi
  if command -v terraform >/dev/null 2>&1; then
    local v
    v=$(terraform version 2>/dev/null | head -1 | sed -n 's/^Terraform v\([0-9]*\)\.\([0-9]*\)\..*/\1 \2/p')
    if [ -n "$v" ] && [ "$(echo "$v" | awk '{print ($1>1 || ($1==1 && $2>=14))}')" = 1 ]; then
      command -v terraform; return
    fi
  fi
  "$repo_root/scripts/install-terraform" | tail -1
}

log() { printf '\n==> %s\n' "$*" >&2; }

# start_emulator DIR PORT DEPLOY_SECONDS [FLAG...]: runs DIR/appstreaming-emulator
# on 127.0.0.1:PORT (0 = any free port) in the background, waits for its ready
# line and sets emulator_pid and emulator_endpoint. The caller stops it
# (kill "$emulator_pid"), typically from an EXIT trap.
start_emulator() {
  local dir=$1 port=$2 deploy=$3
  shift 3
  "$dir/appstreaming-emulator" --listen "127.0.0.1:$port" --deploy-seconds "$deploy" "$@" \
    >"$dir/emulator.out" 2>"$dir/emulator.log" &
  emulator_pid=$!
  for _ in $(seq 1 100); do
    grep -q 'listening on' "$dir/emulator.out" 2>/dev/null && break
    kill -0 "$emulator_pid" 2>/dev/null || { cat "$dir/emulator.log" >&2; echo "emulator did not start" >&2; return 1; }
    sleep 0.1
  done
  emulator_endpoint=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$dir/emulator.out" | head -1)
  [ -n "$emulator_endpoint" ] || { echo "emulator did not report its endpoint" >&2; return 1; }
}

# is_opentofu CLI: true when CLI is an OpenTofu binary.
# (The output is captured first: with pipefail, `| grep -q` could see the CLI die of SIGPIPE.)
is_opentofu() {
  local out
  out=$(TF_CLI_CONFIG_FILE=/dev/null "$1" version 2>/dev/null) || true
  [[ $out == "OpenTofu v"* ]]
}

# write_cli_config CLI BIN_DIR FILE: a CLI configuration that serves the
# provider built in BIN_DIR, under our address and under hashicorp/appstreaming
# (what a configuration without required_providers resolves to), and downloads
# nothing. Terraform gets dev_overrides; OpenTofu's init still asks its
# registry about a dev_overrides provider, so it gets a filesystem mirror
# (unpacked layout HOST/NAMESPACE/TYPE/VERSION/OS_ARCH/binary) next to FILE.
write_cli_config() {
  local cli=$1 bin=$2 file=$3
  if is_opentofu "$cli"; then
    local host=registry.opentofu.org mirror namespace dir
    mirror="$(dirname "$file")/mirror"
    for namespace in appstreaming-iac hashicorp; do
      dir="$mirror/$host/$namespace/appstreaming/0.0.1/$(go env GOOS)_$(go env GOARCH)"
      mkdir -p "$dir"
      cp "$bin/terraform-provider-appstreaming" "$dir/terraform-provider-appstreaming_v0.0.1"
    done
    cat >"$file" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["$host/appstreaming-iac/appstreaming", "$host/hashicorp/appstreaming"]
  }
}
RC
  else
    cat >"$file" <<RC
provider_installation {
  dev_overrides {
    "appstreaming-iac/appstreaming" = "$bin"
    "hashicorp/appstreaming"        = "$bin"
  }
  direct {}
}
RC
  fi
}
