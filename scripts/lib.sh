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
