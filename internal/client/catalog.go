package client

import (
	"context"
	"fmt"
	"strconv"
)

// ListRegions lists supported regions; productType and bizSource filter
// when set. CallApi: SDK1's ListRegions takes no filters.
func (c *Client) ListRegions(ctx context.Context, productType, bizSource string) ([]Region, error) {
	p := newParams()
	p.str(inQuery, "ProductType", productType)
	p.str(inQuery, "BizSource", bizSource)
	out, err := call[struct {
		RegionModels []Region `json:"RegionModels"`
	}](ctx, c, c.rpc("ListRegions", p))
	if err != nil {
		return nil, err
	}
	return out.RegionModels, nil
}

// ---------- ListImage (not in SDK1) ----------

// ListImagesInput mirrors §2.15. ProductType defaults to CloudApp.
type ListImagesInput struct {
	BizRegionIDList      []string
	BizType              *int
	BizTypeList          []int
	FeatureList          []string
	FotaVersion          string
	ImageID              string
	ImageName            string
	ImageType            string
	LanguageType         string
	OsType               string
	PackageType          string
	PageNumber           int
	PageSize             int
	PlatformName         string
	PlatformNameList     []string
	ProductType          string
	ProductTypeList      []string
	ProtocolType         string
	ResourceInstanceType string
	Status               string
	TagList              []Tag
}

// ListImagesOutput is one page.
type ListImagesOutput struct {
	Images     []Image `json:"Data"`
	Count      int     `json:"Count"`
	PageNumber int     `json:"PageNumber"`
	PageSize   int     `json:"PageSize"`
}

// ListImages returns one page of images.
func (c *Client) ListImages(ctx context.Context, in ListImagesInput) (*ListImagesOutput, error) {
	p := newParams()
	b := inBody
	p.always(b, "ProductType", defaultString(in.ProductType, ProductType))
	p.list(b, "BizRegionIdList", in.BizRegionIDList)
	p.intPtr(b, "BizType", in.BizType)
	for i, v := range in.BizTypeList {
		p.set(b, fmt.Sprintf("BizTypeList.%d", i+1), strconv.Itoa(v))
	}
	p.list(b, "FeatureList", in.FeatureList)
	p.str(b, "FotaVersion", in.FotaVersion)
	p.str(b, "ImageId", in.ImageID)
	p.str(b, "ImageName", in.ImageName)
	p.str(b, "ImageType", in.ImageType)
	p.str(b, "LanguageType", in.LanguageType)
	p.str(b, "OsType", in.OsType)
	p.str(b, "PackageType", in.PackageType)
	p.intNZ(b, "PageNumber", in.PageNumber)
	p.intNZ(b, "PageSize", in.PageSize)
	p.str(b, "PlatformName", in.PlatformName)
	p.list(b, "PlatformNameList", in.PlatformNameList)
	p.list(b, "ProductTypeList", in.ProductTypeList)
	p.str(b, "ProtocolType", in.ProtocolType)
	p.str(b, "ResourceInstanceType", in.ResourceInstanceType)
	p.str(b, "Status", in.Status)
	p.tags(inQuery, "TagList", in.TagList)
	s := c.rpc("ListImage", p)
	s.check = checkSuccessFlag
	return call[ListImagesOutput](ctx, c, s)
}

// ListAllImages pages through every matching image.
func (c *Client) ListAllImages(ctx context.Context, in ListImagesInput) ([]Image, error) {
	return pager[Image]{size: listPageSize, fetch: func(ctx context.Context, n int, _ string) (page[Image], error) {
		in.PageNumber, in.PageSize = n, listPageSize
		out, err := c.ListImages(ctx, in)
		if err != nil {
			return page[Image]{}, err
		}
		return page[Image]{items: out.Images, total: out.Count}, nil
	}}.all(ctx)
}

// ---------- ListNodeInstanceType ----------

// ListNodeInstanceTypesInput mirrors §2.16.
type ListNodeInstanceTypesInput struct {
	BizRegionID            string
	Language               string
	NodeInstanceType       string
	OsType                 string
	PageNumber             int
	PageSize               int
	CPU                    *float64
	GPU                    *float64
	GPUMemory              *int
	Memory                 *int
	InstanceTypeForModify  string
	NodeInstanceTypeFamily string
	OrderBy                string
	OrderType              string
	SortType               string
}

// ListNodeInstanceTypesOutput is one page.
type ListNodeInstanceTypesOutput struct {
	Types      []NodeInstanceType `json:"NodeInstanceTypeModels"`
	PageNumber int                `json:"PageNumber"`
	PageSize   int                `json:"PageSize"`
	TotalCount int                `json:"TotalCount"`
}

// ListNodeInstanceTypes returns one page of specs (PageNumber 1 and
// PageSize 100 unless set). CallApi: SDK1 lacks the Cpu, Gpu, Memory,
// family and ordering filters.
func (c *Client) ListNodeInstanceTypes(ctx context.Context, in ListNodeInstanceTypesInput) (*ListNodeInstanceTypesOutput, error) {
	if in.PageNumber <= 0 {
		in.PageNumber = 1
	}
	if in.PageSize <= 0 {
		in.PageSize = listPageSize
	}
	p := newParams()
	q := inQuery
	p.always(q, "ProductType", ProductType)
	p.str(q, "BizRegionId", in.BizRegionID)
	p.str(q, "Language", in.Language)
	p.str(q, "NodeInstanceType", in.NodeInstanceType)
	p.str(q, "OsType", in.OsType)
	p.intNZ(q, "PageNumber", in.PageNumber)
	p.intNZ(q, "PageSize", in.PageSize)
	p.float(q, "Cpu", in.CPU)
	p.float(q, "Gpu", in.GPU)
	p.intPtr(q, "GpuMemory", in.GPUMemory)
	p.intPtr(q, "Memory", in.Memory)
	p.str(q, "InstanceTypeForModify", in.InstanceTypeForModify)
	p.str(q, "NodeInstanceTypeFamily", in.NodeInstanceTypeFamily)
	p.str(q, "OrderBy", in.OrderBy)
	p.str(q, "OrderType", in.OrderType)
	p.str(q, "SortType", in.SortType)
	return call[ListNodeInstanceTypesOutput](ctx, c, c.rpc("ListNodeInstanceType", p))
}

// ListAllNodeInstanceTypes pages through every spec.
func (c *Client) ListAllNodeInstanceTypes(ctx context.Context, in ListNodeInstanceTypesInput) ([]NodeInstanceType, error) {
	return pager[NodeInstanceType]{size: listPageSize, fetch: func(ctx context.Context, n int, _ string) (page[NodeInstanceType], error) {
		in.PageNumber, in.PageSize = n, listPageSize
		out, err := c.ListNodeInstanceTypes(ctx, in)
		if err != nil {
			return page[NodeInstanceType]{}, err
		}
		return page[NodeInstanceType]{items: out.Types, total: out.TotalCount}, nil
	}}.all(ctx)
}
