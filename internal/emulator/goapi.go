package emulator

import (
	"errors"
	"fmt"
	"maps"
	"sort"
)

// ErrNotFound is returned by the Go API for unknown group IDs.
var ErrNotFound = errors.New("emulator: group not found")

// GroupDump is one group in the state dump: the internal record plus the
// view that Get returns.
type GroupDump struct {
	Group
	View GroupView `json:"View"`
}

// StateDump is a JSON-serialisable snapshot of the whole emulator.
type StateDump struct {
	Now           string                       `json:"now"`
	Groups        []GroupDump                  `json:"groups"`
	Policies      []AppPolicy                  `json:"policies"`
	UserGroups    map[string]string            `json:"user_groups"`
	Instances     map[string][]AppInstance     `json:"app_instances"`
	OtherTags     map[string]map[string]string `json:"other_tags"`
	Regions       []string                     `json:"regions"`
	InstanceTypes []InstanceType               `json:"instance_types"`
	Images        []Image                      `json:"images"`
	Faults        Faults                       `json:"faults"`
}

func copyGroup(g *Group) Group {
	c := *g
	c.Users = append([]string{}, g.Users...)
	c.UserGroups = append([]string{}, g.UserGroups...)
	c.Orders = append([]string{}, g.Orders...)
	c.Tags, c.SystemTags = copyMap(g.Tags), copyMap(g.SystemTags)
	c.NodePool.RecurrenceSchedules = append([]RecurrenceSchedule(nil), g.NodePool.RecurrenceSchedules...)
	c.Ota.History = append([]OtaTask(nil), g.Ota.History...)
	return c
}

func copyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// State returns a snapshot of everything.
func (e *Emulator) State() StateDump {
	f := e.Faults()
	e.mu.Lock()
	defer e.mu.Unlock()
	e.tick()
	d := StateDump{Now: e.now().Format("2006-01-02T15:04:05Z07:00"), UserGroups: copyMap(e.st.userGroups),
		Instances: map[string][]AppInstance{}, OtherTags: map[string]map[string]string{},
		Regions: e.st.catalog.Regions, InstanceTypes: e.st.catalog.InstanceTypes, Images: e.st.catalog.Images, Faults: f,
		Groups: []GroupDump{}, Policies: []AppPolicy{}}
	for _, id := range e.st.order {
		g := e.st.groups[id]
		d.Groups = append(d.Groups, GroupDump{Group: copyGroup(g), View: e.view(g)})
		for _, ai := range e.st.instances[id] {
			d.Instances[id] = append(d.Instances[id], *ai)
		}
	}
	ids := make([]string, 0, len(e.st.policies))
	for id := range e.st.policies {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		p := *e.st.policies[id]
		p.Groups = append([]string{}, p.Groups...)
		d.Policies = append(d.Policies, p)
	}
	for k, v := range e.st.otherTags {
		if len(v) > 0 {
			d.OtherTags[k] = copyMap(v)
		}
	}
	return d
}

// Group returns the view of one group as GetAppInstanceGroup would.
func (e *Emulator) Group(id string) (GroupView, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.tick()
	g := e.st.groups[id]
	if g == nil {
		return GroupView{}, false
	}
	return e.view(g), true
}

// GroupRecord returns a copy of the internal record of one group.
func (e *Emulator) GroupRecord(id string) (Group, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.tick()
	g := e.st.groups[id]
	if g == nil {
		return Group{}, false
	}
	return copyGroup(g), true
}

// GroupIDs lists the existing groups in creation order.
func (e *Emulator) GroupIDs() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.tick()
	return append([]string{}, e.st.order...)
}

// UpdateGroup changes a group out of band (drift tests). fn must not
// change the ID.
func (e *Emulator) UpdateGroup(id string, fn func(g *Group)) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.tick()
	g := e.st.groups[id]
	if g == nil {
		return fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	fn(g)
	g.ID = id
	if g.Tags == nil {
		g.Tags = map[string]string{}
	}
	if g.SystemTags == nil {
		g.SystemTags = map[string]string{}
	}
	return nil
}

// DeleteGroup removes a group at once, out of band.
func (e *Emulator) DeleteGroup(id string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.st.groups[id] == nil {
		return fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	e.removeGroup(id)
	return nil
}

// AuthorizeUsers adds and removes authorized users out of band.
func (e *Emulator) AuthorizeUsers(groupID string, add, remove []string) error {
	return e.UpdateGroup(groupID, func(g *Group) { g.Users = applyAuth(g.Users, add, remove) })
}

// AuthorizeUserGroups adds and removes authorized user groups out of band.
func (e *Emulator) AuthorizeUserGroups(groupID string, add, remove []string) error {
	return e.UpdateGroup(groupID, func(g *Group) { g.UserGroups = applyAuth(g.UserGroups, add, remove) })
}

// SetTags replaces the custom and/or system tags of a group. A nil map
// leaves that scope unchanged; an empty map clears it.
func (e *Emulator) SetTags(groupID string, tags map[string]string, system map[string]string) error {
	return e.UpdateGroup(groupID, func(g *Group) {
		if tags != nil {
			g.Tags = copyMap(tags)
		}
		if system != nil {
			g.SystemTags = copyMap(system)
		}
	})
}

// Policy returns a snapshot of a policy object.
func (e *Emulator) Policy(id string) (PolicyView, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	p := e.st.policies[id]
	if p == nil {
		return PolicyView{}, false
	}
	c := *p
	c.Groups = append([]string{}, p.Groups...)
	return c, true
}

// Connect opens n sessions on a group (for the scaling engine and tests).
func (e *Emulator) Connect(groupID string, n int) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	g := e.st.groups[groupID]
	if g == nil {
		return fmt.Errorf("%w: %s", ErrNotFound, groupID)
	}
	e.connect(g, "", n)
	return nil
}

// Disconnect ends n sessions on a group, newest first.
func (e *Emulator) Disconnect(groupID string, n int) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	g := e.st.groups[groupID]
	if g == nil {
		return fmt.Errorf("%w: %s", ErrNotFound, groupID)
	}
	e.disconnect(g, n)
	return nil
}

// The STS side of the Go API (the service itself is in sts.go).

// PutRole adds or replaces a role.
func (e *Emulator) PutRole(r Role) error {
	if !roleARNPattern.MatchString(r.ARN) {
		return fmt.Errorf("role ARN %q is not acs:ram::<account>:role/<name>", r.ARN)
	}
	b := e.sts()
	b.mu.Lock()
	b.st.roles[r.ARN] = r
	b.mu.Unlock()
	return nil
}

// PutOIDCProvider adds or replaces an OIDC provider.
func (e *Emulator) PutOIDCProvider(p OIDCProvider) error {
	if !oidcProviderARNPattern.MatchString(p.ARN) {
		return fmt.Errorf("OIDC provider ARN %q is not acs:ram::<account>:oidc-provider/<name>", p.ARN)
	}
	if p.IssuerURL == "" {
		return fmt.Errorf("OIDC provider %s needs an issuer URL", p.ARN)
	}
	b := e.sts()
	b.mu.Lock()
	b.st.providers[p.ARN] = p
	b.mu.Unlock()
	return nil
}

// Roles returns the configured roles.
func (e *Emulator) Roles() []Role {
	b := e.sts()
	b.mu.Lock()
	defer b.mu.Unlock()
	return mapValues(b.st.roles)
}

// oidcProviders returns the configured OIDC providers.
func (e *Emulator) oidcProviders() []OIDCProvider {
	b := e.sts()
	b.mu.Lock()
	defer b.mu.Unlock()
	return mapValues(b.st.providers)
}

// IssuedCredentials returns the temporary credentials handed out so far,
// oldest first (secrets left out of JSON).
func (e *Emulator) IssuedCredentials() []IssuedCredential {
	b := e.sts()
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]IssuedCredential, 0, len(b.st.issued))
	for _, c := range b.st.issued {
		out = append(out, *c)
	}
	for i := 1; i < len(out); i++ { // insertion sort by expiration, then ID
		for j := i; j > 0 && (out[j].Expiration.Before(out[j-1].Expiration) ||
			out[j].Expiration.Equal(out[j-1].Expiration) && out[j].AccessKeyID < out[j-1].AccessKeyID); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// KeyCalls returns how many App Streaming calls each access key signed
// (successfully verified requests; STS calls are not counted).
func (e *Emulator) KeyCalls() map[string]int {
	b := e.sts()
	b.mu.Lock()
	defer b.mu.Unlock()
	return maps.Clone(b.st.keyCalls)
}

// KeyUses returns the verified App Streaming calls in arrival order with
// their signing keys (the first 10000).
func (e *Emulator) KeyUses() []KeyUse {
	b := e.sts()
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]KeyUse(nil), b.st.keyUses...)
}

// mapValues lists the values of m in no order (empty, not nil, for JSON).
func mapValues[K comparable, V any](m map[K]V) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
