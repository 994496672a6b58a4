package client

import (
	"context"
)

// ---------- Tags (not in SDK1) ----------

// tagInput is what TagCloudResources (Tags) and UntagCloudResources
// (TagKeys) send.
type tagInput struct {
	ResourceType string   `wire:"body,ResourceType,always"`
	ResourceIDs  []string `wire:"body,ResourceIds"`
	Tags         []Tag    `wire:"body,Tags"`
	TagKeys      []string `wire:"body,TagKeys"`
}

// TagCloudResources sets tags on resources; per-resource failures come back
// in the slice (HTTP 200).
func (c *Client) TagCloudResources(ctx context.Context, resourceType string, resourceIDs []string, tags []Tag) ([]FailedResource, error) {
	defer c.view.forget(resourceIDs...)
	return c.tagCall(ctx, "TagCloudResources", tagInput{ResourceType: resourceType, ResourceIDs: resourceIDs, Tags: tags})
}

// UntagCloudResources removes tags by key.
func (c *Client) UntagCloudResources(ctx context.Context, resourceType string, resourceIDs, tagKeys []string) ([]FailedResource, error) {
	defer c.view.forget(resourceIDs...)
	return c.tagCall(ctx, "UntagCloudResources", tagInput{ResourceType: resourceType, ResourceIDs: resourceIDs, TagKeys: tagKeys})
}

func (c *Client) tagCall(ctx context.Context, action string, in tagInput) ([]FailedResource, error) {
	out, err := call[struct {
		FailedResources []FailedResource `json:"FailedResources"`
	}](ctx, c, c.encodedRPC(action, in))
	if err != nil {
		return nil, err
	}
	return out.FailedResources, nil
}

// ListTagCloudResourcesInput mirrors api-notes §2.21.
type ListTagCloudResourcesInput struct {
	ResourceType string   `wire:"body,ResourceType,always"`
	ResourceIDs  []string `wire:"body,ResourceIds"`
	Scope        string   `wire:"body,Scope"`
	MaxResults   int      `wire:"body,MaxResults"`
	NextToken    string   `wire:"body,NextToken"`
}

// ListTagCloudResourcesOutput is one token page.
type ListTagCloudResourcesOutput struct {
	ResourceTags []ResourceTags `json:"ResourceTags"`
	NextToken    string         `json:"NextToken"`
	TotalCount   int            `json:"TotalCount"`
}

// ListTagCloudResources returns one page of resource tags.
func (c *Client) ListTagCloudResources(ctx context.Context, in ListTagCloudResourcesInput) (*ListTagCloudResourcesOutput, error) {
	return call[ListTagCloudResourcesOutput](ctx, c, c.encodedRPC("ListTagCloudResources", in))
}

// ListAllTagCloudResources follows NextToken from in.NextToken to the end.
func (c *Client) ListAllTagCloudResources(ctx context.Context, in ListTagCloudResourcesInput) ([]ResourceTags, error) {
	return listAll[ResourceTags](ctx, 0, in.NextToken, func(ctx context.Context, _ int, token string) (*ListTagCloudResourcesOutput, error) {
		in.NextToken = token
		return c.ListTagCloudResources(ctx, in)
	})
}
