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

// ---------- GetResourcePrice ----------

// GetResourcePriceInput mirrors §2.18.
type GetResourcePriceInput struct {
	Amount           int64
	AppInstanceType  string
	BizRegionID      string
	ChargeType       string
	NodeInstanceType string
	Period           int64
	PeriodUnit       string
}

// GetResourcePriceOutput: PriceModel for NodeInstanceType quotes, PriceList
// for AppInstanceType quotes.
type GetResourcePriceOutput struct {
	PriceModel *PriceItem  `json:"PriceModel"`
	PriceList  []PriceItem `json:"PriceList"`
}

// GetResourcePrice gets a quote (typed SDK1; it has every field).
func (c *Client) GetResourcePrice(ctx context.Context, in GetResourcePriceInput) (*GetResourcePriceOutput, error) {
	req := &appstream.GetResourcePriceRequest{Amount: tea.Int64(in.Amount), AppInstanceType: strPtr(in.AppInstanceType),
		BizRegionId: strPtr(in.BizRegionID), ChargeType: strPtr(in.ChargeType), NodeInstanceType: strPtr(in.NodeInstanceType),
		Period: tea.Int64(in.Period), PeriodUnit: strPtr(in.PeriodUnit), ProductType: tea.String(ProductType)}
	s := viaTyped("GetResourcePrice", map[string]any{"request": req.String()}, func() (*int32, any, error) {
		r, err := c.sdk.GetResourcePrice(req)
		if err != nil {
			return nil, nil, err
		}
		return r.StatusCode, r.Body, nil
	})
	s.check = checkCode
	res, err := c.invoke(ctx, s)
	if err != nil {
		return nil, err
	}
	out := &GetResourcePriceOutput{}
	if err := decodeInto(res.body, out); err != nil {
		return nil, fmt.Errorf("GetResourcePrice: decoding response: %w", err)
	}
	return out, nil
}

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
	res, err := c.invoke(ctx, c.viaCallAPI(action, p.query, p.body))
	if err != nil {
		return nil, err
	}
	var out struct {
		FailedResources []FailedResource `json:"FailedResources"`
	}
	if err := decodeInto(res.body, &out); err != nil {
		return nil, fmt.Errorf("%s: decoding response: %w", action, err)
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
	res, err := c.invoke(ctx, c.viaCallAPI("ListTagCloudResources", p.query, p.body))
	if err != nil {
		return nil, err
	}
	out := &ListTagCloudResourcesOutput{}
	if err := decodeInto(res.body, out); err != nil {
		return nil, fmt.Errorf("ListTagCloudResources: decoding response: %w", err)
	}
	return out, nil
}

// ListAllTagCloudResources follows NextToken to the end.
func (c *Client) ListAllTagCloudResources(ctx context.Context, in ListTagCloudResourcesInput) ([]ResourceTags, error) {
	var all []ResourceTags
	seen := map[string]bool{}
	for page := 0; page < maxPages; page++ {
		out, err := c.ListTagCloudResources(ctx, in)
		if err != nil {
			return nil, err
		}
		all = append(all, out.ResourceTags...)
		if out.NextToken == "" || seen[out.NextToken] {
			break
		}
		seen[out.NextToken] = true
		in.NextToken = out.NextToken
	}
	return all, nil
}

// ---------- GetConnectionTicket ----------

// GetConnectionTicketInput mirrors §2.22.
type GetConnectionTicketInput struct {
	AccessType              string
	AppID                   string
	AppInstanceGroupIDList  []string
	AppInstanceID           string
	AppInstancePersistentID string
	AppPolicyID             string
	AppStartParam           string
	AppVersion              string
	BizRegionID             string
	EndUserID               string
	EnvironmentConfig       string
	ProductType             string // default CloudApp
	TaskID                  string
}

// GetConnectionTicketOutput is the task state (Ticket once Finished).
type GetConnectionTicketOutput struct {
	AppInstanceGroupID      string `json:"AppInstanceGroupId"`
	AppInstanceID           string `json:"AppInstanceId"`
	AppInstancePersistentID string `json:"AppInstancePersistentId"`
	AvatarID                string `json:"AvatarId"`
	BizRegionID             string `json:"BizRegionId"`
	OsType                  string `json:"OsType"`
	TaskID                  string `json:"TaskId"`
	TaskStatus              string `json:"TaskStatus"`
	TenantID                int64  `json:"TenantId"`
	Ticket                  string `json:"Ticket"`
}

// GetConnectionTicket starts or polls a session task. CallApi: SDK1 lacks
// AccessType/AppPolicyId/EnvironmentConfig and AvatarId in the answer.
func (c *Client) GetConnectionTicket(ctx context.Context, in GetConnectionTicketInput) (*GetConnectionTicketOutput, error) {
	p := newParams()
	b := inBody
	p.always(b, "ProductType", defaultString(in.ProductType, ProductType))
	p.always(b, "EndUserId", in.EndUserID)
	p.str(b, "AccessType", in.AccessType)
	p.str(b, "AppId", in.AppID)
	p.list(b, "AppInstanceGroupIdList", in.AppInstanceGroupIDList)
	p.str(b, "AppInstanceId", in.AppInstanceID)
	p.str(b, "AppInstancePersistentId", in.AppInstancePersistentID)
	p.str(b, "AppPolicyId", in.AppPolicyID)
	p.str(b, "AppStartParam", in.AppStartParam)
	p.str(b, "AppVersion", in.AppVersion)
	p.str(b, "BizRegionId", in.BizRegionID)
	p.str(b, "EnvironmentConfig", in.EnvironmentConfig)
	p.str(b, "TaskId", in.TaskID)
	s := c.viaCallAPI("GetConnectionTicket", p.query, p.body)
	// The first phase allocates a session; do not start a second one blindly.
	s.nonIdempotent = in.TaskID == ""
	res, err := c.invoke(ctx, s)
	if err != nil {
		return nil, err
	}
	out := &GetConnectionTicketOutput{}
	if err := decodeInto(res.body, out); err != nil {
		return nil, fmt.Errorf("GetConnectionTicket: decoding response: %w", err)
	}
	return out, nil
}

// ---------- ListOtaTask / ApproveOtaTask ----------

// ListOtaTasksOutput is one page of OTA tasks.
type ListOtaTasksOutput struct {
	Tasks      []OtaTask `json:"TaskList"`
	PageNumber int       `json:"PageNumber"`
	PageSize   int       `json:"PageSize"`
	TotalCount int       `json:"TotalCount"`
}

// ListOtaTasks lists OTA tasks of a group (typed SDK1). otaType defaults to Fota.
func (c *Client) ListOtaTasks(ctx context.Context, groupID, otaType string, pageNumber, pageSize int) (*ListOtaTasksOutput, error) {
	if pageNumber <= 0 {
		pageNumber = 1
	}
	if pageSize <= 0 {
		pageSize = 100
	}
	req := &appstream.ListOtaTaskRequest{AppInstanceGroupId: tea.String(groupID), OtaType: tea.String(defaultString(otaType, "Fota")),
		PageNumber: tea.Int32(int32(pageNumber)), PageSize: tea.Int32(int32(pageSize))}
	res, err := c.invoke(ctx, viaTyped("ListOtaTask", map[string]any{"request": req.String()}, func() (*int32, any, error) {
		r, err := c.sdk.ListOtaTask(req)
		if err != nil {
			return nil, nil, err
		}
		return r.StatusCode, r.Body, nil
	}))
	if err != nil {
		return nil, err
	}
	out := &ListOtaTasksOutput{}
	if err := decodeInto(res.body, out); err != nil {
		return nil, fmt.Errorf("ListOtaTask: decoding response: %w", err)
	}
	return out, nil
}

// ApproveOtaTaskInput mirrors §2.24.
type ApproveOtaTaskInput struct {
	AppInstanceGroupID string
	BizRegionID        string
	OtaType            string // default Fota
	StartTime          string // ISO-8601
	TaskID             string
}

// ApproveOtaTask approves an OTA task (typed SDK1). A 200 answer whose Code
// is not "success" (e.g. OtaTask.Running) becomes an *APIError.
func (c *Client) ApproveOtaTask(ctx context.Context, in ApproveOtaTaskInput) error {
	defer c.view.forget(in.AppInstanceGroupID)
	req := &appstream.ApproveOtaTaskRequest{AppInstanceGroupId: tea.String(in.AppInstanceGroupID), BizRegionId: strPtr(in.BizRegionID),
		OtaType: tea.String(defaultString(in.OtaType, "Fota")), StartTime: strPtr(in.StartTime), TaskId: tea.String(in.TaskID)}
	s := viaTyped("ApproveOtaTask", map[string]any{"request": req.String()}, func() (*int32, any, error) {
		r, err := c.sdk.ApproveOtaTask(req)
		if err != nil {
			return nil, nil, err
		}
		return r.StatusCode, r.Body, nil
	})
	s.check = checkCode
	_, err := c.invoke(ctx, s)
	return err
}

// ---------- ListAppInstances ----------

// ListAppInstancesInput mirrors §2.25.
type ListAppInstancesInput struct {
	AppInstanceGroupID string
	AppInstanceID      string
	AppInstanceIDList  []string
	IncludeDeleted     *bool
	PageNumber         int
	PageSize           int
	Status             []string
	UserIDList         []string
}

// ListAppInstancesOutput is one page.
type ListAppInstancesOutput struct {
	Instances  []AppInstance `json:"AppInstanceModels"`
	PageNumber int           `json:"PageNumber"`
	PageSize   int           `json:"PageSize"`
	TotalCount int           `json:"TotalCount"`
}

// ListAppInstances lists session instances. CallApi: SDK1 lacks UserIdList
// and the ChargeType/NodeId/NetworkInterface* answer fields.
func (c *Client) ListAppInstances(ctx context.Context, in ListAppInstancesInput) (*ListAppInstancesOutput, error) {
	p := newParams()
	q := inQuery
	p.always(q, "AppInstanceGroupId", in.AppInstanceGroupID)
	p.str(q, "AppInstanceId", in.AppInstanceID)
	p.boolPtr(q, "IncludeDeleted", in.IncludeDeleted)
	p.intNZ(q, "PageNumber", in.PageNumber)
	p.intNZ(q, "PageSize", in.PageSize)
	p.list(q, "UserIdList", in.UserIDList)
	p.list(inBody, "AppInstanceIdList", in.AppInstanceIDList)
	p.list(inBody, "Status", in.Status)
	res, err := c.invoke(ctx, c.viaCallAPI("ListAppInstances", p.query, p.body))
	if err != nil {
		return nil, err
	}
	out := &ListAppInstancesOutput{}
	if err := decodeInto(res.body, out); err != nil {
		return nil, fmt.Errorf("ListAppInstances: decoding response: %w", err)
	}
	return out, nil
}
