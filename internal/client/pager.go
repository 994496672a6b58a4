package client

import "context"

// maxPages guards the pager against a server that never ends a listing.
const maxPages = 1000

// listPageSize is the page size every numbered ListAll* asks for: the
// largest page the List actions serve.
const listPageSize = 100

// page is one answer of a List action as the pager sees it.
type page[T any] struct {
	items []T
	total int    // TotalCount; 0 when the action reports none
	next  string // NextToken of token-paged actions
}

// listAnswer is a List action's answer that tells the pager its page.
type listAnswer[T any] interface{ page() page[T] }

// listAll is the one pager behind every ListAll*. A numbered listing
// (size > 0) asks for pages 1, 2, … of size and stops at a short page or
// once TotalCount items have arrived (when the action reports one). A
// token listing (size 0) starts at token and follows NextToken until it
// is empty or repeats. Either stops after maxPages.
func listAll[T any, A listAnswer[T]](ctx context.Context, size int, token string, fetch func(ctx context.Context, number int, token string) (A, error)) ([]T, error) {
	var all []T
	seen := map[string]bool{}
	for n := 1; n <= maxPages; n++ {
		a, err := fetch(ctx, n, token)
		if err != nil {
			return nil, err
		}
		p := a.page()
		all = append(all, p.items...)
		if size > 0 {
			if len(p.items) < size || (p.total > 0 && len(all) >= p.total) {
				break
			}
			continue
		}
		if p.next == "" || seen[p.next] {
			break
		}
		seen[p.next] = true
		token = p.next
	}
	return all, nil
}

// pagedInput is a List action's input that can ask for page n of
// listPageSize.
type pagedInput[In any] interface{ withPage(n int) In }

// listPages pages a PageNumber/PageSize action through listAll.
func listPages[T any, In pagedInput[In], A listAnswer[T]](ctx context.Context, in In, list func(context.Context, In) (A, error)) ([]T, error) {
	return listAll[T](ctx, listPageSize, "", func(ctx context.Context, n int, _ string) (A, error) {
		return list(ctx, in.withPage(n))
	})
}

// firstPage fills in page 1 and the largest page size where unset.
func firstPage(number, size *int) {
	if *number <= 0 {
		*number = 1
	}
	if *size <= 0 {
		*size = listPageSize
	}
}

func (o *ListImagesOutput) page() page[Image] { return page[Image]{items: o.Images, total: o.Count} }
func (o *ListNodeInstanceTypesOutput) page() page[NodeInstanceType] {
	return page[NodeInstanceType]{items: o.Types, total: o.TotalCount}
}
func (o *ListAppInstanceGroupsOutput) page() page[AppInstanceGroup] {
	return page[AppInstanceGroup]{items: o.Groups, total: o.TotalCount}
}
func (o *ListAuthorizedUserGroupsOutput) page() page[UserGroup] {
	return page[UserGroup]{items: o.UserGroups, total: o.TotalCount}
}
func (o *ListTagCloudResourcesOutput) page() page[ResourceTags] {
	return page[ResourceTags]{items: o.ResourceTags, next: o.NextToken}
}

// userNames is a page of PageListAppInstanceGroupUser (no TotalCount).
type userNames []string

func (u userNames) page() page[string] { return page[string]{items: u} }

func (in ListImagesInput) withPage(n int) ListImagesInput {
	in.PageNumber, in.PageSize = n, listPageSize
	return in
}
func (in ListNodeInstanceTypesInput) withPage(n int) ListNodeInstanceTypesInput {
	in.PageNumber, in.PageSize = n, listPageSize
	return in
}
func (in ListAppInstanceGroupsInput) withPage(n int) ListAppInstanceGroupsInput {
	in.PageNumber, in.PageSize = n, listPageSize
	return in
}
func (in ListAuthorizedUserGroupsInput) withPage(n int) ListAuthorizedUserGroupsInput {
	in.PageNumber, in.PageSize = n, listPageSize
	return in
}
