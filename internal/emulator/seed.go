package emulator

import (
	"fmt"
	"time"
)

// AddGroup inserts a delivery group directly, without an order or the
// DEPLOYING phase, for tests that need many groups or groups in a given
// state (e.g. 250 groups for paging). Unset fields get what
// CreateAppInstanceGroup would give: a generated ID, spec, node pool and
// policy, PostPaid, NODE_FIXED with one node of capacity 1, session timeout
// 15, status PUBLISHED, creation time now. The image and instance type must
// exist in the catalog and the region must be served.
func (e *Emulator) AddGroup(g Group) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := e.st
	if g.RegionID == "" {
		g.RegionID = s.catalog.Regions[0]
	}
	if !s.catalog.hasRegion(g.RegionID) {
		return "", fmt.Errorf("emulator: region %q is not served", g.RegionID)
	}
	if _, ok := s.catalog.image(g.ImageID); !ok {
		return "", fmt.Errorf("emulator: unknown image %q", g.ImageID)
	}
	if g.NodePool.InstanceType == "" {
		g.NodePool.InstanceType = s.catalog.InstanceTypes[0].ID
	}
	if _, ok := s.catalog.instanceType(g.NodePool.InstanceType); !ok {
		return "", fmt.Errorf("emulator: unknown instance type %q", g.NodePool.InstanceType)
	}
	if g.ID == "" {
		g.ID = s.newID("aig-", 17)
	}
	if _, dup := s.groups[g.ID]; dup {
		return "", fmt.Errorf("emulator: group %s exists", g.ID)
	}
	if g.Name == "" {
		g.Name = "delivery-group-" + g.ID[len(g.ID)-6:]
	}
	e.seedDefaults(&g)
	pol := s.policies[g.PolicyID]
	if pol == nil {
		pol = s.newPolicy()
	}
	pol.Groups = append(pol.Groups, g.ID)
	g.PolicyID = pol.ID
	g.StatusUntil, g.NextStatus = time.Time{}, ""
	s.groups[g.ID] = &g
	s.order = append(s.order, g.ID)
	return g.ID, nil
}

// seedDefaults fills what AddGroup leaves to the emulator (e.mu held).
func (e *Emulator) seedDefaults(g *Group) {
	s := e.st
	def := func(p *string, v string) {
		if *p == "" {
			*p = v
		}
	}
	def(&g.ProductType, "CloudApp")
	def(&g.ChargeType, "PostPaid")
	def(&g.ChargeResourceMode, "Node")
	def(&g.Status, "PUBLISHED")
	def(&g.AuthMode, "App")
	def(&g.SessionType, "NORMAL")
	def(&g.SpecID, s.newID("spec-", 14))
	def(&g.NodePool.ID, s.newID("rg-", 17))
	def(&g.NodePool.StrategyType, "NODE_FIXED")
	def(&g.Ota.OtaVersion, "2.0.0-R-20260101.100000")
	if g.SessionTimeout == 0 {
		g.SessionTimeout = 15
	}
	if g.NodePool.NodeAmount == 0 {
		g.NodePool.NodeAmount = 1
	}
	if g.NodePool.NodeCapacity == 0 {
		g.NodePool.NodeCapacity = 1
	}
	if g.CreatedAt.IsZero() {
		g.CreatedAt = e.now()
	}
	if g.ChargeType == "PrePaid" && g.ExpiredAt.IsZero() {
		def(&g.PeriodUnit, "Month")
		if g.Period == 0 {
			g.Period = 1
		}
		g.ExpiredAt = addPeriod(g.CreatedAt, g.Period, g.PeriodUnit)
	}
	if g.Tags == nil {
		g.Tags = map[string]string{}
	}
	if g.SystemTags == nil {
		g.SystemTags = map[string]string{}
	}
}
