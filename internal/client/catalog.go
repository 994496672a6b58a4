package client

import (
	"context"
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

// ListImagesInput mirrors api-notes §2.15. ProductType defaults to CloudApp.
type ListImagesInput struct {
	BizRegionIDList      []string `wire:"body,BizRegionIdList"`
	BizType              *int     `wire:"body,BizType"`
	BizTypeList          []int    `wire:"body,BizTypeList"`
	FeatureList          []string `wire:"body,FeatureList"`
	FotaVersion          string   `wire:"body,FotaVersion"`
	ImageID              string   `wire:"body,ImageId"`
	ImageName            string   `wire:"body,ImageName"`
	ImageType            string   `wire:"body,ImageType"`
	LanguageType         string   `wire:"body,LanguageType"`
	OsType               string   `wire:"body,OsType"`
	PackageType          string   `wire:"body,PackageType"`
	PageNumber           int      `wire:"body,PageNumber"`
	PageSize             int      `wire:"body,PageSize"`
	PlatformName         string   `wire:"body,PlatformName"`
	PlatformNameList     []string `wire:"body,PlatformNameList"`
	ProductType          string   `wire:"body,ProductType,always"`
	ProductTypeList      []string `wire:"body,ProductTypeList"`
	ProtocolType         string   `wire:"body,ProtocolType"`
	ResourceInstanceType string   `wire:"body,ResourceInstanceType"`
	Status               string   `wire:"body,Status"`
	TagList              []Tag    `wire:"query,TagList"`
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
	in.ProductType = defaultString(in.ProductType, ProductType)
	s := c.encodedRPC("ListImage", in)
	s.check = checkSuccessFlag
	return call[ListImagesOutput](ctx, c, s)
}

// ListAllImages pages through every matching image.
func (c *Client) ListAllImages(ctx context.Context, in ListImagesInput) ([]Image, error) {
	return listPages[Image](ctx, in, c.ListImages)
}

// ---------- ListNodeInstanceType ----------

// ListNodeInstanceTypesInput mirrors api-notes §2.16.
type ListNodeInstanceTypesInput struct {
	BizRegionID            string   `wire:"query,BizRegionId"`
	Language               string   `wire:"query,Language"`
	NodeInstanceType       string   `wire:"query,NodeInstanceType"`
	OsType                 string   `wire:"query,OsType"`
	PageNumber             int      `wire:"query,PageNumber"`
	PageSize               int      `wire:"query,PageSize"`
	CPU                    *float64 `wire:"query,Cpu"`
	GPU                    *float64 `wire:"query,Gpu"`
	GPUMemory              *int     `wire:"query,GpuMemory"`
	Memory                 *int     `wire:"query,Memory"`
	InstanceTypeForModify  string   `wire:"query,InstanceTypeForModify"`
	NodeInstanceTypeFamily string   `wire:"query,NodeInstanceTypeFamily"`
	OrderBy                string   `wire:"query,OrderBy"`
	OrderType              string   `wire:"query,OrderType"`
	SortType               string   `wire:"query,SortType"`
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
	firstPage(&in.PageNumber, &in.PageSize)
	return call[ListNodeInstanceTypesOutput](ctx, c, c.encodedRPC("ListNodeInstanceType", in, inQuery))
}

// ListAllNodeInstanceTypes pages through every spec.
func (c *Client) ListAllNodeInstanceTypes(ctx context.Context, in ListNodeInstanceTypesInput) ([]NodeInstanceType, error) {
	return listPages[NodeInstanceType](ctx, in, c.ListNodeInstanceTypes)
}
