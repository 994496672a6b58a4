package client

import (
	"context"
)

// ---------- Tags (not in SDK1) ----------

// TagCloudResources sets tags on resources; per-resource failures come back
// in the slice (HTTP 200).
func (c *Client) TagCloudResources(ctx context.Context, resourceType string, resourceIDs []string, tags []Tag) ([]FailedResource, error) {
	defer c.view.forget(resourceIDs...)
	p := newParams()
	p.always(inBody, "ResourceType", resourceType)
	p.list(inBody, "ResourceIds", resourceIDs)
	p.tags(inBody, "Tags", tags)
	return c.tagCall(ctx, "TagCloudResources", p)
}

// UntagCloudResources removes tags by key.
func (c *Client) UntagCloudResources(ctx context.Context, resourceType string, resourceIDs, tagKeys []string) ([]FailedResource, error) {
	defer c.view.forget(resourceIDs...)
	p := newParams()
	p.always(inBody, "ResourceType", resourceType)
	p.list(inBody, "ResourceIds", resourceIDs)
	p.list(inBody, "TagKeys", tagKeys)
	return c.tagCall(ctx, "UntagCloudResources", p)
}

func (c *Client) tagCall(ctx context.Context, action string, p *params) ([]FailedResource, error) {
	out, err := call[struct {
		FailedResources []FailedResource `json:"FailedResources"`
	}](ctx, c, c.rpc(action, p))
	if err != nil {
		return nil, err
	}
	return out.FailedResources, nil
}

// ListTagCloudResourcesInput mirrors §2.21.
type ListTagCloudResourcesInput struct {
	ResourceType string
	ResourceIDs  []string
	Scope        string
	MaxResults   int
	NextToken    string
}

// ListTagCloudResourcesOutput is one token page.
type ListTagCloudResourcesOutput struct {
	ResourceTags []ResourceTags `json:"ResourceTags"`
	NextToken    string         `json:"NextToken"`
	TotalCount   int            `json:"TotalCount"`
}

// ListTagCloudResources returns one page of resource tags.
func (c *Client) ListTagCloudResources(ctx context.Context, in ListTagCloudResourcesInput) (*ListTagCloudResourcesOutput, error) {
	p := newParams()
	b := inBody
	p.always(b, "ResourceType", in.ResourceType)
	p.list(b, "ResourceIds", in.ResourceIDs)
	p.str(b, "Scope", in.Scope)
	p.intNZ(b, "MaxResults", in.MaxResults)
	p.str(b, "NextToken", in.NextToken)
	return call[ListTagCloudResourcesOutput](ctx, c, c.rpc("ListTagCloudResources", p))
}

// ListAllTagCloudResources follows NextToken from in.NextToken to the end.
func (c *Client) ListAllTagCloudResources(ctx context.Context, in ListTagCloudResourcesInput) ([]ResourceTags, error) {
	return pager[ResourceTags]{token: in.NextToken, fetch: func(ctx context.Context, _ int, token string) (page[ResourceTags], error) {
		in.NextToken = token
		out, err := c.ListTagCloudResources(ctx, in)
		if err != nil {
			return page[ResourceTags]{}, err
		}
		return page[ResourceTags]{items: out.ResourceTags, next: out.NextToken}, nil
	}}.all(ctx)
}
