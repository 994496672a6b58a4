package common

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/action"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

// ActionBase is embedded by every action: it names the type (the
// provider's name + TypeSuffix) and keeps the configured client.
type ActionBase struct {
	TypeSuffix string
	Client     *client.Client
}

func (b *ActionBase) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + b.TypeSuffix
}

func (b *ActionBase) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	b.Client = ClientFromProviderData(req.ProviderData, &resp.Diagnostics)
}

// Progress sends one progress message of a running action (shown by the
// Terraform CLI as the action goes); a no-op where the CLI takes none.
func Progress(resp *action.InvokeResponse, format string, args ...any) {
	if resp.SendProgress != nil {
		resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf(format, args...)})
	}
}
