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

// pager is the one pager behind every ListAll*. A numbered listing
// (size > 0) asks for pages 1, 2, … of size and stops at a short page or
// once TotalCount items have arrived (when the action reports one). A
// token listing (size 0) starts at token and follows NextToken until it
// is empty or repeats. Either stops after maxPages.
type pager[T any] struct {
	size  int
	token string
	fetch func(ctx context.Context, number int, token string) (page[T], error)
}

func (pg pager[T]) all(ctx context.Context) ([]T, error) {
	var all []T
	seen := map[string]bool{}
	token := pg.token
	for n := 1; n <= maxPages; n++ {
		p, err := pg.fetch(ctx, n, token)
		if err != nil {
			return nil, err
		}
		all = append(all, p.items...)
		if pg.size > 0 {
			if len(p.items) < pg.size || (p.total > 0 && len(all) >= p.total) {
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
