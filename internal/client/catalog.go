package client

import (
	"context"
	"fmt"
	"strconv"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	"github.com/alibabacloud-go/tea/tea"
)

// ListRegions lists supported regions. The typed SDK1 method takes no
// filters, so it is used unless productType/bizSource are given.
func (c *Client) ListRegions(ctx context.Context, productType, bizSource string) ([]Region, error) {
	var s callSpec
	if productType == "" && bizSource == "" {
		s = viaTyped("ListRegions", nil, func() (*int32, any, error) {
			r, err := c.sdk.ListRegions()
			if err != nil {
				return nil, nil, err
			}
			return r.StatusCode, r.Body, nil
		})
	} else {
		p := newParams()
		p.str(inQuery, "ProductType", productType)
		p.str(inQuery, "BizSource", bizSource)
		s = c.viaCallAPI("ListRegions", p.query, p.body)
	}
	res, err := c.invoke(ctx, s)
	if err != nil {
		return nil, err
	}
	var out struct {
		RegionModels []Region `json:"RegionModels"`
	}
	if err := decodeInto(res.body, &out); err != nil {
		return nil, fmt.Errorf("ListRegions: decoding response: %w", err)
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
	s := c.viaCallAPI("ListImage", p.query, p.body)
	s.check = func(action string, r *response) error {
		if v, ok := r.body["Success"]; ok {
			if b, ok := v.(bool); ok && !b {
				code := firstString(r.body, "Code")
				return &APIError{Action: action, Code: code, Message: firstString(r.body, "Message"), RequestID: firstString(r.body, "RequestId"), HTTPStatus: r.status, Kind: kindOf(code, r.status)}
			}
		}
		return nil
	}
	res, err := c.invoke(ctx, s)
	if err != nil {
		return nil, err
	}
	out := &ListImagesOutput{}
	if err := decodeInto(res.body, out); err != nil {
		return nil, fmt.Errorf("ListImage: decoding response: %w", err)
	}
	return out, nil
}

// ListAllImages pages through every matching image (PageSize 100).
func (c *Client) ListAllImages(ctx context.Context, in ListImagesInput) ([]Image, error) {
	in.PageSize = 100
	var all []Image
	for page := 1; page <= maxPages; page++ {
		in.PageNumber = page
		out, err := c.ListImages(ctx, in)
		if err != nil {
			return nil, err
		}
		all = append(all, out.Images...)
		if len(out.Images) < in.PageSize || (out.Count > 0 && len(all) >= out.Count) {
			break
		}
	}
	return all, nil
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

// ListNodeInstanceTypes returns one page of specs. Typed SDK1 unless one of
// the filters SDK1 lacks (Cpu, Gpu, Memory, family, ordering…) is set.
func (c *Client) ListNodeInstanceTypes(ctx context.Context, in ListNodeInstanceTypesInput) (*ListNodeInstanceTypesOutput, error) {
	if in.PageNumber <= 0 {
		in.PageNumber = 1
	}
	if in.PageSize <= 0 {
		in.PageSize = 100
	}
	var s callSpec
	if in.CPU != nil || in.GPU != nil || in.GPUMemory != nil || in.Memory != nil || in.InstanceTypeForModify != "" ||
		in.NodeInstanceTypeFamily != "" || in.OrderBy != "" || in.OrderType != "" || in.SortType != "" {
		p := newParams()
		q := inQuery
		p.always(q, "ProductType", ProductType)
		p.str(q, "BizRegionId", in.BizRegionID)
		p.str(q, "Language", in.Language)
		p.str(q, "NodeInstanceType", in.NodeInstanceType)
		p.str(q, "OsType", in.OsType)
		p.intNZ(q, "PageNumber", in.PageNumber)
		p.intNZ(q, "PageSize", in.PageSize)
		if in.CPU != nil {
			p.set(q, "Cpu", strconv.FormatFloat(*in.CPU, 'f', -1, 64))
		}
		if in.GPU != nil {
			p.set(q, "Gpu", strconv.FormatFloat(*in.GPU, 'f', -1, 64))
		}
		p.intPtr(q, "GpuMemory", in.GPUMemory)
		p.intPtr(q, "Memory", in.Memory)
		p.str(q, "InstanceTypeForModify", in.InstanceTypeForModify)
		p.str(q, "NodeInstanceTypeFamily", in.NodeInstanceTypeFamily)
		p.str(q, "OrderBy", in.OrderBy)
		p.str(q, "OrderType", in.OrderType)
		p.str(q, "SortType", in.SortType)
		s = c.viaCallAPI("ListNodeInstanceType", p.query, p.body)
	} else {
		req := &appstream.ListNodeInstanceTypeRequest{ProductType: tea.String(ProductType), BizRegionId: strPtr(in.BizRegionID),
			Language: strPtr(in.Language), NodeInstanceType: strPtr(in.NodeInstanceType), OsType: strPtr(in.OsType),
			PageNumber: tea.Int32(int32(in.PageNumber)), PageSize: tea.Int32(int32(in.PageSize))}
		s = viaTyped("ListNodeInstanceType", map[string]any{"request": req.String()}, func() (*int32, any, error) {
			r, err := c.sdk.ListNodeInstanceType(req)
			if err != nil {
				return nil, nil, err
			}
			return r.StatusCode, r.Body, nil
		})
	}
	res, err := c.invoke(ctx, s)
	if err != nil {
		return nil, err
	}
	out := &ListNodeInstanceTypesOutput{}
	if err := decodeInto(res.body, out); err != nil {
		return nil, fmt.Errorf("ListNodeInstanceType: decoding response: %w", err)
	}
	return out, nil
}

// ListAllNodeInstanceTypes pages through every spec (PageSize 100).
func (c *Client) ListAllNodeInstanceTypes(ctx context.Context, in ListNodeInstanceTypesInput) ([]NodeInstanceType, error) {
	in.PageSize = 100
	var all []NodeInstanceType
	for page := 1; page <= maxPages; page++ {
		in.PageNumber = page
		out, err := c.ListNodeInstanceTypes(ctx, in)
		if err != nil {
			return nil, err
		}
		all = append(all, out.Types...)
		if len(out.Types) < in.PageSize || (out.TotalCount > 0 && len(all) >= out.TotalCount) {
			break
		}
	}
	return all, nil
}
