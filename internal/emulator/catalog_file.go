package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Catalog files (--catalog-file): the regions, instance types, images and
// user groups the emulator serves instead of the seed catalog, so users can
// mirror their own account. The schema is CatalogFile below and is
// documented in docs/guides/emulator-reference.md; every field is checked
// at start and an error names the field by its JSON path.

// CatalogFile is the JSON document of --catalog-file.
type CatalogFile struct {
	Regions       []string              `json:"regions"`
	InstanceTypes []CatalogInstanceType `json:"instance_types"`
	Images        []CatalogImage        `json:"images"`
	// UserGroups is optional: user group ID (ug-…) → name. Absent: the seed
	// directory. Any well-formed ug- ID is accepted by the API regardless.
	UserGroups map[string]string `json:"user_groups,omitempty"`
}

// CatalogInstanceType is one resource spec with its list prices.
type CatalogInstanceType struct {
	ID          string  `json:"id"`                      // e.g. appstreaming.general.4c8g
	Family      string  `json:"family,omitempty"`        // default: the first two dot-separated parts of id
	Name        string  `json:"name"`                    // display name
	CPU         int     `json:"cpu"`                     // vCPUs, >= 1
	GPU         int     `json:"gpu,omitempty"`           // GPUs, >= 0
	MemoryMB    int64   `json:"memory_mb"`               // >= 1
	GPUMemoryMB int64   `json:"gpu_memory_mb,omitempty"` // >= 0; > 0 needs gpu > 0
	MaxCapacity int     `json:"max_capacity"`            // sessions per resource (node_capacity limit), 1..1000
	MonthlyCNY  float64 `json:"monthly_cny"`             // PrePaid price per resource per month, > 0
	HourlyCNY   float64 `json:"hourly_cny,omitempty"`    // PostPaid price per resource-hour; 0 derives it from monthly_cny
}

// CatalogImage is one image.
type CatalogImage struct {
	ID           string       `json:"id"`   // img-…
	Name         string       `json:"name"` // non-empty
	Type         string       `json:"type"` // System | User
	OsType       string       `json:"os_type"`
	PlatformName string       `json:"platform_name,omitempty"`
	Status       string       `json:"status,omitempty"` // AVAILABLE (default) | CREATING | INIT | CREATE_FAILED
	Description  string       `json:"description,omitempty"`
	Regions      []string     `json:"regions"` // each one of the file's regions
	Created      string       `json:"created"` // RFC 3339; most_recent lookups order by it
	Language     string       `json:"language,omitempty"`
	Apps         []CatalogApp `json:"apps,omitempty"`
}

// CatalogApp is one application in an image.
type CatalogApp struct {
	ID          string `json:"id"`   // ca-…
	Name        string `json:"name"` // non-empty
	Version     string `json:"version,omitempty"`
	VersionName string `json:"version_name,omitempty"`
	Icon        string `json:"icon,omitempty"`
}

var (
	catalogRegionPattern   = regexp.MustCompile(`^[a-z]{2,}(-[a-z0-9]+)+$`)
	catalogTypePattern     = regexp.MustCompile(`^[a-z0-9]+(\.[a-z0-9-]+)+$`)
	catalogImagePattern    = regexp.MustCompile(`^img-[a-z0-9-]+$`)
	catalogAppPattern      = regexp.MustCompile(`^ca-[a-z0-9]+$`)
	catalogLanguagePattern = regexp.MustCompile(`^[a-z]{2}-[A-Z]{2}$`)
)

// LoadCatalogFile reads and checks a catalog file. The user-group map is
// nil when the file has none.
func LoadCatalogFile(path string) (*Catalog, map[string]string, error) {
	data, err := os.ReadFile(path) //nolint:gosec // the operator's --catalog-file
	if err != nil {
		return nil, nil, fmt.Errorf("catalog file: %w", err)
	}
	cat, ug, err := ParseCatalog(data)
	if err != nil {
		return nil, nil, fmt.Errorf("catalog file %s: %w", path, err)
	}
	return cat, ug, nil
}

// ParseCatalog decodes and validates a catalog document.
func ParseCatalog(data []byte) (*Catalog, map[string]string, error) {
	var f CatalogFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return nil, nil, fmt.Errorf("%s: must be a JSON %s, not %s", te.Field, jsonKind(te.Type.Kind().String()), te.Value)
		}
		return nil, nil, fmt.Errorf("invalid JSON: %v", err)
	}
	if dec.More() {
		return nil, nil, errors.New("unexpected data after the JSON document")
	}
	if err := f.validate(); err != nil {
		return nil, nil, err
	}
	return f.catalog(), f.userGroups(), nil
}

func jsonKind(goKind string) string {
	switch goKind {
	case "int", "int64", "float64":
		return "number"
	case "slice":
		return "array"
	case "map", "struct":
		return "object"
	}
	return goKind
}

// problems collects what is wrong with a catalog file, field by field.
type problems []string

func (p *problems) bad(field, format string, args ...any) {
	*p = append(*p, field+": "+fmt.Sprintf(format, args...))
}

// uniqueID reports an ID that does not match pattern (what says what it
// should look like) or that seen already holds, and adds it to seen.
func (p *problems) uniqueID(seen map[string]bool, field, id string, pattern *regexp.Regexp, what string) {
	switch {
	case !pattern.MatchString(id):
		p.bad(field, "%q is not %s", id, what)
	case seen[id]:
		p.bad(field, "%q is listed twice", id)
	}
	seen[id] = true
}

func (f CatalogFile) validate() error {
	var errs problems
	regions := f.validateRegions(&errs)
	f.validateTypes(&errs)
	f.validateImages(&errs, regions)
	f.validateUserGroups(&errs)
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}

// validateRegions returns the set of the file's regions.
func (f CatalogFile) validateRegions(errs *problems) map[string]bool {
	bad := errs.bad
	if len(f.Regions) == 0 {
		bad("regions", "at least one region is required")
	}
	regions := map[string]bool{}
	for i, r := range f.Regions {
		field := fmt.Sprintf("regions[%d]", i)
		errs.uniqueID(regions, field, r, catalogRegionPattern, "a region ID such as cn-shanghai")
	}
	return regions
}

func (f CatalogFile) validateTypes(errs *problems) {
	bad := errs.bad
	if len(f.InstanceTypes) == 0 {
		bad("instance_types", "at least one instance type is required")
	}
	typeIDs := map[string]bool{}
	for i, t := range f.InstanceTypes {
		field := fmt.Sprintf("instance_types[%d]", i)
		errs.uniqueID(typeIDs, field+".id", t.ID, catalogTypePattern, "an instance type ID such as appstreaming.general.4c8g")
		if t.Family != "" && !strings.HasPrefix(t.ID, t.Family+".") {
			bad(field+".family", "%q must be a prefix of the id %q (up to a dot)", t.Family, t.ID)
		}
		if strings.TrimSpace(t.Name) == "" {
			bad(field+".name", "must not be empty")
		}
		if t.CPU < 1 {
			bad(field+".cpu", "must be at least 1 (got %d)", t.CPU)
		}
		if t.GPU < 0 {
			bad(field+".gpu", "must not be negative (got %d)", t.GPU)
		}
		if t.MemoryMB < 1 {
			bad(field+".memory_mb", "must be at least 1 (got %d)", t.MemoryMB)
		}
		if t.GPUMemoryMB < 0 || t.GPUMemoryMB > 0 && t.GPU == 0 {
			bad(field+".gpu_memory_mb", "must be 0, or positive with gpu >= 1 (got %d with gpu %d)", t.GPUMemoryMB, t.GPU)
		}
		if t.MaxCapacity < 1 || t.MaxCapacity > 1000 {
			bad(field+".max_capacity", "must be 1..1000 sessions per resource (got %d)", t.MaxCapacity)
		}
		if !(t.MonthlyCNY > 0) {
			bad(field+".monthly_cny", "must be a positive price (got %v)", t.MonthlyCNY)
		}
		if t.HourlyCNY < 0 {
			bad(field+".hourly_cny", "must not be negative (got %v)", t.HourlyCNY)
		}
	}
}

func (f CatalogFile) validateImages(errs *problems, regions map[string]bool) {
	bad := errs.bad
	if len(f.Images) == 0 {
		bad("images", "at least one image is required")
	}
	imageIDs := map[string]bool{}
	for i, im := range f.Images {
		field := fmt.Sprintf("images[%d]", i)
		errs.uniqueID(imageIDs, field+".id", im.ID, catalogImagePattern, "an image ID such as img-win2019-office")
		if strings.TrimSpace(im.Name) == "" {
			bad(field+".name", "must not be empty")
		}
		if !oneOf(im.Type, "System", "User") {
			bad(field+".type", "must be System or User (got %q)", im.Type)
		}
		if !oneOf(im.OsType, "Windows", "Linux") {
			bad(field+".os_type", "must be Windows or Linux (got %q)", im.OsType)
		}
		if im.Status != "" && !oneOf(im.Status, "AVAILABLE", "CREATING", "INIT", "CREATE_FAILED") {
			bad(field+".status", "must be AVAILABLE, CREATING, INIT or CREATE_FAILED (got %q)", im.Status)
		}
		if len(im.Regions) == 0 {
			bad(field+".regions", "at least one region is required")
		}
		for j, r := range im.Regions {
			if !regions[r] {
				bad(fmt.Sprintf("%s.regions[%d]", field, j), "%q is not one of the file's regions", r)
			}
		}
		if _, err := time.Parse(time.RFC3339, im.Created); err != nil {
			bad(field+".created", "must be an RFC 3339 time such as 2026-03-10T09:40:00Z (got %q)", im.Created)
		}
		if im.Language != "" && !catalogLanguagePattern.MatchString(im.Language) {
			bad(field+".language", "must look like en-US (got %q)", im.Language)
		}
		for j, a := range im.Apps {
			af := fmt.Sprintf("%s.apps[%d]", field, j)
			if !catalogAppPattern.MatchString(a.ID) {
				bad(af+".id", "%q is not an app ID such as ca-office0000000001", a.ID)
			}
			if strings.TrimSpace(a.Name) == "" {
				bad(af+".name", "must not be empty")
			}
		}
	}
}

func (f CatalogFile) validateUserGroups(errs *problems) {
	bad := errs.bad
	for _, id := range mapKeys(f.UserGroups) {
		if !ugPattern.MatchString(id) {
			bad("user_groups", "%q is not a user group ID (ug- and 4 to 32 lower-case letters or digits)", id)
		} else if strings.TrimSpace(f.UserGroups[id]) == "" {
			bad("user_groups."+id, "the name must not be empty")
		}
	}
}

func (f CatalogFile) catalog() *Catalog {
	c := &Catalog{Regions: append([]string(nil), f.Regions...)}
	for _, t := range f.InstanceTypes {
		family := t.Family
		if family == "" {
			parts := strings.SplitN(t.ID, ".", 3)
			family = parts[0] + "." + parts[1]
		}
		c.InstanceTypes = append(c.InstanceTypes, InstanceType{
			ID: t.ID, Family: family, Name: t.Name, CPU: strconv.Itoa(t.CPU), GPU: strconv.Itoa(t.GPU),
			MemoryMB: t.MemoryMB, GPUMemoryMB: t.GPUMemoryMB, MaxCapacity: t.MaxCapacity, Monthly: t.MonthlyCNY, Hourly: t.HourlyCNY,
		})
	}
	for _, im := range f.Images {
		created, _ := time.Parse(time.RFC3339, im.Created)
		status, lang := im.Status, im.Language
		if status == "" {
			status = "AVAILABLE"
		}
		if lang == "" {
			lang = "en-US"
		}
		apps := []App{}
		for _, a := range im.Apps {
			apps = append(apps, App{AppID: a.ID, AppName: a.Name, AppVersion: a.Version, AppVersionName: a.VersionName, AppIcon: a.Icon})
		}
		c.Images = append(c.Images, Image{
			ID: im.ID, Name: im.Name, Type: im.Type, OsType: im.OsType, PlatformName: im.PlatformName, Status: status,
			Description: im.Description, Regions: append([]string(nil), im.Regions...), GmtCreate: created.UTC(), Apps: apps, Language: lang,
		})
	}
	return c
}

func (f CatalogFile) userGroups() map[string]string {
	if f.UserGroups == nil {
		return nil
	}
	return copyMap(f.UserGroups)
}
